package org.solarmarket.ledger.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Asset;
import org.solarmarket.ledger.crypto.DualSigner;
import org.solarmarket.ledger.crypto.KeyAlgorithm;

/**
 * A demo ledger once invalidated a transfer's signature when the amount changed but not when the
 * sender or recipient did. Here the signed message encodes every field, and changing any single
 * one makes both signatures fail.
 */
class TransactionSignatureTest {

    private static TestLedger ledger;
    private static Transaction transfer;

    @BeforeAll
    static void signTransfer() {
        ledger = new TestLedger("A", "B", "C");
        // From A to B, 5 kWh at 0.25 credits/kWh, sequence (nonce) 7.
        transfer = ledger.settlement("trade-7", "A", "B", Asset.ENERGY_KWH, "5", 7);
    }

    private static Map<String, UnaryOperator<Transaction>> singleFieldChanges() {
        Map<String, UnaryOperator<Transaction>> changes = new LinkedHashMap<>();
        changes.put("sender", tx -> copy(tx, "sender", "C"));
        changes.put("recipient", tx -> copy(tx, "recipient", "C"));
        changes.put("amount", tx -> copy(tx, "amount", new BigDecimal("50")));
        changes.put("amount scale", tx -> copy(tx, "amount", new BigDecimal("5.0")));
        changes.put("price", tx -> copy(tx, "price", new BigDecimal("0.26")));
        changes.put("sequence", tx -> copy(tx, "sequence", 8L));
        changes.put("asset", tx -> copy(tx, "asset", Asset.CREDITS));
        changes.put("kind", tx -> copy(tx, "kind", Transaction.Kind.REWARD));
        changes.put("fill_id", tx -> copy(tx, "fillId", "trade-8"));
        changes.put("market", tx -> copy(tx, "market", "2026-12-04T15:15:00Z"));
        changes.put("timestamp", tx -> copy(tx, "timestamp", tx.timestamp().plusNanos(1)));
        changes.put("payload", tx -> copy(tx, "payload", new EncryptedPayload("channel", "bm9uY2U=", "Y2lwaGVy")));
        return changes;
    }

    @Test
    void originalSignaturesVerify() {
        byte[] message = TransactionCodec.signedContent(transfer);
        assertTrue(verifies(KeyAlgorithm.ED25519, "A", message, transfer.ed25519Signature()));
        assertTrue(verifies(KeyAlgorithm.ML_DSA_65, "A", message, transfer.mlDsa65Signature()));
        assertEquals(transfer.id(), TransactionCodec.computeId(transfer));
    }

    @Test
    void everySingleFieldChangeBreaksBothSignatures() {
        singleFieldChanges().forEach((field, change) -> {
            Transaction changed = change.apply(transfer);
            byte[] message = TransactionCodec.signedContent(changed);
            // The sender's keys, or the new sender's keys when the sender is what changed.
            assertFalse(verifies(KeyAlgorithm.ED25519, changed.sender(), message, transfer.ed25519Signature()),
                    "Ed25519 still verifies after changing " + field);
            assertFalse(verifies(KeyAlgorithm.ML_DSA_65, changed.sender(), message, transfer.mlDsa65Signature()),
                    "ML-DSA-65 still verifies after changing " + field);
            assertNotEquals(transfer.id(), TransactionCodec.computeId(changed), "id unchanged after " + field);
        });
    }

    @Test
    void validatorNamesSignatureForChangedField() {
        singleFieldChanges().forEach((field, change) -> {
            Transaction changed = change.apply(transfer);
            if (changed.kind() == Transaction.Kind.REWARD) {
                return;
            }
            Block genesis = ledger.genesis();
            Block block = ledger.mine(genesis, java.util.List.of(ledger.reward(1), changed));
            ValidationResult result = ledger.validator().validate(java.util.List.of(genesis, block));
            assertFalse(result.valid(), field);
            assertEquals("ed25519_signature", result.error().field(), field);
        });
    }

    private static boolean verifies(KeyAlgorithm algorithm, String user, byte[] message, String signature) {
        return DualSigner.verify(algorithm, ledger.publicKeysOf(user).orElseThrow().decode(algorithm), message,
                Base64.getDecoder().decode(signature));
    }

    private static Transaction copy(Transaction tx, String field, Object value) {
        return new Transaction(tx.id(),
                field.equals("kind") ? (Transaction.Kind) value : tx.kind(),
                field.equals("fillId") ? (String) value : tx.fillId(),
                field.equals("market") ? (String) value : tx.market(),
                field.equals("sender") ? (String) value : tx.sender(),
                field.equals("recipient") ? (String) value : tx.recipient(),
                field.equals("asset") ? (Asset) value : tx.asset(),
                field.equals("amount") ? (BigDecimal) value : tx.amount(),
                field.equals("price") ? (BigDecimal) value : tx.price(),
                field.equals("sequence") ? (Long) value : tx.sequence(),
                field.equals("timestamp") ? (java.time.Instant) value : tx.timestamp(),
                field.equals("payload") ? (EncryptedPayload) value : tx.payload(),
                tx.ed25519Signature(), tx.mlDsa65Signature());
    }
}
