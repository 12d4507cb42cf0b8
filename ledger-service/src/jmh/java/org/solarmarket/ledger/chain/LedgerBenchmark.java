package org.solarmarket.ledger.chain;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.solarmarket.contracts.Asset;
import org.solarmarket.ledger.crypto.DualSigner;
import org.solarmarket.ledger.crypto.KeyAlgorithm;
import org.solarmarket.ledger.crypto.Sha256;

/**
 * Proof-of-work hash rate against plain SHA-256 of the same 88-byte header on one thread, sign
 * and verify rates of Ed25519 and ML-DSA-65, and whole-chain validation. Throughput per second;
 * the two hashing benchmarks count one operation per hash.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LedgerBenchmark {

    private static final int HASHES_PER_CALL = 1 << 16;
    /** 64 leading zero bits: practically never met, so a search runs all its tries. */
    private static final Target UNREACHABLE = Target.ofLeadingZeroBits(Target.MAX_BITS);

    private byte[] header;
    private long nextNonce;
    private byte[] message;
    private PrivateKey ed25519Private;
    private PublicKey ed25519Public;
    private byte[] ed25519Signature;
    private PrivateKey mlDsaPrivate;
    private PublicKey mlDsaPublic;
    private byte[] mlDsaSignature;
    private List<Block> chain;
    private ChainValidator validator;

    @Setup
    public void setUp() {
        header = Block.header(1, Sha256.digest(new byte[] {1}), 1_764_000_000_000L, Sha256.digest(new byte[] {2}), 0);
        TestLedger ledger = new TestLedger("alice", "bob");
        Transaction transfer = ledger.settlement("fill-1", "alice", "bob", Asset.ENERGY_KWH, "5.000", 1);
        message = TransactionCodec.signedContent(transfer);
        ed25519Private = ledger.privateKey("alice", KeyAlgorithm.ED25519);
        ed25519Public = ledger.publicKeysOf("alice").orElseThrow().decode(KeyAlgorithm.ED25519);
        ed25519Signature = DualSigner.sign(KeyAlgorithm.ED25519, ed25519Private, message);
        mlDsaPrivate = ledger.privateKey("alice", KeyAlgorithm.ML_DSA_65);
        mlDsaPublic = ledger.publicKeysOf("alice").orElseThrow().decode(KeyAlgorithm.ML_DSA_65);
        mlDsaSignature = DualSigner.sign(KeyAlgorithm.ML_DSA_65, mlDsaPrivate, message);

        // 20 blocks of 5 transactions: a reward and four settlements of two fills.
        chain = new ArrayList<>();
        chain.add(ledger.genesis());
        for (int i = 1; i <= 20; i++) {
            chain.add(ledger.mine(chain.get(i - 1), List.of(ledger.reward(i),
                    ledger.settlement("a" + i, "alice", "bob", Asset.ENERGY_KWH, "5.000", i),
                    ledger.settlement("a" + i, "bob", "alice", Asset.CREDITS, "1.25", i),
                    ledger.settlement("b" + i, "bob", "alice", Asset.ENERGY_KWH, "2.000", i),
                    ledger.settlement("b" + i, "alice", "bob", Asset.CREDITS, "0.50", i))));
        }
        validator = ledger.validator();
        if (!validator.validate(chain).valid()) {
            throw new IllegalStateException("benchmark chain is invalid");
        }
    }

    /** Runs the miner's loop, which rewrites the nonce, hashes and compares with the target. */
    @Benchmark
    @OperationsPerInvocation(HASHES_PER_CALL)
    public Object proofOfWorkHashes() {
        BlockMiner.Solution solution = BlockMiner.search(header, UNREACHABLE, nextNonce, HASHES_PER_CALL, () -> false);
        nextNonce += HASHES_PER_CALL;
        return solution;
    }

    /** Hashes the same header with only its last byte changing: the floor for the miner's loop. */
    @Benchmark
    @OperationsPerInvocation(HASHES_PER_CALL)
    public byte[] plainSha256() throws DigestException {
        MessageDigest digest = Sha256.newDigest();
        byte[] input = header.clone();
        byte[] hash = new byte[32];
        for (int i = 0; i < HASHES_PER_CALL; i++) {
            input[Block.HEADER_BYTES - 1] = (byte) i;
            digest.update(input);
            digest.digest(hash, 0, 32);
        }
        return hash;
    }

    @Benchmark
    public byte[] ed25519Sign() {
        return DualSigner.sign(KeyAlgorithm.ED25519, ed25519Private, message);
    }

    @Benchmark
    public boolean ed25519Verify() {
        return DualSigner.verify(KeyAlgorithm.ED25519, ed25519Public, message, ed25519Signature);
    }

    @Benchmark
    public byte[] mlDsa65Sign() {
        return DualSigner.sign(KeyAlgorithm.ML_DSA_65, mlDsaPrivate, message);
    }

    @Benchmark
    public boolean mlDsa65Verify() {
        return DualSigner.verify(KeyAlgorithm.ML_DSA_65, mlDsaPublic, message, mlDsaSignature);
    }

    /** Full validation of 21 blocks (100 transactions, 200 signatures); one operation per chain. */
    @Benchmark
    public ValidationResult validateChain() {
        return validator.validate(chain);
    }
}
