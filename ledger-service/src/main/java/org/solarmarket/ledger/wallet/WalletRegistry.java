package org.solarmarket.ledger.wallet;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.solarmarket.ledger.api.ApiException;
import org.solarmarket.ledger.crypto.KeyAlgorithm;
import org.solarmarket.ledger.store.DataFolder;
import org.solarmarket.ledger.store.RecordLog;
import org.solarmarket.ledger.store.StorageJson;

/**
 * All wallets, kept in {@code wallets.log} (one record per wallet, append-only) and in memory.
 * Private keys stay sealed in memory too and are opened only for the one operation that needs
 * them.
 */
@ApplicationScoped
public class WalletRegistry {

    private static final Logger LOG = Logger.getLogger(WalletRegistry.class);
    static final String LOG_FILE = "wallets.log";

    @Inject
    DataFolder folder;

    @Inject
    Event<WalletCreated> walletCreated;

    private RecordLog log;
    private final Map<String, WalletRecord> byUserId = new ConcurrentHashMap<>();
    /** User ids by their lower-case form, to reject a new id that differs from an existing one only in case. */
    private final Map<String, String> byFoldedId = new ConcurrentHashMap<>();
    private final Map<String, WalletRecord> byTokenId = new ConcurrentHashMap<>();

    /** A new wallet with the API token, which exists only in this object and the HTTP response. */
    public record CreatedWallet(WalletRecord wallet, String apiToken) {
    }

    @PostConstruct
    void load() {
        try {
            log = RecordLog.open(folder.resolve(LOG_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to open " + LOG_FILE, e);
        }
        for (byte[] record : log.recoveredRecords()) {
            index(StorageJson.read(record, WalletRecord.class));
        }
        LOG.infof("Loaded %d wallets", byUserId.size());
    }

    @PreDestroy
    void close() throws IOException {
        log.close();
    }

    private void index(WalletRecord wallet) {
        byUserId.put(wallet.userId(), wallet);
        byFoldedId.putIfAbsent(folded(wallet.userId()), wallet.userId());
        byTokenId.put(wallet.tokenId(), wallet);
    }

    /**
     * Creates a wallet with fresh key pairs and a new API token, and fires {@link WalletCreated}
     * once it is on disk.
     *
     * @throws ApiException 400 for an invalid user id, 409 when the user already has a wallet
     */
    public CreatedWallet create(String userId) {
        UserIds.requireValid("user_id", userId);
        WalletRecord wallet;
        ApiTokens.Issued token = ApiTokens.issue();
        synchronized (this) {
            if (byUserId.containsKey(userId)) {
                throw ApiException.conflict("user_id", userId, "user " + userId + " already has a wallet;"
                        + " a user id can hold only one");
            }
            String similar = byFoldedId.get(folded(userId));
            if (similar != null) {
                throw ApiException.conflict("user_id", userId, "user id " + userId + " differs only in letter case"
                        + " from the existing wallet " + similar + "; user ids must differ in more than case");
            }
            KeyRing.Generated keys = KeyRing.generate(userId, folder.masterKey());
            wallet = new WalletRecord(userId, token.tokenId(), token.secretHash(), keys.publicKeys(),
                    keys.privateKeys(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
            try {
                log.append(StorageJson.write(wallet));
            } catch (IOException e) {
                throw new UncheckedIOException("failed to store the wallet of " + userId, e);
            }
            index(wallet);
        }
        LOG.infof("[wallet %s] created", userId);
        walletCreated.fire(new WalletCreated(wallet));
        return new CreatedWallet(wallet, token.token());
    }

    /** Folds letter case, so that ids such as {@code Alice} and {@code alice} count as one. */
    private static String folded(String userId) {
        return userId.toLowerCase(java.util.Locale.ROOT);
    }

    public Optional<WalletRecord> find(String userId) {
        return Optional.ofNullable(userId == null ? null : byUserId.get(userId));
    }

    /** Returns the user id an API token belongs to, if the token is valid. */
    public Optional<String> authenticate(String apiToken) {
        ApiTokens.Presented presented = ApiTokens.parse(apiToken);
        WalletRecord wallet = presented.tokenId() == null ? null : byTokenId.get(presented.tokenId());
        boolean matches = ApiTokens.matches(presented.secret(), wallet == null ? null : wallet.tokenSecretHash());
        return matches && wallet != null ? Optional.of(wallet.userId()) : Optional.empty();
    }

    /**
     * Opens one private key of a wallet.
     *
     * @throws IllegalArgumentException when the user has no wallet
     */
    public PrivateKey privateKey(String userId, KeyAlgorithm algorithm) {
        WalletRecord wallet = find(userId).orElseThrow(() -> new IllegalArgumentException("user " + userId
                + " has no wallet"));
        return KeyRing.open(userId, wallet.privateKeys(), algorithm, folder.masterKey());
    }

    /** Returns every wallet, oldest first. */
    public List<WalletRecord> all() {
        List<WalletRecord> wallets = new ArrayList<>(byUserId.values());
        wallets.sort(Comparator.comparing(WalletRecord::createdAt).thenComparing(WalletRecord::userId));
        return wallets;
    }

    public int count() {
        return byUserId.size();
    }
}
