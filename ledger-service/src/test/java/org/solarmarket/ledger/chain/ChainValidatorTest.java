package org.solarmarket.ledger.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Asset;
import org.solarmarket.ledger.crypto.Sha256;

class ChainValidatorTest {

    private static TestLedger ledger;
    private static List<Block> chain;

    @BeforeAll
    static void buildChain() {
        ledger = new TestLedger("alice", "bob");
        chain = ledger.chain(3, "alice", "bob");
    }

    @Test
    void honestChainIsValid() {
        ValidationResult result = ledger.validator().validate(chain);
        assertTrue(result.valid(), () -> String.valueOf(result.error()));
        assertEquals(4, result.blocksChecked());
        assertEquals(9, result.transactionsChecked());
        assertNull(result.error());
    }

    /**
     * A block whose transaction list repeats its last transaction, mined properly, is rejected as a
     * duplicate. Validating the honest chain afterwards still succeeds, because no result is cached.
     */
    @Test
    void duplicatedTransactionIsRejectedAndNotCached() {
        Block honest = chain.get(1);
        List<Transaction> repeated = new ArrayList<>(honest.transactions());
        repeated.add(repeated.get(repeated.size() - 1));
        Block mutated = ledger.mine(chain.get(0), repeated);

        ValidationResult result = ledger.validator().validate(List.of(chain.get(0), mutated));
        assertFalse(result.valid());
        assertEquals(1, result.error().blockIndex());
        assertEquals("id", result.error().field());
        assertEquals(repeated.get(2).id(), result.error().transactionId());

        assertTrue(ledger.validator().validate(chain).valid());
    }

    @Test
    void fillSettledAgainInLaterBlockIsRejected() {
        Transaction again = ledger.settlement("fill-1", "alice", "bob", Asset.ENERGY_KWH, "5.000", 99);
        Block extra = ledger.mine(chain.get(3), List.of(ledger.reward(4), again));
        List<Block> extended = new ArrayList<>(chain);
        extended.add(extra);

        ValidationResult result = ledger.validator().validate(extended);
        assertFalse(result.valid());
        assertEquals(4, result.error().blockIndex());
        assertEquals("fill_id", result.error().field());
    }

    @Test
    void unknownSenderIsNamed() {
        TestLedger stranger = new TestLedger("mallory", "bob");
        Transaction forged = stranger.settlement("fill-9", "mallory", "bob", Asset.ENERGY_KWH, "1", 9);
        Block block = ledger.mine(chain.get(0), List.of(ledger.reward(1), forged));

        ValidationResult result = ledger.validator().validate(List.of(chain.get(0), block));
        assertEquals("sender", result.error().field());
    }

    @Test
    void signatureByAnotherKeyIsRejected() {
        TestLedger impostor = new TestLedger("alice", "bob");
        Transaction forged = impostor.settlement("fill-9", "alice", "bob", Asset.ENERGY_KWH, "1", 9);
        Block block = ledger.mine(chain.get(0), List.of(ledger.reward(1), forged));

        ValidationResult result = ledger.validator().validate(List.of(chain.get(0), block));
        assertEquals("ed25519_signature", result.error().field());
        assertEquals(forged.id(), result.error().transactionId());
    }

    @Test
    void blockWithoutRewardFirstIsRejected() {
        Transaction settlement = ledger.settlement("fill-9", "alice", "bob", Asset.ENERGY_KWH, "1", 9);
        Block block = ledger.mine(chain.get(0), List.of(settlement, ledger.reward(1)));
        assertEquals("kind", ledger.validator().validate(List.of(chain.get(0), block)).error().field());
    }

    @Test
    void tooManyTransactionsAreRejected() {
        List<Transaction> six = new ArrayList<>();
        six.add(ledger.reward(1));
        for (int i = 0; i < 5; i++) {
            six.add(ledger.settlement("fill-x" + i, "alice", "bob", Asset.ENERGY_KWH, "1", i));
        }
        Block block = ledger.mine(chain.get(0), six);
        assertEquals("transactions", ledger.validator().validate(List.of(chain.get(0), block)).error().field());
    }

    @Test
    void hashNotMeetingTargetIsRejected() {
        Block honest = chain.get(1);
        // Search a nonce whose hash misses the target, keeping every other field.
        long nonce = 0;
        byte[] hash;
        Target target = Target.parse(honest.target());
        do {
            nonce++;
            hash = Sha256.digest(Block.header(1, Sha256.parseDigest(honest.merkleRoot()),
                    honest.timestamp().toEpochMilli(), Sha256.parseDigest(honest.previousHash()), nonce));
        } while (target.isMetBy(hash));
        Block weak = new Block(1, honest.timestamp(), honest.previousHash(), honest.merkleRoot(), nonce,
                honest.target(), Sha256.hex(hash), honest.transactions());

        ValidationResult result = ledger.validator().validate(List.of(chain.get(0), weak));
        assertEquals("nonce", result.error().field());
    }

    /** With retargeting every 2 blocks toward 1 s, blocks 2 s apart must double the target at block 2. */
    @Test
    void retargetedChainNeedsRecomputedTarget() {
        ChainRules rules = new ChainRules(5, new Retarget(true, 2, java.time.Duration.ofSeconds(1)));
        Block genesis = ledger.genesis();
        Target start = Target.parse(genesis.target());
        Block first = ledger.mine(genesis, List.of(ledger.reward(1)), start, genesis.timestamp().plusSeconds(2));
        Target eased = rules.expectedTarget(List.of(genesis, first), 2);
        assertEquals(start.value().multiply(java.math.BigInteger.TWO), eased.value());

        Block right = ledger.mine(first, List.of(ledger.reward(2)), eased, first.timestamp().plusSeconds(1));
        ValidationResult valid = new ChainValidator(ledger, rules).validate(List.of(genesis, first, right));
        assertTrue(valid.valid(), () -> String.valueOf(valid.error()));

        Block stale = ledger.mine(first, List.of(ledger.reward(2)), start, first.timestamp().plusSeconds(1));
        ValidationResult result = new ChainValidator(ledger, rules).validate(List.of(genesis, first, stale));
        assertEquals("target", result.error().field());
        assertEquals(2, result.error().blockIndex());
    }
}
