package org.solarmarket.ledger.settlement;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Fill;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.Topics;
import org.solarmarket.ledger.config.LedgerConfig;

/**
 * Reads {@link Fill}s from {@link Topics#FILLS} and hands each polled batch to {@link Settlement}.
 * Offsets are committed only after the batch is on disk, so a crash at any point makes Kafka
 * deliver the uncommitted fills again, and {@link Settlement} skips the ones already stored:
 * every fill is settled exactly once.
 */
@ApplicationScoped
public class FillConsumer {

    private static final Logger LOG = Logger.getLogger(FillConsumer.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    LedgerConfig config;

    @Inject
    Settlement settlement;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Stall stall;

    /**
     * Settlement that keeps failing: since when, how many attempts of the same batch, and the last
     * error. Offsets stay uncommitted meanwhile, so no fill is skipped.
     */
    public record Stall(Instant since, int attempts, String lastError) {
    }
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (!config.consumer().enabled()) {
            LOG.info("Fill consumer disabled by solarmarket.ledger.consumer.enabled=false");
            return;
        }
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumer().groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        config.consumer().instanceId().ifPresent(id -> properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        running.set(true);
        thread = new Thread(this::run, "ledger-fill-consumer");
        thread.start();
        LOG.infof("Fill consumer started on %s, reading %s as group %s", bootstrapServers, Topics.FILLS,
                config.consumer().groupId());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (thread == null) {
            return;
        }
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Fill consumer stopped");
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.FILLS));
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    process(records);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                LOG.error("Fill consumer woken up unexpectedly; it stops", e);
            }
        } catch (RuntimeException e) {
            LOG.error("Fill consumer failed and stops; fills stay unsettled until a restart", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void process(ConsumerRecords<String, byte[]> records) {
        List<Fill> fills = new ArrayList<>(records.count());
        Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            firstOffsets.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
            try {
                fills.add(Json.read(record.value(), Fill.class));
            } catch (RuntimeException e) {
                LOG.errorf("Skipping unreadable fill at %s-%d offset %d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        try {
            settlement.settleAll(fills);
            consumer.commitSync();
            if (stall != null) {
                LOG.infof("Settlement resumed after %d failed attempts since %s", stall.attempts(), stall.since());
                stall = null;
            }
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof WakeupException wakeup) {
                throw wakeup;
            }
            Stall previous = stall;
            stall = new Stall(previous == null ? Instant.now() : previous.since(),
                    previous == null ? 1 : previous.attempts() + 1, e.toString());
            // TODO: quarantine a fill that fails alone on every retry, without draining all fills when the cause is shared.
            LOG.errorf(e, "Could not settle %d fills; retrying from offsets %s in %d s", fills.size(), firstOffsets,
                    RETRY_DELAY.toSeconds());
            firstOffsets.forEach(consumer::seek);
            sleep();
        }
    }

    /** Returns the current stall, or empty while fills settle normally. */
    public Optional<Stall> stall() {
        return Optional.ofNullable(stall);
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
