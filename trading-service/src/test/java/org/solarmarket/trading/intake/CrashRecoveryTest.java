package org.solarmarket.trading.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Asset;
import org.solarmarket.contracts.Fill;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.Side;
import org.solarmarket.contracts.Topics;
import org.solarmarket.contracts.TradingCommand;
import org.solarmarket.testsupport.BrokerProcess;
import org.solarmarket.trading.matching.EngineConfig;
import org.solarmarket.trading.matching.EngineListener;
import org.solarmarket.trading.matching.MarketRules;
import org.solarmarket.trading.matching.MatchingMode;
import org.solarmarket.trading.matching.PricingRule;
import org.solarmarket.trading.matching.TradingEngine;

/**
 * Kills the engine's JVM with SIGKILL in the middle of a stream of orders, restarts it, and
 * checks that the committed fills and outcomes equal those of an uninterrupted run of the same
 * commands: none missing, none twice.
 */
class CrashRecoveryTest {

    private static final String TOPICS = "orders:1,order-events:1,fills:1,book-updates:1,trading-journal:1";
    private static final Path ENGINE_LOG = Path.of("target", "crash-test-engine.log");
    private static final int ACCOUNTS = 8;
    private static final int ORDERS = 600;

    private static BrokerProcess broker;

    @BeforeAll
    static void startBroker() {
        broker = BrokerProcess.onFreePorts(TOPICS);
        broker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void killedEngineRecoversWithoutLosingOrRepeatingFills() throws Exception {
        java.nio.file.Files.deleteIfExists(ENGINE_LOG);
        Instant start = Instant.now();
        String market = MarketCalendar.marketName(MarketCalendar.DEFAULT.nextOpenSlot(start).plus(Duration.ofHours(1)));
        List<TradingCommand> commands = commands(start, market);

        RecordingListener reference = new RecordingListener();
        TradingEngine uninterrupted = new TradingEngine(EngineConfig.DEFAULT.withDefaultRules(
                new MarketRules(MatchingMode.CONTINUOUS, PricingRule.PAY_AS_OFFER)));
        for (TradingCommand command : commands) {
            uninterrupted.apply(command, start, reference);
        }
        assertTrue(reference.fills.size() > 100, "the stream must trade a lot; it traded " + reference.fills.size());

        try (KafkaTestClient client = new KafkaTestClient(broker.bootstrapServers())) {
            Process engine = startEngine();
            for (TradingCommand command : commands) {
                client.send(command);
            }
            client.flush();
            // Kill as soon as part of the stream has committed, while the engine is still busy.
            List<OrderEvent> beforeKill = client.readUntil(Topics.ORDER_EVENTS, OrderEvent.class,
                    events -> events.size() >= commands.size() / 4, Duration.ofSeconds(60));
            engine.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            int outcomesAtKill = outcomes(client.readUntil(Topics.ORDER_EVENTS, OrderEvent.class, events -> false,
                    Duration.ofSeconds(1))).size();
            assertTrue(beforeKill.size() >= commands.size() / 4, "engine made no progress before the kill");

            Process restarted = startEngine();
            try {
                Set<String> commandIds = new HashSet<>();
                commands.forEach(command -> commandIds.add(command.commandId()));
                List<OrderEvent> events = client.readUntil(Topics.ORDER_EVENTS, OrderEvent.class,
                        all -> outcomes(all).keySet().containsAll(commandIds), Duration.ofSeconds(90));
                List<Fill> fills = client.readUntil(Topics.FILLS, Fill.class,
                        all -> all.size() >= reference.fills.size(), Duration.ofSeconds(30));

                assertTrue(outcomesAtKill < commands.size(),
                        "the kill came after the whole stream was processed; it proves nothing");
                assertEquals(withoutTime(reference.fills), withoutTime(fills));
                assertEquals(1, fills.stream().map(f -> f.tradeId().substring(0, f.tradeId().indexOf('-'))).distinct()
                        .count(), "one journal, one trade id prefix");
                Map<String, List<OrderEvent>> outcomes = outcomes(events);
                assertEquals(commandIds, outcomes.keySet());
                for (TradingCommand command : commands) {
                    List<OrderEvent> forCommand = outcomes.get(command.commandId());
                    assertEquals(1, forCommand.size(), "outcomes of " + command.commandId());
                }
                assertEquals(summaries(reference.events), summaries(events));
                // The restart loaded a snapshot written before the kill and replayed only the journal after it.
                String log = java.nio.file.Files.readString(ENGINE_LOG);
                assertTrue(log.contains("Rebuilt state from the snapshot after input"), "no snapshot was loaded");
            } finally {
                restarted.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static List<TradingCommand> commands(Instant at, String market) {
        Random random = new Random(20261204);
        List<TradingCommand> commands = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String account = "trader-" + i;
            commands.add(new TradingCommand.OpenAccount("open-" + i, account, at));
            commands.add(new TradingCommand.Credit("credits-" + i, account, at, Asset.CREDITS, new BigDecimal("500"),
                    "deposit"));
            commands.add(new TradingCommand.Credit("energy-" + i, account, at, Asset.ENERGY_KWH, new BigDecimal("500"),
                    "meter"));
        }
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            String account = "trader-" + random.nextInt(ACCOUNTS);
            if (!placed.isEmpty() && random.nextInt(6) == 0) {
                String orderId = placed.get(random.nextInt(placed.size()));
                String owner = "trader-" + orderId.substring(orderId.lastIndexOf('-') + 1);
                commands.add(new TradingCommand.CancelOrder("cancel-" + i, owner, at, orderId.substring(0,
                        orderId.lastIndexOf('-')), market));
                continue;
            }
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            BigDecimal price = BigDecimal.valueOf(20 + random.nextInt(15), 2);
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(3000), 3);
            String orderId = "order-" + i;
            commands.add(new TradingCommand.PlaceOrder("place-" + i, account, at, orderId, null, market, side,
                    OrderType.LIMIT, price, quantity, null, null));
            placed.add(orderId + "-" + account.substring("trader-".length()));
        }
        return commands;
    }

    private Process startEngine() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                EngineMain.class.getName(), broker.bootstrapServers(), "trading-engine-crash-test", "CONTINUOUS", "20",
                "50");
        builder.redirectErrorStream(true);
        File log = ENGINE_LOG.toFile();
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        return builder.start();
    }

    private static Map<String, List<OrderEvent>> outcomes(List<OrderEvent> events) {
        Map<String, List<OrderEvent>> outcomes = new HashMap<>();
        for (OrderEvent event : events) {
            if (event.commandId() != null) {
                outcomes.computeIfAbsent(event.commandId(), id -> new ArrayList<>()).add(event);
            }
        }
        return outcomes;
    }

    /** Events without their ids and instants, which legitimately differ between runs. */
    private static List<String> summaries(List<OrderEvent> events) {
        return events.stream().map(e -> e.commandId() + " " + e.orderId() + " " + e.status() + " " + e.filledQuantity()
                + " " + e.remainingQuantity() + " " + e.reasonCode()).toList();
    }

    private static List<String> withoutTime(List<Fill> fills) {
        // Trade ids start with the instant of the journal's first input, which differs between runs.
        return fills.stream().map(f -> f.tradeId().substring(f.tradeId().indexOf('-')) + " " + f.market() + " " + f.buyerId() + " " + f.sellerId() + " "
                + f.buyOrderId() + " " + f.sellOrderId() + " " + f.price() + " " + f.quantity() + " " + f.sequence())
                .toList();
    }

    private static final class RecordingListener implements EngineListener {
        final List<OrderEvent> events = new ArrayList<>();
        final List<Fill> fills = new ArrayList<>();

        @Override
        public void onEvent(OrderEvent event) {
            events.add(event);
        }

        @Override
        public void onFill(Fill fill) {
            fills.add(fill);
        }

        @Override
        public void onBookUpdate(org.solarmarket.contracts.BookUpdate update) {
        }
    }
}
