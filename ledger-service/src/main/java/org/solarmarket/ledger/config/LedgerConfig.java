package org.solarmarket.ledger.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Settings under {@code solarmarket.ledger}; application.properties documents each key. */
@ConfigMapping(prefix = "solarmarket.ledger")
public interface LedgerConfig {

    /** Folder for blocks, pending transactions, wallets, channels and the dev master key. */
    @WithDefault("data/ledger")
    Path dataDir();

    /** Base64 of the 32-byte master key. */
    Optional<String> masterKey();

    /** A file holding the base64 master key, e.g. a mounted secret. */
    Optional<Path> masterKeyFile();

    /** How often the running validation of the chain in memory checks new blocks. */
    @WithDefault("PT2S")
    Duration auditInterval();

    /** Whether a missing master key is generated into the data folder. */
    @WithDefault("false")
    boolean generateMasterKey();

    /** Record key of block announcements. */
    @WithDefault("solarmarket")
    String chainId();

    /** Proof-of-work difficulty in leading zero hex digits. */
    @WithDefault("2")
    int difficulty();

    /** Difficulty in leading zero bits; overrides {@link #difficulty()} when set. */
    OptionalInt difficultyBits();

    @WithDefault("5")
    int maxTransactionsPerBlock();

    @WithDefault("1.00")
    BigDecimal miningReward();

    @WithDefault("ledger:miner")
    String minerAccount();

    Mining mining();

    Retargeting retarget();

    Consumer consumer();

    /** The mining worker. */
    interface Mining {
        @WithDefault("true")
        boolean enabled();
    }

    /** Retargeting toward a block interval. */
    interface Retargeting {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("10")
        int window();

        @WithDefault("PT30S")
        Duration blockInterval();
    }

    /** The consumer of the fills topic. */
    interface Consumer {
        @WithDefault("ledger-service")
        String groupId();

        @WithDefault("true")
        boolean enabled();

        /** Static group membership id, so that a restarted instance takes its partitions back at once. */
        Optional<String> instanceId();
    }
}
