package org.solarmarket.ledger.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Asset;

class RunningValidationTest {

    private final TestLedger ledger = new TestLedger("alice", "bob");

    @Test
    void stepwiseEqualsWholeChain() {
        List<Block> chain = ledger.chain(4, "alice", "bob");
        RunningValidation running = new RunningValidation(ledger.validator());

        ValidationResult first = running.advance(chain.subList(0, 2));
        assertTrue(first.valid());
        assertEquals(2, first.blocksChecked());
        assertEquals(3, first.transactionsChecked());

        ValidationResult all = running.advance(chain);
        assertEquals(ledger.validator().validate(chain), all);
        assertEquals(5, all.blocksChecked());
        assertEquals(12, all.transactionsChecked());
        assertNull(all.error());
        assertEquals(all, running.advance(chain), "a pass without new blocks changes nothing");
    }

    @Test
    void fillSettledAgainInLaterPassIsRejected() {
        List<Block> chain = new ArrayList<>(ledger.chain(2, "alice", "bob"));
        RunningValidation running = new RunningValidation(ledger.validator());
        assertTrue(running.advance(chain).valid());

        Transaction again = ledger.settlement("fill-1", "alice", "bob", Asset.ENERGY_KWH, "5.000", 7);
        chain.add(ledger.mine(chain.get(2), List.of(ledger.reward(3), again)));
        ValidationResult result = running.advance(chain);

        assertFalse(result.valid());
        assertEquals(3, result.blocksChecked());
        assertEquals(3, result.error().blockIndex());
        assertEquals("fill_id", result.error().field());
        assertEquals(ledger.validator().validate(chain).error(), result.error());
    }

    @Test
    void firstErrorStaysWhenBlocksFollow() {
        List<Block> chain = new ArrayList<>(ledger.chain(1, "alice", "bob"));
        Block honest = ledger.mine(chain.get(1), List.of(ledger.reward(2),
                ledger.settlement("fill-2", "alice", "bob", Asset.ENERGY_KWH, "1.000", 2)));
        Block forged = new Block(honest.index(), honest.timestamp(), honest.previousHash(), honest.merkleRoot(),
                honest.nonce() + 1, honest.target(), honest.hash(), honest.transactions());
        chain.add(forged);
        RunningValidation running = new RunningValidation(ledger.validator());

        ValidationResult result = running.advance(chain);
        assertFalse(result.valid());
        assertEquals(2, result.error().blockIndex());
        assertEquals("hash", result.error().field());

        chain.add(ledger.mine(forged, List.of(ledger.reward(3))));
        ValidationResult later = running.advance(chain);
        assertEquals(result, later);
        assertEquals(2, later.blocksChecked());
    }
}
