package org.solarmarket.ledger.quantum;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import org.jboss.logging.Logger;
import org.solarmarket.ledger.api.ApiException;
import org.solarmarket.ledger.crypto.KeyAlgorithm;
import org.solarmarket.ledger.store.DataFolder;
import org.solarmarket.ledger.store.RecordLog;
import org.solarmarket.ledger.store.StorageJson;
import org.solarmarket.ledger.wallet.WalletRecord;
import org.solarmarket.ledger.wallet.WalletRegistry;

/**
 * Establishes quantum-safe channels between wallets and keeps them in {@code channels.log}.
 * Because the ledger holds both wallets' private keys, it runs both ends of the exchange and
 * derives each party's session key separately, then confirms they match.
 */
@ApplicationScoped
public class ChannelRegistry {

    private static final Logger LOG = Logger.getLogger(ChannelRegistry.class);
    private static final BigDecimal MAX_ERROR_RATE = BigDecimal.valueOf(Bb84Simulator.MAX_ERROR_RATE);

    @Inject
    DataFolder folder;

    @Inject
    WalletRegistry wallets;

    private final SecureRandom random = new SecureRandom();
    private RecordLog log;
    private final Map<String, ChannelRecord> channels = new LinkedHashMap<>();

    /** A channel's id with its opened session key. */
    public record Session(String channelId, byte[] key) {
    }

    /** A validated channel request. */
    public record Request(String participantA, String participantB, int keyBits, BigDecimal noise,
                          boolean eavesdropper) {
    }

    @PostConstruct
    void load() {
        try {
            log = RecordLog.open(folder.resolve("channels.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to open channels.log", e);
        }
        for (byte[] record : log.recoveredRecords()) {
            ChannelRecord channel = StorageJson.read(record, ChannelRecord.class);
            channels.put(channel.channelId(), channel);
        }
        LOG.infof("Loaded %d quantum-safe channels", channels.size());
    }

    @PreDestroy
    void close() throws IOException {
        log.close();
    }

    /**
     * Runs BB84 and the hybrid key exchange between two wallets.
     *
     * @throws ApiException 422 with the BB84 figures when the channel is refused
     */
    public ChannelReport establish(Request request) {
        WalletRecord a = wallets.find(request.participantA()).orElseThrow();
        WalletRecord b = wallets.find(request.participantB()).orElseThrow();
        Bb84Result bb84 = Bb84Simulator.run(request.keyBits(), request.noise().doubleValue(), request.eavesdropper(),
                random);
        ChannelReport.Bb84Summary summary = summarize(bb84, request);
        String pair = "[channel " + a.userId() + "-" + b.userId() + "]";
        if (!bb84.belowThreshold()) {
            LOG.warnf("%s refused: error rate %s exceeds %s, which points to an eavesdropper", pair,
                    summary.errorRate(), MAX_ERROR_RATE);
            throw refused(request, summary, "the BB84 error rate " + summary.errorRate() + " exceeds "
                    + MAX_ERROR_RATE + ", which points to an eavesdropper or a bad channel; the key was discarded");
        }
        if (!bb84.keysAgree()) {
            LOG.warnf("%s refused: reconciliation left the keys different", pair);
            throw refused(request, summary, "error correction could not make the two BB84 keys agree; retry"
                    + " with less noise");
        }

        HybridKeyExchange.Initiation initiation = HybridKeyExchange.initiate(
                b.publicKeys().decode(KeyAlgorithm.ML_KEM_768), b.publicKeys().decode(KeyAlgorithm.X25519));
        byte[][] responderSecrets = HybridKeyExchange.respond(initiation.offer(),
                wallets.privateKey(b.userId(), KeyAlgorithm.ML_KEM_768),
                wallets.privateKey(b.userId(), KeyAlgorithm.X25519));
        byte[] keyA = HybridKeyExchange.deriveSessionKey(bb84.aliceKey(), initiation.kemSecret(),
                initiation.x25519Secret(), initiation.offer(), a.userId(), b.userId());
        byte[] keyB = HybridKeyExchange.deriveSessionKey(bb84.bobKey(), responderSecrets[0], responderSecrets[1],
                initiation.offer(), a.userId(), b.userId());
        String fingerprintA = HybridKeyExchange.fingerprint(keyA);
        String fingerprintB = HybridKeyExchange.fingerprint(keyB);
        boolean match = java.security.MessageDigest.isEqual(keyA, keyB);
        if (!match) {
            throw new IllegalStateException(pair + " the two sides derived different session keys from agreeing"
                    + " inputs; this is a bug in the key exchange");
        }

        String channelId = UUID.randomUUID().toString();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ChannelRecord record = new ChannelRecord(channelId, a.userId(), b.userId(), createdAt, summary.errorRate(),
                bb84.keyBits(), fingerprintA, folder.masterKey().seal(keyA, "channel/" + channelId));
        store(record);
        LOG.infof("%s established as %s with error rate %s", pair, channelId, summary.errorRate());
        return new ChannelReport(channelId, a.userId(), b.userId(), true, "established",
                ChannelReport.SIMULATION_NOTICE, summary, keyExchangeSummary(initiation),
                new ChannelReport.KeyConfirmation(fingerprintA, fingerprintB, true), createdAt);
    }

    private synchronized void store(ChannelRecord record) {
        try {
            log.append(StorageJson.write(record));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to store channel " + record.channelId(), e);
        }
        channels.put(record.channelId(), record);
    }

    private static ChannelReport.Bb84Summary summarize(Bb84Result bb84, Request request) {
        return new ChannelReport.Bb84Summary(bb84.qubitsSent(), bb84.siftedBits(), bb84.sampleBits(),
                bb84.sampleErrors(),
                BigDecimal.valueOf(bb84.sampleErrors()).divide(BigDecimal.valueOf(bb84.sampleBits()), 4,
                        RoundingMode.HALF_EVEN),
                MAX_ERROR_RATE, bb84.keyBits(), request.noise(), request.eavesdropper(),
                bb84.reconciliation().correctedBits(), bb84.reconciliation().disclosedParities(), bb84.keysAgree());
    }

    private static ChannelReport.KeyExchangeSummary keyExchangeSummary(HybridKeyExchange.Initiation initiation) {
        return new ChannelReport.KeyExchangeSummary("ML-KEM-768 (FIPS 203)",
                initiation.offer().kemCiphertext().length, "X25519 (RFC 7748), ephemeral-static",
                "HKDF-SHA256 (RFC 5869)", "AES-256-GCM", HybridKeyExchange.SESSION_KEY_BYTES * 8);
    }

    private static ApiException refused(Request request, ChannelReport.Bb84Summary summary, String detail) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("secure", false);
        extensions.put("outcome", "refused");
        extensions.put("participant_a", request.participantA());
        extensions.put("participant_b", request.participantB());
        extensions.put("simulation_notice", ChannelReport.SIMULATION_NOTICE);
        extensions.put("bb84", summary);
        return new ApiException(422, "Channel refused", detail, null, null, extensions);
    }

    /** The most recent channel between two users, with its session key opened. */
    public synchronized Optional<Session> latestBetween(String first, String second) {
        ChannelRecord latest = null;
        for (ChannelRecord channel : channels.values()) {
            if (channel.connects(first, second)) {
                latest = channel;
            }
        }
        return latest == null ? Optional.empty() : Optional.of(open(latest));
    }

    public synchronized Optional<ChannelRecord> find(String channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    public Session open(ChannelRecord channel) {
        try {
            return new Session(channel.channelId(), folder.masterKey().open(channel.sessionKey(),
                    "channel/" + channel.channelId()));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("the session key of channel " + channel.channelId()
                    + " does not open under the master key", e);
        }
    }

    public synchronized List<ChannelRecord> channelsOf(String userId) {
        List<ChannelRecord> result = new ArrayList<>();
        for (ChannelRecord channel : channels.values()) {
            if (channel.hasParticipant(userId)) {
                result.add(channel);
            }
        }
        return result;
    }

    public synchronized int count() {
        return channels.size();
    }
}
