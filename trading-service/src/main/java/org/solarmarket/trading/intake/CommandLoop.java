package org.solarmarket.trading.intake;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.Topics;
import org.solarmarket.contracts.TradingCommand;

/**
 * Reads commands from {@link Topics#ORDERS} and writes one outcome per command to
 * {@link Topics#ORDER_EVENTS}.
 */
@ApplicationScoped
public class CommandLoop {

    private static final Logger LOG = Logger.getLogger(CommandLoop.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final AtomicBoolean running = new AtomicBoolean();
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "trading-service");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());

        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());

        running.set(true);
        thread = new Thread(this::run, "trading-command-loop");
        thread.start();
        LOG.infof("Command loop started on %s, reading %s", bootstrapServers, Topics.ORDERS);
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
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        LOG.info("Command loop stopped");
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.ORDERS));
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> record : records) {
                    handle(record);
                }
                if (!records.isEmpty()) {
                    producer.flush();
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        TradingCommand command;
        try {
            command = Json.read(record.value(), TradingCommand.class);
        } catch (RuntimeException e) {
            LOG.errorf("Skipping unreadable record at %s-%d offset %d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        OrderEvent outcome = outcomeOf(command);
        producer.send(new ProducerRecord<>(Topics.ORDER_EVENTS, command.accountId(), Json.write(outcome)));
        LOG.debugf("[command %s] %s -> %s", command.commandId(), command.getClass().getSimpleName(),
                outcome.status());
    }

    private static OrderEvent outcomeOf(TradingCommand command) {
        String eventId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        return switch (command) {
            case TradingCommand.PlaceOrder order -> new OrderEvent(eventId, order.commandId(),
                    OrderEvent.Status.ACCEPTED, order.accountId(), order.orderId(), order.clientOrderId(),
                    order.market(), order.side(), order.price(), order.quantity(), java.math.BigDecimal.ZERO,
                    order.quantity(), null, null, now);
            case TradingCommand.OpenAccount open -> new OrderEvent(eventId, open.commandId(),
                    OrderEvent.Status.ACCOUNT_OPENED, open.accountId(), null, null, null, null, null, null, null,
                    null, null, null, now);
            default -> new OrderEvent(eventId, command.commandId(), OrderEvent.Status.REJECTED,
                    command.accountId(), null, null, null, null, null, null, null, null, "NOT_SUPPORTED",
                    "this command is not supported yet", now);
        };
    }
}
