package org.solarmarket.ledger.chain;

import java.math.BigDecimal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.solarmarket.contracts.Asset;
import org.solarmarket.ledger.crypto.KeyAlgorithm;
import org.solarmarket.ledger.crypto.MasterKey;
import org.solarmarket.ledger.crypto.PublicKeys;
import org.solarmarket.ledger.crypto.Sha256;
import org.solarmarket.ledger.wallet.KeyRing;
import org.solarmarket.ledger.wallet.SealedPrivateKeys;

/** Builds signed transactions and mined chains for tests, with real keys and a low difficulty. */
public final class TestLedger implements KeyDirectory {

    public static final Target EASY = Target.ofLeadingZeroBits(6);
    public static final ChainRules RULES = new ChainRules(5, Retarget.OFF);

    private final MasterKey masterKey;
    private final Map<String, KeyRing.Generated> accounts = new HashMap<>();
    private final Instant start = Instant.parse("2026-12-04T12:00:00Z");

    public TestLedger(String... users) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        masterKey = MasterKey.of(key, "test");
        addAccount(Transaction.COINBASE);
        for (String user : users) {
            addAccount(user);
        }
    }

    public void addAccount(String user) {
        accounts.put(user, KeyRing.generate(user, masterKey));
    }

    @Override
    public Optional<PublicKeys> publicKeysOf(String accountId) {
        return Optional.ofNullable(accounts.get(accountId)).map(KeyRing.Generated::publicKeys);
    }

    public PrivateKey privateKey(String user, KeyAlgorithm algorithm) {
        SealedPrivateKeys sealed = accounts.get(user).privateKeys();
        return KeyRing.open(user, sealed, algorithm, masterKey);
    }

    public Transaction sign(Transaction unsigned) {
        return TransactionSigning.sign(unsigned, privateKey(unsigned.sender(), KeyAlgorithm.ED25519),
                privateKey(unsigned.sender(), KeyAlgorithm.ML_DSA_65));
    }

    public Transaction settlement(String fillId, String sender, String recipient, Asset asset, String amount,
                                  long sequence) {
        return sign(new Transaction(null, Transaction.Kind.SETTLEMENT, fillId, "2026-12-04T15:00:00Z", sender,
                recipient, asset, new BigDecimal(amount), new BigDecimal("0.25"), sequence,
                start.plusSeconds(sequence), null, null, null));
    }

    public Transaction reward(long index) {
        return sign(new Transaction(null, Transaction.Kind.REWARD, null, null, Transaction.COINBASE, "ledger:miner",
                Asset.CREDITS, new BigDecimal("1.00"), null, index, start.plusSeconds(index), null, null, null));
    }

    public Block genesis() {
        return Chain.genesis(EASY);
    }

    /** Mines a block on top of {@code previous} holding exactly {@code transactions}, 1 s later, at its target. */
    public Block mine(Block previous, List<Transaction> transactions) {
        return mine(previous, transactions, Target.parse(previous.target()),
                previous.timestamp().plusMillis(1000).truncatedTo(ChronoUnit.MILLIS));
    }

    /** Mines a block with the given target and timestamp. */
    public Block mine(Block previous, List<Transaction> transactions, Target target, Instant timestamp) {
        long index = previous.index() + 1;
        byte[] root = MerkleTree.root(transactions.stream()
                .map(tx -> MerkleTree.leafHash(TransactionCodec.leafData(tx))).toList());
        byte[] header = Block.header(index, root, timestamp.toEpochMilli(), Sha256.parseDigest(previous.hash()), 0);
        BlockMiner.Solution solution = BlockMiner.mine(header, target, () -> false);
        return new Block(index, timestamp, previous.hash(), Sha256.hex(root), solution.nonce(), target.hex(),
                Sha256.hex(solution.hash()), List.copyOf(transactions));
    }

    /** Builds genesis plus {@code blocks} blocks, each with a reward and the two settlements of one fill. */
    public List<Block> chain(int blocks, String seller, String buyer) {
        List<Block> chain = new ArrayList<>();
        chain.add(genesis());
        for (int i = 1; i <= blocks; i++) {
            String fill = "fill-" + i;
            chain.add(mine(chain.get(i - 1), List.of(reward(i),
                    settlement(fill, seller, buyer, Asset.ENERGY_KWH, "5.000", i),
                    settlement(fill, buyer, seller, Asset.CREDITS, "1.25000", i))));
        }
        return chain;
    }

    public ChainValidator validator() {
        return new ChainValidator(this, RULES);
    }
}
