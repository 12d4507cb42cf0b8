package org.solarmarket.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.Topics;
import org.solarmarket.gateway.ws.MarketSocket;

/**
 * Reads the platform's event topics from their latest offsets and pushes each record to the
 * WebSocket clients. Each gateway instance uses its own consumer group, so every instance sees
 * every event.
 */
@ApplicationScoped
public class EventStreamConsumer {

    private static final Logger LOG = Logger.getLogger(EventStreamConsumer.class);

    /** WebSocket event name for each topic. */
    private static final Map<String, String> EVENT_BY_TOPIC = Map.of(
            Topics.ORDER_EVENTS, "order_update",
            Topics.FILLS, "trade",
            Topics.BOOK_UPDATES, "book_update",
            Topics.BLOCKS, "block");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "solarmarket.gateway.instance-id")
    String instanceId;

    @Inject
    MarketSocket socket;

    private final AtomicBoolean running = new AtomicBoolean();
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-" + instanceId + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        running.set(true);
        thread = new Thread(this::run, "gateway-event-stream");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Event stream started on %s for topics %s", bootstrapServers, EVENT_BY_TOPIC.keySet());
    }

    void onStop(@Observes ShutdownEvent event) {
        running.set(false);
        if (consumer != null) {
            consumer.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Event stream stopped");
    }

    private void run() {
        try {
            consumer.subscribe(List.copyOf(EVENT_BY_TOPIC.keySet()));
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    forward(record);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                LOG.error("Event stream woken up while running", e);
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void forward(ConsumerRecord<String, byte[]> record) {
        JsonNode data;
        try {
            data = Json.mapper().readTree(record.value());
        } catch (IOException e) {
            LOG.errorf("Skipping unreadable record at %s-%d offset %d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        socket.broadcast(EVENT_BY_TOPIC.get(record.topic()), data);
    }
}
