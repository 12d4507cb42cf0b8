package org.solarmarket.gateway.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.Topics;
import org.solarmarket.gateway.market.MarketFeed;
import org.solarmarket.gateway.ws.ClientRegistry;

/**
 * Reads the platform's event topics from their latest offsets and routes each record to the
 * WebSocket clients: book updates and fills feed the coalesced {@code market_update}s, fills and
 * order events also go to the owning wallets' connections as {@code fill} and
 * {@code order_update}, and blocks go to everyone as {@code block}. Each gateway instance uses its
 * own consumer group, so every instance sees every event.
 */
@ApplicationScoped
public class EventStreamConsumer {

    private static final Logger LOG = Logger.getLogger(EventStreamConsumer.class);

    private static final List<String> TOPICS = List.of(Topics.ORDER_EVENTS, Topics.FILLS, Topics.BOOK_UPDATES,
            Topics.BLOCKS);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "solarmarket.gateway.instance-id")
    String instanceId;

    @Inject
    ClientRegistry clients;

    @Inject
    MarketFeed feed;

    @Inject
    org.solarmarket.gateway.order.RejectedOrders rejectedOrders;

    private final AtomicBoolean assigned = new AtomicBoolean();

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
        LOG.infof("Event stream started on %s for topics %s", bootstrapServers, TOPICS);
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
            consumer.subscribe(TOPICS, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assigned.set(true);
                    LOG.infof("Event stream assigned %d partitions", partitions.size());
                }
            });
            while (running.get()) {
                pollOnce();
            }
        } catch (WakeupException e) {
            if (running.get()) {
                LOG.error("Event stream woken up while running", e);
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void pollOnce() {
        try {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                forward(record);
            }
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.errorf("Polling the event topics failed, retrying in 1 s: %s", e.toString());
            try {
                Thread.sleep(1000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
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
        try {
            route(record.topic(), data);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Skipping record at %s-%d offset %d that could not be routed", record.topic(),
                    record.partition(), record.offset());
        }
    }

    private void route(String topic, JsonNode data) {
        switch (topic) {
            case Topics.BOOK_UPDATES -> feed.onBook(data);
            case Topics.FILLS -> {
                feed.onFill(data);
                clients.sendToUser(data.path("buyer_id").asText(null), "fill", data);
                String seller = data.path("seller_id").asText(null);
                if (seller != null && !seller.equals(data.path("buyer_id").asText(null))) {
                    clients.sendToUser(seller, "fill", data);
                }
            }
            case Topics.ORDER_EVENTS -> {
                rejectedOrders.onOrderEvent(data);
                clients.sendToUser(data.path("account_id").asText(null), "order_update", data);
            }
            case Topics.BLOCKS -> clients.broadcast("block", data);
            default -> LOG.debugf("Ignoring a record of topic %s", topic);
        }
    }

    /** Returns whether the consumer has its partitions, so that events published from now on reach the clients. */
    public boolean isAssigned() {
        return assigned.get();
    }
}
