package org.solarmarket.trading.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Asset;
import org.solarmarket.contracts.Fill;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.Side;
import org.solarmarket.contracts.Topics;
import org.solarmarket.contracts.TradingCommand;
import org.solarmarket.testsupport.BrokerProcess;
import org.solarmarket.trading.matching.EngineConfig;
import org.solarmarket.trading.matching.MarketRules;
import org.solarmarket.trading.matching.MatchingMode;
import org.solarmarket.trading.matching.PricingRule;

/**
 * A stalled engine instance is fenced by its successor, and offsets are committed only with the
 * results of the records before them, against a real broker.
 */
class TransactionFencingTest {

    private static final String TOPICS = "orders:1,order-events:1,fills:1,book-updates:1,trading-journal:1";
    private static final String GROUP = "trading-service";
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

    private static EngineRunner runner(EngineRunner.CommitHook hook) {
        RunnerSettings settings = new RunnerSettings(broker.bootstrapServers(), "trading-engine-fencing-test", GROUP,
                RunnerSettings.DEFAULT_JOURNAL_TOPIC, RunnerSettings.DEFAULT_SNAPSHOT_TOPIC, 3, Duration.ofMillis(100),
                50);
        EngineConfig config = EngineConfig.DEFAULT.withDefaultRules(
                new MarketRules(MatchingMode.CONTINUOUS, PricingRule.PAY_AS_OFFER));
        return new EngineRunner(settings, config, Clock.systemUTC(), hook);
    }

    @Test
    void stalledInstanceIsFencedAndOutputAppearsOnce() throws Exception {
        Instant now = Instant.now();
        String market = MarketCalendar.marketName(MarketCalendar.DEFAULT.nextOpenSlot(now).plus(Duration.ofHours(2)));
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EngineRunner first = runner(records -> {
            boolean hasStallRecord = records.stream()
                    .anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"buy-stall\""));
            if (hasStallRecord && stalled.getCount() > 0) {
                stalled.countDown();
                awaitQuietly(release);
            }
        });
        EngineRunner second = null;
        try (KafkaTestClient client = new KafkaTestClient(broker.bootstrapServers())) {
            first.start();
            client.send(new TradingCommand.OpenAccount("open-s", "seller", now));
            client.send(new TradingCommand.OpenAccount("open-b", "buyer", now));
            client.send(new TradingCommand.Credit("energy-s", "seller", now, Asset.ENERGY_KWH, BigDecimal.TEN, "m"));
            client.send(new TradingCommand.Credit("credit-b", "buyer", now, Asset.CREDITS, BigDecimal.TEN, "d"));
            client.send(new TradingCommand.PlaceOrder("sell-1", "seller", now, "s1", null, market, Side.SELL,
                    OrderType.LIMIT, new BigDecimal("0.30"), new BigDecimal("5"), null, null));
            client.flush();
            client.readUntil(Topics.ORDER_EVENTS, OrderEvent.class,
                    all -> all.stream().anyMatch(e -> "sell-1".equals(e.commandId())), Duration.ofSeconds(60));
            long before = committedOffset();
            client.send(new TradingCommand.PlaceOrder("buy-stall", "buyer", now, "b1", null, market, Side.BUY,
                    OrderType.LIMIT, new BigDecimal("0.30"), new BigDecimal("5"), null, null));
            client.flush();
            assertTrue(stalled.await(60, TimeUnit.SECONDS), "the first instance never reached the stalled record");

            // The record is applied but not committed: its offset must not be committed either.
            assertEquals(before, committedOffset());

            second = runner(EngineRunner.CommitHook.NONE);
            second.start();
            List<OrderEvent> events = client.readUntil(Topics.ORDER_EVENTS, OrderEvent.class,
                    all -> all.stream().anyMatch(e -> "buy-stall".equals(e.commandId())), Duration.ofSeconds(60));
            assertEquals(before + 1, committedOffset());

            release.countDown();
            awaitStopped(first);
            assertFalse(first.isRunning(), "the stalled instance must stop once fenced");
            assertTrue(second.isRunning());

            client.send(new TradingCommand.OpenAccount("open-late", "late", now));
            client.flush();
            events = client.readUntil(Topics.ORDER_EVENTS, OrderEvent.class,
                    all -> all.stream().anyMatch(e -> "open-late".equals(e.commandId())), Duration.ofSeconds(60));
            assertEquals(1, events.stream().filter(e -> "buy-stall".equals(e.commandId())).count());
            List<Fill> fills = client.readUntil(Topics.FILLS, Fill.class, all -> false, Duration.ofSeconds(2));
            assertEquals(1, fills.size());
            assertEquals("b1", fills.getFirst().buyOrderId());
            assertEquals(new BigDecimal("5.000"), fills.getFirst().quantity());
            assertEquals("0.30", second.read(engine -> engine.book(market).recentTrades().getFirst().price()
                    .toPlainString()));
        } finally {
            release.countDown();
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void unreadableRecordIsRejectedAndSkipped() throws Exception {
        try (KafkaTestClient client = new KafkaTestClient(broker.bootstrapServers());
             EngineRunner engine = runner(EngineRunner.CommitHook.NONE)) {
            engine.start();
            client.sendRaw("someone", "{\"type\":\"teleport\"}".getBytes(StandardCharsets.UTF_8));
            client.send(new TradingCommand.OpenAccount("open-after-garbage", "after-garbage", Instant.now()));
            client.flush();
            List<OrderEvent> events = client.readUntil(Topics.ORDER_EVENTS, OrderEvent.class,
                    all -> all.stream().anyMatch(e -> "open-after-garbage".equals(e.commandId())),
                    Duration.ofSeconds(60));
            OrderEvent rejected = events.stream().filter(e -> "malformed_command".equals(e.reasonCode())).findFirst()
                    .orElseThrow();
            assertEquals("someone", rejected.accountId());
            assertEquals(OrderEvent.Status.REJECTED, rejected.status());
            assertTrue(Json.write(rejected).length > 0);
        }
    }

    private static long committedOffset() throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            OffsetAndMetadata offset = offsets.get(new TopicPartition(Topics.ORDERS, 0));
            return offset == null ? -1 : offset.offset();
        }
    }

    private static void awaitStopped(EngineRunner runner) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (runner.isRunning() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
