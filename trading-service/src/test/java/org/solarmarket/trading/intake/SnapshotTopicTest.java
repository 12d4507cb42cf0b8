package org.solarmarket.trading.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Asset;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.Side;
import org.solarmarket.contracts.Topics;
import org.solarmarket.contracts.TradingCommand;
import org.solarmarket.testsupport.BrokerProcess;
import org.solarmarket.trading.matching.EngineConfig;
import org.solarmarket.trading.matching.EngineListener;
import org.solarmarket.trading.matching.EngineSnapshot;
import org.solarmarket.trading.matching.MarketRules;
import org.solarmarket.trading.matching.MatchingMode;
import org.solarmarket.trading.matching.PricingRule;
import org.solarmarket.trading.matching.StateDigest;
import org.solarmarket.trading.matching.TradingEngine;

/**
 * Snapshots against a real broker. A snapshot of tens of thousands of orders across many markets
 * is far larger than the default record limit of about 1 MB. It is written and loaded by a
 * restarted engine, which ends in the same state. A snapshot that the topic rejects leaves the
 * engine running on its journal. The store also deletes the chunks a smaller snapshot no longer
 * uses, still reads snapshots written as one record, and rejects a damaged one.
 */
class SnapshotTopicTest {

    private static final String TOPICS = "orders:1,order-events:1,fills:1,book-updates:1";
    private static final int ACCOUNTS = 200;
    private static final int MARKETS = 80;
    /** Orders in the large state; {@code -Dsolarmarket.snapshot-test.orders=50000} measures a larger one. */
    private static final int ORDERS = Integer.getInteger("solarmarket.snapshot-test.orders", 30_000);
    /** One snapshot in the run, after most of the orders; the restart replays the journal after it. */
    private static final long SNAPSHOT_INTERVAL = ORDERS;

    private static final EngineConfig CONFIG = EngineConfig.DEFAULT.withDefaultRules(
            new MarketRules(MatchingMode.CONTINUOUS, PricingRule.PAY_AS_OFFER));

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

    private static EngineRunner runner(String name, long snapshotInterval) {
        RunnerSettings settings = new RunnerSettings(broker.bootstrapServers(), "trading-engine-" + name,
                "trading-" + name, "journal-" + name, "snapshots-" + name, snapshotInterval, Duration.ofMillis(100),
                500);
        return new EngineRunner(settings, CONFIG, Clock.systemUTC(), EngineRunner.CommitHook.NONE);
    }

    @Test
    void largeSnapshotIsWrittenAndReloaded() throws Exception {
        String name = "large";
        startGroupAtEnd("trading-" + name);
        List<TradingCommand> commands = commands(Instant.now(), ORDERS, "large");
        String liveDigest;
        long liveOpenOrders;
        EngineRunner.SnapshotWrite written;
        try (KafkaTestClient client = new KafkaTestClient(broker.bootstrapServers());
             EngineRunner live = runner(name, SNAPSHOT_INTERVAL)) {
            live.start();
            for (TradingCommand command : commands) {
                client.send(command);
            }
            client.flush();
            awaitInputs(live, commands.size(), Duration.ofSeconds(180));
            written = awaitSnapshot(live, Duration.ofSeconds(60));
            liveDigest = live.read(StateDigest::sha256);
            liveOpenOrders = live.read(TradingEngine::openOrderCount);
            assertEquals(0, live.snapshotFailures(), "snapshot writes failed");
            assertEquals(1, live.rebuilds(), "the engine was rebuilt while it ran");
        }
        assertTrue(liveOpenOrders > ORDERS / 2, "most orders must rest; " + liveOpenOrders + " do");
        assertTrue(written.inputSequence() >= SNAPSHOT_INTERVAL, "snapshot after input " + written.inputSequence());
        assertTrue(written.jsonBytes() > 4 * 1024 * 1024, "the state must exceed one Kafka record by far; its JSON has "
                + written.jsonBytes() + " bytes");
        assertTrue(written.chunks() > 1, "one chunk holds it all: " + written);
        System.out.printf("[snapshot test] %d orders, %d open: snapshot after input %d, %d bytes of JSON, %d bytes"
                + " compressed in %d chunks, written in %d ms%n", ORDERS, liveOpenOrders, written.inputSequence(),
                written.jsonBytes(), written.compressedBytes(), written.chunks(), written.millis());

        try (EngineRunner restarted = runner(name, SNAPSHOT_INTERVAL)) {
            restarted.start();
            awaitInputs(restarted, commands.size(), Duration.ofSeconds(120));
            assertEquals(written.inputSequence(), restarted.recoveredSnapshotSequence(),
                    "the restart did not start from the snapshot written before");
            assertEquals(liveDigest, restarted.read(StateDigest::sha256));
        }
    }

    @Test
    void snapshotTooLargeForTopicKeepsEngineRunning() throws Exception {
        String name = "limited";
        startGroupAtEnd("trading-" + name);
        // Every snapshot record exceeds the topic's limit of 128 bytes, so each write fails at the broker.
        createTopic("snapshots-" + name, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "128",
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        List<TradingCommand> commands = commands(Instant.now(), 400, "limited");
        long interval = 100;
        String liveDigest;
        try (KafkaTestClient client = new KafkaTestClient(broker.bootstrapServers());
             EngineRunner live = runner(name, interval)) {
            live.start();
            for (TradingCommand command : commands) {
                client.send(command);
            }
            client.flush();
            awaitInputs(live, commands.size(), Duration.ofSeconds(120));
            // The snapshot after the last batch is written after that batch becomes visible.
            Instant deadline = Instant.now().plusSeconds(30);
            while (live.snapshotFailures() < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            liveDigest = live.read(StateDigest::sha256);
            assertTrue(live.snapshotFailures() >= 2, "each interval must try again; failures: "
                    + live.snapshotFailures());
            assertNull(live.lastSnapshotWrite(), "a snapshot got through the 128-byte limit");
            assertEquals(1, live.rebuilds(), "a failed snapshot must not rebuild the engine");
            assertTrue(live.isReady());
        }

        try (EngineRunner restarted = runner(name, interval)) {
            restarted.start();
            awaitInputs(restarted, commands.size(), Duration.ofSeconds(60));
            assertEquals(0, restarted.recoveredSnapshotSequence(), "no snapshot was written, so none can be loaded");
            assertEquals(liveDigest, restarted.read(StateDigest::sha256));
        }
    }

    @Test
    void shrinkingSnapshotDeletesSurplusChunks() throws Exception {
        String topic = "snapshots-shrinking";
        createTopic(topic, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        SnapshotStore store = new SnapshotStore(topic, 1024);
        TradingEngine large = engineWith(300);
        TradingEngine small = engineWith(20);
        SnapshotStore.Manifest first;
        SnapshotStore.Manifest second;
        try (KafkaProducer<String, byte[]> producer = transactionalProducer("snapshot-store-shrinking")) {
            first = writeCommitted(producer, store, large, 0);
            second = writeCommitted(producer, store, small, first.chunkCount());
        }
        awaitStable(topic);
        assertTrue(first.chunkCount() > second.chunkCount() + 1, first.chunkCount() + " then " + second.chunkCount());

        try (KafkaConsumer<String, byte[]> reader = readCommittedConsumer()) {
            SnapshotStore.Loaded loaded = store.readLatest(reader);
            assertEquals(second.chunkCount(), loaded.chunkCount());
            assertEquals(StateDigest.text(small), StateDigest.text(TradingEngine.restore(CONFIG, loaded.snapshot())));
        }
        Map<String, byte[]> latestByKey = latestValues(topic);
        for (int i = 0; i < first.chunkCount(); i++) {
            String key = SnapshotStore.CHUNK_KEY_PREFIX + i;
            assertTrue(latestByKey.containsKey(key), key);
            if (i < second.chunkCount()) {
                assertNotNull(latestByKey.get(key), key + " belongs to the latest snapshot");
            } else {
                assertNull(latestByKey.get(key), key + " needs a tombstone");
            }
        }
    }

    @Test
    void singleRecordSnapshotStillLoads() throws Exception {
        String topic = "snapshots-single-record";
        createTopic(topic, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        TradingEngine engine = engineWith(50);
        try (KafkaProducer<String, byte[]> producer = transactionalProducer("snapshot-store-single-record")) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, SnapshotStore.MANIFEST_KEY,
                    Json.write(engine.snapshot().withJournalOffset(7))));
            producer.commitTransaction();
        }
        awaitStable(topic);
        try (KafkaConsumer<String, byte[]> reader = readCommittedConsumer()) {
            SnapshotStore.Loaded loaded = new SnapshotStore(topic, 1024).readLatest(reader);
            assertEquals(0, loaded.chunkCount());
            assertEquals(7, loaded.snapshot().journalOffset());
            assertEquals(StateDigest.text(engine), StateDigest.text(TradingEngine.restore(CONFIG, loaded.snapshot())));
        }
    }

    @Test
    void damagedSnapshotFallsBackToJournal() throws Exception {
        String name = "damaged";
        String topic = "snapshots-" + name;
        createTopic(topic, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        SnapshotStore store = new SnapshotStore(topic, 1024);
        try (KafkaProducer<String, byte[]> producer = transactionalProducer("snapshot-store-damaged")) {
            SnapshotStore.Manifest valid = writeCommitted(producer, store, engineWith(20), 0);
            SnapshotStore.Manifest damaged = new SnapshotStore.Manifest(valid.inputSequence(), valid.journalOffset(),
                    valid.encoding(), valid.chunkCount(), valid.firstChunkOffset(), valid.jsonBytes(),
                    valid.compressedBytes(), "0".repeat(64));
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, 0, SnapshotStore.MANIFEST_KEY, Json.write(damaged)));
            producer.commitTransaction();
        }
        awaitStable(topic);
        try (KafkaConsumer<String, byte[]> reader = readCommittedConsumer()) {
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> store.readLatest(reader));
            assertTrue(error.getMessage().contains("SHA-256"), error.getMessage());
        }

        startGroupAtEnd("trading-" + name);
        try (EngineRunner runner = runner(name, 1000)) {
            runner.start();
            Instant deadline = Instant.now().plusSeconds(60);
            while (!runner.isReady() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertTrue(runner.isReady(), "the engine must start from the journal");
            assertEquals(0, runner.recoveredSnapshotSequence());
        }
    }

    private static TradingEngine engineWith(int orders) {
        TradingEngine engine = new TradingEngine(CONFIG);
        Instant now = Instant.now();
        for (TradingCommand command : commands(now, orders, "store")) {
            engine.apply(command, now, EngineListener.DISCARD);
        }
        return engine;
    }

    private static SnapshotStore.Manifest writeCommitted(KafkaProducer<String, byte[]> producer, SnapshotStore store,
                                                         TradingEngine engine, int previousChunks) {
        EngineSnapshot snapshot = engine.snapshot().withJournalOffset(0);
        producer.beginTransaction();
        SnapshotStore.Manifest manifest = store.write(producer, snapshot, SnapshotStore.encode(snapshot),
                previousChunks);
        producer.commitTransaction();
        return manifest;
    }

    private static KafkaProducer<String, byte[]> transactionalProducer(String transactionalId) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer());
        producer.initTransactions();
        return producer;
    }

    private static KafkaConsumer<String, byte[]> readCommittedConsumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Waits until the commit markers are in the topic. A commit returns before the broker writes
     * them, and until then read_committed readers see the topic end at the transaction's start.
     */
    private static void awaitStable(String topic) throws InterruptedException {
        TopicPartition partition = new TopicPartition(topic, 0);
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaConsumer<String, byte[]> uncommitted = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
             KafkaConsumer<String, byte[]> committed = readCommittedConsumer()) {
            long logEnd = uncommitted.endOffsets(List.of(partition)).get(partition);
            Instant deadline = Instant.now().plusSeconds(30);
            while (committed.endOffsets(List.of(partition)).get(partition) < logEnd
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
        }
    }

    /** Reads a whole single-partition topic and returns the last value of each key, null for a tombstone. */
    private static Map<String, byte[]> latestValues(String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        Map<String, byte[]> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> reader = readCommittedConsumer()) {
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            long end = reader.endOffsets(List.of(partition)).get(partition);
            Instant deadline = Instant.now().plusSeconds(30);
            while (reader.position(partition) < end && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    latest.put(record.key(), record.value());
                }
            }
        }
        return latest;
    }

    /** Commits a new consumer group's offset at the end of the orders topic, so its engine skips older tests' commands. */
    private static void startGroupAtEnd(String group) throws Exception {
        TopicPartition orders = new TopicPartition(Topics.ORDERS, 0);
        try (Admin admin = admin()) {
            long end = admin.listOffsets(Map.of(orders, OffsetSpec.latest())).partitionResult(orders)
                    .get(30, TimeUnit.SECONDS).offset();
            admin.alterConsumerGroupOffsets(group, Map.of(orders, new OffsetAndMetadata(end))).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static void createTopic(String topic, Map<String, String> config) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()).configs(config))).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Admin.create(config);
    }

    /**
     * Builds funded accounts and orders spread over {@link #MARKETS} slots. Most rest on either side
     * of a gap between 0.20 and 0.30; every tenth crosses it, so the books also hold trades.
     */
    private static List<TradingCommand> commands(Instant now, int orders, String prefix) {
        Random random = new Random(20261204);
        Instant firstSlot = MarketCalendar.DEFAULT.nextOpenSlot(now).plus(Duration.ofMinutes(15));
        List<TradingCommand> commands = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String account = prefix + "-household-" + i;
            commands.add(new TradingCommand.OpenAccount(prefix + "-open-" + i, account, now));
            commands.add(new TradingCommand.Credit(prefix + "-credits-" + i, account, now, Asset.CREDITS,
                    new BigDecimal("100000"), "deposit"));
            commands.add(new TradingCommand.Credit(prefix + "-energy-" + i, account, now, Asset.ENERGY_KWH,
                    new BigDecimal("100000"), "meter"));
        }
        for (int i = 0; i < orders; i++) {
            String account = prefix + "-household-" + random.nextInt(ACCOUNTS);
            String market = MarketCalendar.marketName(firstSlot.plus(Duration.ofMinutes(15L * random.nextInt(MARKETS))));
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            int cents = side == Side.BUY ? 10 + random.nextInt(10) : 30 + random.nextInt(10);
            if (i % 10 == 0) {
                cents = side == Side.BUY ? 35 : 15;
            }
            String clientOrderId = i % 2 == 0 ? "client-" + i : null;
            BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(5000), 3);
            commands.add(new TradingCommand.PlaceOrder(prefix + "-place-" + i, account, now, prefix + "-order-" + i,
                    clientOrderId, market, side, OrderType.LIMIT, BigDecimal.valueOf(cents, 2), quantity, null, null));
        }
        return commands;
    }

    /** Waits for the snapshot, which the runner writes after the batch that reaches the interval. */
    private static EngineRunner.SnapshotWrite awaitSnapshot(EngineRunner runner, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (runner.lastSnapshotWrite() == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertNotNull(runner.lastSnapshotWrite(), "no snapshot was written within " + timeout);
        return runner.lastSnapshotWrite();
    }

    private static void awaitInputs(EngineRunner runner, long inputs, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        long applied = -1;
        while (Instant.now().isBefore(deadline)) {
            try {
                applied = runner.read(TradingEngine::inputSequence);
                if (applied >= inputs) {
                    return;
                }
            } catch (EngineUnavailableException e) {
                // The engine is rebuilding its state, so poll again.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the engine applied " + applied + " of " + inputs + " inputs within " + timeout);
    }
}
