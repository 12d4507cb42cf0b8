package org.solarmarket.ledger.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.solarmarket.contracts.Json;
import org.solarmarket.ledger.store.RecordLog;
import org.solarmarket.ledger.store.StorageJson;

/** Changes to a stored chain, byte by byte and field by field, are found and named by validation. */
class StoredChainTamperTest {

    private static TestLedger ledger;
    private static List<Block> chain;

    @TempDir
    Path folder;

    @BeforeAll
    static void buildChain() {
        ledger = new TestLedger("alice", "bob");
        chain = ledger.chain(2, "alice", "bob");
    }

    private Path store(List<byte[]> records) throws IOException {
        Path file = folder.resolve("blocks.log");
        Files.deleteIfExists(file);
        try (RecordLog log = RecordLog.open(file)) {
            log.appendAll(records);
        }
        return file;
    }

    private static List<byte[]> records(List<Block> blocks) {
        return blocks.stream().map(StorageJson::write).toList();
    }

    private static ValidationResult validate(Path file) throws IOException {
        return ledger.validator().validateStored(RecordLog.scan(file), bytes -> StorageJson.read(bytes, Block.class));
    }

    @Test
    void untouchedStoredChainIsValid() throws IOException {
        ValidationResult result = validate(store(records(chain)));
        assertTrue(result.valid(), () -> String.valueOf(result.error()));
        assertEquals(3, result.blocksChecked());
    }

    /** Every byte of block 1's record (frame header included), flipped one at a time. */
    @Test
    void everyFlippedByteOfStoredBlockIsFound() throws IOException {
        Path file = store(records(chain));
        byte[] original = Files.readAllBytes(file);
        RecordLog.ScanResult scan = RecordLog.scan(file);
        long start = scan.offsets().get(1);
        long end = scan.offsets().get(2);
        try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
            for (long offset = start; offset < end; offset++) {
                access.seek(offset);
                access.write(original[(int) offset] ^ 0x01);
                ValidationResult result = validate(file);
                access.seek(offset);
                access.write(original[(int) offset]);
                assertFalse(result.valid(), "byte at offset " + offset + " flipped");
                assertEquals(1, result.error().blockIndex(), "byte at offset " + offset);
                assertEquals("record", result.error().field(), "byte at offset " + offset);
            }
        }
        assertTrue(validate(file).valid(), "every byte restored");
    }

    /** The last block, where a flipped byte looks like a torn write: validation still reports it. */
    @Test
    void flippedByteOfLastBlockIsFound() throws IOException {
        Path file = store(records(chain));
        byte[] original = Files.readAllBytes(file);
        long start = RecordLog.scan(file).offsets().get(2);
        for (long offset = start; offset < original.length; offset += 97) {
            byte[] altered = original.clone();
            altered[(int) offset] ^= (byte) 0x80;
            Files.write(file, altered);
            ValidationResult result = validate(file);
            assertFalse(result.valid(), "byte at offset " + offset + " flipped");
            assertEquals(2, result.error().blockIndex(), "byte at offset " + offset);
        }
    }

    /**
     * Each field of a stored transaction and of its block is changed, and the record is rewritten
     * with a correct checksum, as a deliberate forger would. Validation names the block, and for
     * transaction fields also the transaction.
     */
    @Test
    void everyChangedFieldWithValidChecksumIsFound() throws IOException {
        Block target = chain.get(1);
        Transaction victim = target.transactions().get(1);
        Transaction other = target.transactions().get(2);
        Map<String, Consumer<ObjectNode>> txChanges = new LinkedHashMap<>();
        txChanges.put("id", tx -> tx.put("id", other.id()));
        txChanges.put("kind", tx -> tx.put("kind", "reward"));
        txChanges.put("fill_id", tx -> tx.put("fill_id", "fill-2"));
        txChanges.put("market", tx -> tx.put("market", "2026-12-04T15:15:00Z"));
        txChanges.put("sender", tx -> tx.put("sender", "bob"));
        txChanges.put("recipient", tx -> tx.put("recipient", "alice"));
        txChanges.put("asset", tx -> tx.put("asset", "credits"));
        txChanges.put("amount", tx -> tx.put("amount", "5.001"));
        txChanges.put("price", tx -> tx.put("price", "0.26"));
        txChanges.put("sequence", tx -> tx.put("sequence", victim.sequence() + 1));
        txChanges.put("timestamp", tx -> tx.put("timestamp", victim.timestamp().plusSeconds(1).toString()));
        txChanges.put("payload", tx -> tx.putObject("payload").put("channel_id", "c").put("nonce", "AA==")
                .put("ciphertext", "AA=="));
        txChanges.put("ed25519_signature", tx -> tx.put("ed25519_signature", other.ed25519Signature()));
        txChanges.put("ml_dsa_65_signature", tx -> tx.put("ml_dsa_65_signature", other.mlDsa65Signature()));

        for (Map.Entry<String, Consumer<ObjectNode>> change : txChanges.entrySet()) {
            ObjectNode block = Json.mapper().valueToTree(target);
            ObjectNode tx = (ObjectNode) block.withArray("transactions").get(1);
            assertTrue(tx.has(change.getKey()) || change.getKey().equals("payload"), change.getKey());
            change.getValue().accept(tx);
            ValidationResult result = validateWithBlock1(block);
            assertFalse(result.valid(), "changed " + change.getKey());
            assertEquals(1, result.error().blockIndex(), "changed " + change.getKey());
            assertNotNull(result.error().transactionId(), "changed " + change.getKey());
        }

        Map<String, Consumer<ObjectNode>> blockChanges = new LinkedHashMap<>();
        blockChanges.put("index", block -> block.put("index", 2));
        blockChanges.put("timestamp", block -> block.put("timestamp", target.timestamp().plusMillis(1).toString()));
        blockChanges.put("previous_hash", block -> block.put("previous_hash", chain.get(2).hash()));
        blockChanges.put("merkle_root", block -> block.put("merkle_root", chain.get(2).merkleRoot()));
        blockChanges.put("nonce", block -> block.put("nonce", target.nonce() + 1));
        blockChanges.put("target", block -> block.put("target", Target.ofLeadingZeroBits(1).hex()));
        blockChanges.put("hash", block -> block.set("hash", TextNode.valueOf(chain.get(2).hash())));
        blockChanges.put("transactions", block -> block.withArray("transactions").remove(2));
        for (Map.Entry<String, Consumer<ObjectNode>> change : blockChanges.entrySet()) {
            ObjectNode block = Json.mapper().valueToTree(target);
            change.getValue().accept(block);
            ValidationResult result = validateWithBlock1(block);
            assertFalse(result.valid(), "changed block " + change.getKey());
            assertEquals(1, result.error().blockIndex(), "changed block " + change.getKey());
        }
    }

    @Test
    void changedFieldsNameTheirCheck() throws IOException {
        ObjectNode block = Json.mapper().valueToTree(chain.get(1));
        block.put("merkle_root", chain.get(2).merkleRoot());
        assertEquals("merkle_root", validateWithBlock1(block).error().field());

        block = Json.mapper().valueToTree(chain.get(1));
        block.put("previous_hash", chain.get(1).hash());
        assertEquals("previous_hash", validateWithBlock1(block).error().field());

        block = Json.mapper().valueToTree(chain.get(1));
        block.put("nonce", chain.get(1).nonce() + 1);
        assertEquals("hash", validateWithBlock1(block).error().field());

        block = Json.mapper().valueToTree(chain.get(1));
        ((ObjectNode) block.withArray("transactions").get(2)).put("ml_dsa_65_signature",
                chain.get(2).transactions().get(2).mlDsa65Signature());
        assertEquals("ml_dsa_65_signature", validateWithBlock1(block).error().field());
    }

    private ValidationResult validateWithBlock1(ObjectNode block1) throws IOException {
        List<byte[]> records = new ArrayList<>(records(chain));
        records.set(1, Json.mapper().writeValueAsBytes(block1));
        return validate(store(records));
    }
}
