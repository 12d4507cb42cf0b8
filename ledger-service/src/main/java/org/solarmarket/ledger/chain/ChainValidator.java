package org.solarmarket.ledger.chain;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.function.Function;
import org.solarmarket.ledger.crypto.DualSigner;
import org.solarmarket.ledger.crypto.KeyAlgorithm;
import org.solarmarket.ledger.crypto.PublicKeys;
import org.solarmarket.ledger.crypto.Sha256;
import org.solarmarket.ledger.store.RecordLog;

/**
 * Checks a whole chain and returns the first error. Per block it checks, in order, the index, the
 * link to the previous hash and the transaction count. Then each transaction: kind and position,
 * both signatures, its id, and that neither the id nor the fill leg appeared before. Last come the
 * Merkle root, the target, the hash and the proof of work. Results are computed afresh on every
 * call and never cached; {@link RunningValidation} applies the same checks to a growing chain.
 */
public final class ChainValidator {

    private final KeyDirectory keys;
    private final ChainRules rules;
    /** Decoded public keys by their base64 form; decoding an ML-DSA key costs more than a verify. */
    private final Map<String, PublicKey> decodedKeys = new ConcurrentHashMap<>();

    public ChainValidator(KeyDirectory keys, ChainRules rules) {
        this.keys = keys;
        this.rules = rules;
    }

    /**
     * Validates blocks read from a record log. Storage damage becomes the error of the block whose
     * record is damaged, unless an earlier block already fails.
     */
    public ValidationResult validateStored(RecordLog.ScanResult scan, Function<byte[], Block> parser) {
        List<Block> blocks = new ArrayList<>();
        ValidationResult.Error parseError = null;
        for (int i = 0; i < scan.records().size(); i++) {
            try {
                blocks.add(parser.apply(scan.records().get(i)));
            } catch (RuntimeException e) {
                parseError = new ValidationResult.Error(i, null, "record", "stored record " + i + " at offset "
                        + scan.offsets().get(i) + " is not a valid block: " + e.getMessage());
                break;
            }
        }
        ValidationResult result = validate(blocks);
        if (!result.valid()) {
            return result;
        }
        if (parseError != null) {
            return ValidationResult.failed(result.blocksChecked(), result.transactionsChecked(), parseError);
        }
        if (scan.damage() != null) {
            RecordLog.Damage damage = scan.damage();
            return ValidationResult.failed(result.blocksChecked(), result.transactionsChecked(),
                    new ValidationResult.Error(damage.recordNumber(), null, "record", "stored block record "
                            + damage.recordNumber() + " at offset " + damage.offset() + " is damaged: "
                            + damage.problem()));
        }
        return result;
    }

    public ValidationResult validate(List<Block> chain) {
        Map<String, Long> seenIds = new HashMap<>();
        Map<String, Long> seenFillLegs = new HashMap<>();
        int transactions = 0;
        for (int i = 0; i < chain.size(); i++) {
            Block block = chain.get(i);
            ValidationResult.Error error = checkBlock(chain, i, seenIds, seenFillLegs);
            if (error != null) {
                return ValidationResult.failed(i, transactions, error);
            }
            transactions += block.transactions().size();
        }
        return ValidationResult.ok(chain.size(), transactions);
    }

    /**
     * Checks block {@code i} of {@code chain} against the blocks before it and records its ids
     * and fill legs in the maps. Returns the first error, or null when the block is valid.
     */
    ValidationResult.Error checkBlock(List<Block> chain, int i, Map<String, Long> seenIds,
                                      Map<String, Long> seenFillLegs) {
        Block block = chain.get(i);
        if (block.index() != i) {
            return blockError(i, "index", "block at position " + i + " has index " + block.index());
        }
        if (block.timestamp() == null) {
            return blockError(i, "timestamp", "block has no timestamp");
        }
        if (!Sha256.isDigestHex(block.previousHash()) || !Sha256.isDigestHex(block.merkleRoot())
                || !Sha256.isDigestHex(block.hash()) || !Sha256.isDigestHex(block.target())) {
            return blockError(i, "hash", "previous_hash, merkle_root, hash and target must each be 64 hex digits");
        }
        String expectedPrevious = i == 0 ? Block.GENESIS_PREVIOUS_HASH : chain.get(i - 1).hash();
        if (!block.previousHash().equals(expectedPrevious)) {
            return blockError(i, "previous_hash", "previous_hash " + block.previousHash()
                    + " does not match the hash of block " + (i - 1) + " (" + expectedPrevious + ")");
        }
        if (i > 0 && block.timestamp().isBefore(chain.get(i - 1).timestamp())) {
            return blockError(i, "timestamp", "timestamp " + block.timestamp() + " is before block " + (i - 1) + "'s");
        }
        List<Transaction> txs = block.transactions() == null ? List.of() : block.transactions();
        ValidationResult.Error countError = checkTransactionCount(i, txs);
        if (countError != null) {
            return countError;
        }
        List<byte[]> leafHashes = new ArrayList<>(txs.size());
        for (int position = 0; position < txs.size(); position++) {
            Transaction tx = txs.get(position);
            ValidationResult.Error txError = checkTransaction(block, position, tx, seenIds, seenFillLegs);
            if (txError != null) {
                return txError;
            }
            leafHashes.add(MerkleTree.leafHash(TransactionCodec.leafData(tx)));
        }
        String computedRoot = Sha256.hex(MerkleTree.root(leafHashes));
        if (!computedRoot.equals(block.merkleRoot())) {
            return blockError(i, "merkle_root", "merkle_root " + block.merkleRoot()
                    + " does not match the transactions (computed " + computedRoot + ")");
        }
        if (i > 0) {
            Target expected = rules.expectedTarget(chain, i);
            if (!expected.hex().equals(block.target())) {
                return blockError(i, "target", "target " + block.target() + " differs from the target the chain"
                        + " requires here (" + expected.hex() + ")");
            }
        }
        byte[] computedHash = block.computeHash();
        if (!Sha256.hex(computedHash).equals(block.hash())) {
            return blockError(i, "hash", "hash " + block.hash() + " does not match the header (computed "
                    + Sha256.hex(computedHash) + ")");
        }
        if (!Target.parse(block.target()).isMetBy(computedHash)) {
            return blockError(i, "nonce", "hash " + block.hash() + " does not meet target " + block.target());
        }
        return null;
    }

    private ValidationResult.Error checkTransactionCount(int i, List<Transaction> txs) {
        if (i == 0) {
            return txs.isEmpty() ? null : blockError(0, "transactions", "the genesis block must hold no transactions");
        }
        if (txs.isEmpty() || txs.size() > rules.maxTransactionsPerBlock()) {
            return blockError(i, "transactions", "block holds " + txs.size() + " transactions; it must hold 1 to "
                    + rules.maxTransactionsPerBlock() + ", the reward first");
        }
        return null;
    }

    private ValidationResult.Error checkTransaction(Block block, int position, Transaction tx,
                                                    Map<String, Long> seenIds, Map<String, Long> seenFillLegs) {
        long i = block.index();
        String id = tx.id();
        boolean reward = position == 0;
        if (tx.kind() != (reward ? Transaction.Kind.REWARD : Transaction.Kind.SETTLEMENT)) {
            return txError(i, id, "kind", "transaction " + position + " has kind " + tx.kind() + "; a block holds"
                    + " one reward first and settlements after it");
        }
        if (reward && (!Transaction.COINBASE.equals(tx.sender()) || tx.sequence() != i)) {
            return txError(i, id, reward && tx.sequence() != i ? "sequence" : "sender",
                    "a reward must come from " + Transaction.COINBASE + " with sequence equal to the block index");
        }
        if (!reward && (tx.fillId() == null || Transaction.COINBASE.equals(tx.sender()))) {
            return txError(i, id, "fill_id", "a settlement needs a fill id and a wallet as sender");
        }
        if (tx.amount() == null || tx.amount().signum() < 0 || tx.asset() == null || tx.timestamp() == null
                || tx.recipient() == null) {
            return txError(i, id, "amount", "a transaction needs a recipient, an asset, a non-negative amount and"
                    + " a timestamp");
        }
        ValidationResult.Error signatureError = checkSignatures(i, tx);
        if (signatureError != null) {
            return signatureError;
        }
        String computedId = TransactionCodec.computeId(tx);
        if (!computedId.equals(id)) {
            return txError(i, id, "id", "id does not match the transaction's content (computed " + computedId + ")");
        }
        Long earlier = seenIds.putIfAbsent(id, i);
        if (earlier != null) {
            return txError(i, id, "id", "transaction appears twice; first in block " + earlier);
        }
        if (!reward) {
            Long earlierLeg = seenFillLegs.putIfAbsent(tx.fillId() + "/" + tx.asset().wireName(), i);
            if (earlierLeg != null) {
                return txError(i, id, "fill_id", "fill " + tx.fillId() + " was already settled in "
                        + tx.asset().wireName() + " in block " + earlierLeg);
            }
        }
        return null;
    }

    private ValidationResult.Error checkSignatures(long i, Transaction tx) {
        Optional<PublicKeys> senderKeys = keys.publicKeysOf(tx.sender());
        if (senderKeys.isEmpty()) {
            return txError(i, tx.id(), "sender", "sender " + tx.sender() + " has no known public keys");
        }
        byte[] message = TransactionCodec.signedContent(tx);
        if (!verifies(KeyAlgorithm.ED25519, senderKeys.get(), message, tx.ed25519Signature())) {
            return txError(i, tx.id(), "ed25519_signature", "Ed25519 signature does not verify under "
                    + tx.sender() + "'s key");
        }
        if (!verifies(KeyAlgorithm.ML_DSA_65, senderKeys.get(), message, tx.mlDsa65Signature())) {
            return txError(i, tx.id(), "ml_dsa_65_signature", "ML-DSA-65 signature does not verify under "
                    + tx.sender() + "'s key");
        }
        return null;
    }

    private boolean verifies(KeyAlgorithm algorithm, PublicKeys keys, byte[] message, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        PublicKey key;
        try {
            key = decodedKeys.computeIfAbsent(keys.get(algorithm), encoded -> keys.decode(algorithm));
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
        return DualSigner.verify(algorithm, key, message, signatureBytes);
    }

    private static ValidationResult.Error blockError(long index, String field, String message) {
        return new ValidationResult.Error(index, null, field, "block " + index + ": " + message);
    }

    private static ValidationResult.Error txError(long index, String txId, String field, String message) {
        return new ValidationResult.Error(index, txId, field, "block " + index + ", transaction " + txId + ": "
                + message);
    }
}
