package org.solarmarket.trading.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.Topics;
import org.solarmarket.contracts.TradingCommand;
import org.solarmarket.trading.journal.JournalEntry;
import org.solarmarket.trading.matching.EngineConfig;
import org.solarmarket.trading.matching.EngineSnapshot;
import org.solarmarket.trading.matching.EngineListener;
import org.solarmarket.trading.matching.StateDigest;
import org.solarmarket.trading.matching.TradingEngine;

/**
 * Feeds the engine from the orders topic inside Kafka transactions, so that a crash neither
 * loses nor repeats an outcome or a fill.
 *
 * <p>One instance owns every partition of the orders topic (assigned, not subscribed, so no
 * rebalance ever splits the state) and has one transactional id. Each transaction contains a batch
 * of commands: their journal entries, the events, fills and book updates they caused, and the
 * consumer offsets after them. Either all of that becomes visible to read_committed readers or
 * none of it does.
 *
 * <p>The journal topic, not the orders topic, is replayed on start. It records the order in which
 * commands from different partitions were applied, the instant assigned to each and the matching
 * cycles, which the orders topic does not contain, so replaying it gives the same state as before
 * the crash. Starting a producer with the same transactional id fences an older instance still
 * alive and aborts its open transaction before the replay reads the journal.
 *
 * <p>Every {@code snapshotInterval} inputs the loop writes a snapshot of the state, with the
 * journal offset after it, to a compacted topic in a transaction of its own, as compressed chunks
 * (see {@link SnapshotStore}). A start loads the latest snapshot and replays only the journal
 * after that offset. A snapshot that cannot be written leaves the engine running.
 */
public final class EngineRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EngineRunner.class);
    private static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);
    /** A run at least this long after a rebuild counts as healthy, and the retry delay starts over. */
    private static final Duration STABLE_RUN = Duration.ofSeconds(10);
    private static final Duration REPLAY_POLL = Duration.ofMillis(500);

    /**
     * Figures of the last snapshot this runner wrote.
     *
     * @param jsonBytes       size of the snapshot's JSON
     * @param compressedBytes size after gzip, which is what the snapshot topic stores
     * @param millis          time from capturing the state to the commit of the snapshot transaction
     */
    public record SnapshotWrite(long inputSequence, long jsonBytes, long compressedBytes, int chunks, long millis) {
    }

    /** Called with each batch after it was applied and before its transaction commits; a test seam. */
    public interface CommitHook {
        CommitHook NONE = records -> {
        };

        void beforeCommit(List<ConsumerRecord<String, byte[]>> records);
    }

    private final RunnerSettings settings;
    private final EngineConfig engineConfig;
    private final Clock clock;
    private final CommitHook hook;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private volatile TradingEngine engine;
    private volatile boolean running;
    private volatile String stopReason = "the engine has not started";
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> consumer;
    private final TopicPartition journalPartition;
    private final SnapshotStore snapshots;
    private long inputsSinceSnapshot;
    private Future<RecordMetadata> lastJournalWrite;
    /** Chunks of the latest snapshot in the topic, whose surplus keys the next snapshot deletes. */
    private int latestSnapshotChunks;
    private volatile long recoveredSnapshotSequence = -1;
    private volatile SnapshotWrite lastSnapshotWrite;
    private final AtomicLong snapshotFailures = new AtomicLong();
    private final AtomicLong rebuilds = new AtomicLong();

    public EngineRunner(RunnerSettings settings, EngineConfig engineConfig, Clock clock, CommitHook hook) {
        this.settings = settings;
        this.engineConfig = engineConfig;
        this.clock = clock;
        this.hook = hook;
        this.journalPartition = new TopicPartition(settings.journalTopic(), 0);
        this.snapshots = new SnapshotStore(settings.snapshotTopic(), settings.snapshotChunkBytes());
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("engine runner already started");
        }
        running = true;
        stopReason = "the engine is rebuilding its state from the journal";
        thread = new Thread(this::runLoop, "trading-engine");
        thread.start();
        LOG.infof("Engine runner started on %s as %s", settings.bootstrapServers(), settings.transactionalId());
    }

    /** Stops the loop, aborting the open transaction, and waits for it. */
    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread loop = thread;
        if (loop != null) {
            try {
                loop.join(Duration.ofSeconds(20).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.infof("Engine runner %s stopped", settings.transactionalId());
    }

    /** Runs a query against committed state; the loop never exposes a batch before it commits. */
    public <T> T read(Function<TradingEngine, T> query) {
        lock.readLock().lock();
        try {
            TradingEngine current = engine;
            if (current == null) {
                throw new EngineUnavailableException(stopReason);
            }
            return query.apply(current);
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean isReady() {
        return engine != null;
    }

    /** Returns the input sequence of the snapshot the last rebuild started from: 0 for none, -1 before the first. */
    public long recoveredSnapshotSequence() {
        return recoveredSnapshotSequence;
    }

    /** Returns the figures of the last snapshot written since the start, or null when none was. */
    public SnapshotWrite lastSnapshotWrite() {
        return lastSnapshotWrite;
    }

    /** Counts the rebuilds of the state since the start, the first one included. */
    public long rebuilds() {
        return rebuilds.get();
    }

    /** Counts snapshot writes that failed since the start; the engine kept running on the journal after each. */
    public long snapshotFailures() {
        return snapshotFailures.get();
    }

    public boolean isRunning() {
        return running;
    }

    private void runLoop() {
        Duration retryDelay = FIRST_RETRY_DELAY;
        int failures = 0;
        long recoveredAt = 0;
        while (running) {
            try {
                recover();
                recoveredAt = System.nanoTime();
                process();
            } catch (WakeupException | InterruptException e) {
                if (running) {
                    LOG.errorf("[engine %s] Interrupted unexpectedly; restarting", settings.transactionalId());
                }
            } catch (KafkaException | IllegalStateException | java.io.UncheckedIOException e) {
                if (isFenced(e)) {
                    LOG.errorf("[engine %s] Fenced by a newer instance with the same transactional id; stopping",
                            settings.transactionalId());
                    stopReason = "another engine instance with transactional id " + settings.transactionalId()
                            + " took over";
                    running = false;
                } else if (running) {
                    // The delay starts over only after a stable run, so a failure that recurs right
                    // after every rebuild backs off instead of replaying the journal once a second.
                    if (recoveredAt != 0 && System.nanoTime() - recoveredAt >= STABLE_RUN.toNanos()) {
                        retryDelay = FIRST_RETRY_DELAY;
                        failures = 0;
                    }
                    recoveredAt = 0;
                    failures++;
                    LOG.errorf(e, "[engine %s] Failed (%d in a row); rebuilding state from the journal in %d ms",
                            settings.transactionalId(), failures, retryDelay.toMillis());
                    sleep(retryDelay);
                    retryDelay = retryDelay.multipliedBy(2).compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY
                            : retryDelay.multipliedBy(2);
                }
            } finally {
                markUnavailable();
                closeClients();
            }
        }
    }

    private static boolean isFenced(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException) {
                return true;
            }
        }
        return false;
    }

    private void recover() {
        markUnavailable();
        lastJournalWrite = null;
        producer = newProducer();
        // Fences an older instance and aborts its open transaction, so the journal end is stable.
        producer.initTransactions();
        JournalTopic.ensure(settings.bootstrapServers(), settings.journalTopic(), false);
        JournalTopic.ensure(settings.bootstrapServers(), settings.snapshotTopic(), true);
        long started = System.nanoTime();
        EngineSnapshot snapshot = latestSnapshot();
        TradingEngine rebuilt = snapshot == null ? null : restoreOrNull(snapshot);
        if (rebuilt == null) {
            snapshot = null;
            rebuilt = new TradingEngine(engineConfig);
        }
        long entries = replayJournal(rebuilt, snapshot == null ? 0 : snapshot.journalOffset());
        recoveredSnapshotSequence = snapshot == null ? 0 : snapshot.inputSequence();
        rebuilds.incrementAndGet();
        inputsSinceSnapshot = entries;
        rebuilt.clearBookChanges();
        consumer = newConsumer(settings.groupId());
        assignOrders();
        lock.writeLock().lock();
        try {
            engine = rebuilt;
        } finally {
            lock.writeLock().unlock();
        }
        LOG.infof("[engine %s] Rebuilt state from %s and %d journal entries in %d ms; %d open orders, digest %s",
                settings.transactionalId(), snapshot == null ? "no snapshot" : "the snapshot after input "
                        + snapshot.inputSequence(), entries, (System.nanoTime() - started) / 1_000_000,
                rebuilt.openOrderCount(), StateDigest.sha256(rebuilt));
    }

    /**
     * Reads the last committed snapshot, or returns null when none was written yet. A snapshot that
     * cannot be read is skipped, because the journal alone rebuilds the same state, only slower.
     */
    private EngineSnapshot latestSnapshot() {
        try (KafkaConsumer<String, byte[]> reader = newConsumer(null)) {
            SnapshotStore.Loaded loaded = snapshots.readLatest(reader);
            latestSnapshotChunks = loaded == null ? 0 : loaded.chunkCount();
            return loaded == null ? null : loaded.snapshot();
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            LOG.errorf("[engine %s] Could not read the latest snapshot from %s, so the whole journal is replayed: %s",
                    settings.transactionalId(), settings.snapshotTopic(), e.getMessage());
            return null;
        }
    }

    /** Restores the engine from a snapshot, or returns null when the snapshot contradicts itself. */
    private TradingEngine restoreOrNull(EngineSnapshot snapshot) {
        try {
            return TradingEngine.restore(engineConfig, snapshot);
        } catch (IllegalStateException | NullPointerException e) {
            LOG.errorf("[engine %s] Could not restore the snapshot after input %d, so the whole journal is replayed: %s",
                    settings.transactionalId(), snapshot.inputSequence(), e.toString());
            return null;
        }
    }

    private long replayJournal(TradingEngine target, long fromOffset) {
        try (KafkaConsumer<String, byte[]> reader = newConsumer(null)) {
            reader.assign(List.of(journalPartition));
            reader.seek(journalPartition, fromOffset);
            long end = reader.endOffsets(List.of(journalPartition)).get(journalPartition);
            long applied = 0;
            while (reader.position(journalPartition) < end) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(REPLAY_POLL)) {
                    JournalEntry entry = Json.read(record.value(), JournalEntry.class);
                    if (entry.sequence() != target.inputSequence() + 1) {
                        throw new IllegalStateException("journal entry at offset " + record.offset() + " has sequence "
                                + entry.sequence() + " but " + (target.inputSequence() + 1) + " was expected");
                    }
                    if (entry.isTick()) {
                        target.tick(entry.at(), EngineListener.DISCARD);
                    } else {
                        target.apply(entry.command(), entry.at(), EngineListener.DISCARD);
                    }
                    applied++;
                }
            }
            return applied;
        }
    }

    private void assignOrders() {
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.ORDERS, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new KafkaException("topic " + Topics.ORDERS + " does not exist yet");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
        LOG.infof("[engine %s] Reading %d partitions of %s from offsets %s", settings.transactionalId(),
                partitions.size(), Topics.ORDERS, committed);
    }

    private void process() {
        Instant nextCycle = clock.instant().plus(settings.cycleInterval());
        while (running) {
            long waitMillis = Math.max(1, Duration.between(clock.instant(), nextCycle).toMillis());
            ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(waitMillis));
            Instant now = clock.instant();
            boolean tick = false;
            if (!now.isBefore(nextCycle)) {
                nextCycle = now.plus(settings.cycleInterval());
                tick = engine.needsTick(now);
            }
            if (polled.isEmpty() && !tick) {
                continue;
            }
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
            polled.forEach(records::add);
            commitBatch(records, tick);
        }
    }

    private void commitBatch(List<ConsumerRecord<String, byte[]>> records, boolean tick) {
        long snapshotOffset = -1;
        lock.writeLock().lock();
        try {
            producer.beginTransaction();
            KafkaOutput out = new KafkaOutput(producer);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                offsets.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
                TradingCommand command = parse(record, out);
                if (command != null) {
                    Instant at = clock.instant();
                    lastJournalWrite = journal(new JournalEntry(engine.inputSequence() + 1, at, command));
                    engine.apply(command, at, out);
                    inputsSinceSnapshot++;
                }
            }
            if (tick) {
                Instant at = clock.instant();
                lastJournalWrite = journal(new JournalEntry(engine.inputSequence() + 1, at, null));
                engine.tick(at, out);
                inputsSinceSnapshot++;
            }
            engine.publishBookUpdates(clock.instant(), out);
            hook.beforeCommit(records);
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, new ConsumerGroupMetadata(settings.groupId()));
            }
            producer.commitTransaction();
            if (inputsSinceSnapshot >= settings.snapshotInterval() && lastJournalWrite != null) {
                snapshotOffset = lastJournalWrite.get().offset() + 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            engine = null;
            throw new InterruptException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            engine = null;
            throw new KafkaException("a journal write of a committed transaction failed", e.getCause());
        } catch (RuntimeException e) {
            // The engine already applied the batch, so its memory is ahead of the log: drop it.
            engine = null;
            abortQuietly();
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
        if (snapshotOffset >= 0) {
            // Outside the lock: queries keep reading the committed state while the snapshot is written.
            writeSnapshot(snapshotOffset);
        }
    }

    private Future<RecordMetadata> journal(JournalEntry entry) {
        return producer.send(new ProducerRecord<>(settings.journalTopic(), 0, null, Json.write(entry)));
    }

    /**
     * Writes the committed state with the journal offset after it, in a transaction of its own.
     * A failed write is logged and aborted, and the next attempt comes one snapshot interval later.
     * The batch before it is committed and journaled already, so the engine loses nothing and keeps
     * running, and only the next start replays a longer journal. A fenced or otherwise unusable
     * producer still ends the loop, which then rebuilds.
     * NOTE: runs on the engine thread, so matching pauses while the state is serialized.
     */
    private void writeSnapshot(long journalOffset) {
        long started = System.nanoTime();
        // Only this thread changes the engine, so reading it here needs no lock.
        EngineSnapshot snapshot = engine.snapshot().withJournalOffset(journalOffset);
        inputsSinceSnapshot = 0;
        SnapshotStore.Encoded encoded = null;
        boolean inTransaction = false;
        try {
            encoded = SnapshotStore.encode(snapshot);
            producer.beginTransaction();
            inTransaction = true;
            SnapshotStore.Manifest manifest = snapshots.write(producer, snapshot, encoded, latestSnapshotChunks);
            producer.commitTransaction();
            latestSnapshotChunks = manifest.chunkCount();
            SnapshotWrite written = new SnapshotWrite(snapshot.inputSequence(), manifest.jsonBytes(),
                    manifest.compressedBytes(), manifest.chunkCount(), (System.nanoTime() - started) / 1_000_000);
            lastSnapshotWrite = written;
            LOG.infof("[engine %s] Wrote the snapshot after input %d (journal offset %d) in %d ms: %d bytes of JSON,"
                    + " %d compressed, %d chunks", settings.transactionalId(), snapshot.inputSequence(), journalOffset,
                    written.millis(), written.jsonBytes(), written.compressedBytes(), written.chunks());
        } catch (KafkaException | java.io.UncheckedIOException e) {
            if (e instanceof InterruptException || isFenced(e)) {
                throw e;
            }
            long failures = snapshotFailures.incrementAndGet();
            LOG.errorf("[engine %s] Could not write the snapshot after input %d (%s; failure %d since the start): %s;"
                    + " the engine keeps running on the journal and tries again after %d more inputs",
                    settings.transactionalId(), snapshot.inputSequence(), encoded == null ? "not encoded"
                            : encoded.jsonBytes() + " bytes of JSON, " + encoded.compressed().length + " compressed",
                    failures, describe(e), settings.snapshotInterval());
            if (inTransaction) {
                // Throws when the producer cannot go on, which ends the loop and rebuilds the engine.
                producer.abortTransaction();
            }
        }
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.toString() : error + ", caused by " + root;
    }

    private TradingCommand parse(ConsumerRecord<String, byte[]> record, KafkaOutput out) {
        try {
            return Json.read(record.value(), TradingCommand.class);
        } catch (RuntimeException e) {
            String where = record.topic() + "-" + record.partition() + "@" + record.offset();
            LOG.errorf("[record %s] Rejected an unreadable command with key %s: %s", where, record.key(),
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            out.onEvent(new OrderEvent("malformed-" + where, null, OrderEvent.Status.REJECTED, record.key(), null, null,
                    null, null, null, null, null, null, "malformed_command",
                    "record " + where + " is not a readable trading command", clock.instant()));
            return null;
        }
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            LOG.warnf("[engine %s] Could not abort the transaction: %s", settings.transactionalId(), e.toString());
        }
    }

    private void markUnavailable() {
        lock.writeLock().lock();
        try {
            engine = null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void closeClients() {
        if (consumer != null) {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.warnf("[engine %s] Closing the consumer failed: %s", settings.transactionalId(), e.toString());
            }
            consumer = null;
        }
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.warnf("[engine %s] Closing the producer failed: %s", settings.transactionalId(), e.toString());
            }
            producer = null;
        }
    }

    private KafkaProducer<String, byte[]> newProducer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> newConsumer(String groupId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatch());
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
