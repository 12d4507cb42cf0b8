package org.solarmarket.trading.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.solarmarket.trading.matching.EngineConfig;
import org.solarmarket.trading.matching.MarketRules;
import org.solarmarket.trading.matching.MatchingMode;
import org.solarmarket.trading.matching.PricingRule;

/**
 * The engine loop alone in a JVM, so a test can kill it with SIGKILL. Arguments: bootstrap
 * servers, transactional id, matching mode, max batch and snapshot interval.
 */
public final class EngineMain {

    private EngineMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        RunnerSettings settings = new RunnerSettings(args[0], args[1], "trading-service",
                RunnerSettings.DEFAULT_JOURNAL_TOPIC, RunnerSettings.DEFAULT_SNAPSHOT_TOPIC, Long.parseLong(args[4]),
                Duration.ofMillis(100), Integer.parseInt(args[3]));
        EngineConfig config = EngineConfig.DEFAULT.withDefaultRules(
                new MarketRules(MatchingMode.valueOf(args[2]), PricingRule.PAY_AS_OFFER));
        EngineRunner runner = new EngineRunner(settings, config, Clock.systemUTC(), EngineRunner.CommitHook.NONE);
        runner.start();
        new CountDownLatch(1).await();
    }
}
