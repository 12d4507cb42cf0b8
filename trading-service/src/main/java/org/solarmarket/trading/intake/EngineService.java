package org.solarmarket.trading.intake;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.solarmarket.contracts.PlatformClock;
import org.solarmarket.trading.matching.EngineConfig;

/** Starts the engine loop with the service and stops it on shutdown; the HTTP resources read through it. */
@ApplicationScoped
public class EngineService {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "trading.engine.transactional-id")
    String transactionalId;

    @ConfigProperty(name = "trading.engine.group-id")
    String groupId;

    @ConfigProperty(name = "trading.engine.journal-topic")
    String journalTopic;

    @ConfigProperty(name = "trading.engine.snapshot-topic")
    String snapshotTopic;

    @ConfigProperty(name = "trading.engine.snapshot-interval")
    long snapshotInterval;

    @ConfigProperty(name = "trading.engine.max-batch")
    int maxBatch;

    @ConfigProperty(name = "trading.engine.snapshot-chunk-bytes")
    int snapshotChunkBytes;

    @ConfigProperty(name = "trading.engine.closed-market-retention")
    Duration closedMarketRetention;

    @ConfigProperty(name = "trading.matching.mode")
    String mode;

    @ConfigProperty(name = "trading.matching.cycle")
    Duration cycle;

    @ConfigProperty(name = "trading.pricing")
    String pricing;

    @ConfigProperty(name = "trading.market-rules")
    Optional<String> marketRules;

    @ConfigProperty(name = "trading.liquidity.max-spread")
    BigDecimal maxSpread;

    @ConfigProperty(name = "trading.liquidity.min-depth")
    BigDecimal minDepth;

    private EngineRunner runner;
    private EngineConfig engineConfig;

    void onStart(@Observes StartupEvent event) {
        engineConfig = RulesParser.engineConfig(mode, pricing, marketRules.orElse(""), maxSpread, minDepth,
                closedMarketRetention);
        // The engine journals the platform time it assigns to each input, so a replay of the
        // journal rebuilds the same open and closed slots whichever clock runs.
        PlatformClock clock = PlatformClock.fromEnvironment();
        runner = new EngineRunner(new RunnerSettings(bootstrapServers, transactionalId, groupId, journalTopic,
                snapshotTopic, snapshotInterval, cycle, maxBatch, snapshotChunkBytes), engineConfig, clock,
                EngineRunner.CommitHook.NONE);
        runner.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (runner != null) {
            runner.close();
        }
    }

    public EngineRunner runner() {
        return runner;
    }

    public EngineConfig engineConfig() {
        return engineConfig;
    }
}
