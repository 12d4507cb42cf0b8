package org.solarmarket.ledger.wallet;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.Topics;
import org.solarmarket.contracts.TradingCommand;
import org.solarmarket.ledger.kafka.LedgerProducer;
import org.solarmarket.ledger.store.DataFolder;
import org.solarmarket.ledger.store.RecordLog;

/**
 * Opens the trading account of each new wallet by writing {@link TradingCommand.OpenAccount} to
 * {@link Topics#ORDERS}. The command id is {@code open-account-<user id>}, the same on every
 * attempt, so trading-service can ignore repeats. The user ids whose command the broker
 * acknowledged are kept in {@code accounts-opened.log}; at startup the command is sent again for
 * every wallet missing there, so a crash between storing a wallet and the acknowledgement does not
 * leave a wallet without an account.
 */
@ApplicationScoped
public class AccountOpener {

    private static final Logger LOG = Logger.getLogger(AccountOpener.class);

    @Inject
    DataFolder folder;

    @Inject
    LedgerProducer producer;

    @Inject
    WalletRegistry wallets;

    private RecordLog opened;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void load() {
        try {
            opened = RecordLog.open(folder.resolve("accounts-opened.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to open accounts-opened.log", e);
        }
        for (byte[] record : opened.recoveredRecords()) {
            acknowledged.add(new String(record, StandardCharsets.UTF_8));
        }
    }

    @PreDestroy
    void close() throws IOException {
        opened.close();
    }

    void resendMissing(@Observes StartupEvent event) {
        for (WalletRecord wallet : wallets.all()) {
            if (!acknowledged.contains(wallet.userId())) {
                LOG.infof("[wallet %s] sending open_account again: no acknowledgement was recorded", wallet.userId());
                send(wallet.userId());
            }
        }
    }

    void onWalletCreated(@Observes WalletCreated event) {
        send(event.wallet().userId());
    }

    private void send(String userId) {
        TradingCommand.OpenAccount command = new TradingCommand.OpenAccount("open-account-" + userId, userId,
                Instant.now());
        producer.send(Topics.ORDERS, command.partitionKey(), Json.write(command), (metadata, error) -> {
            if (error != null) {
                LOG.errorf("[wallet %s] open_account was not delivered to %s: %s; it is sent again at the next start",
                        userId, Topics.ORDERS, error.getMessage());
                return;
            }
            markAcknowledged(userId);
        });
    }

    private void markAcknowledged(String userId) {
        if (!acknowledged.add(userId)) {
            return;
        }
        try {
            opened.append(userId.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.errorf("[wallet %s] could not record the open_account acknowledgement: %s", userId, e.getMessage());
        }
    }
}
