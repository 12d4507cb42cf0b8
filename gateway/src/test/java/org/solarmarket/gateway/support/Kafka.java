package org.solarmarket.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.solarmarket.contracts.Json;

/** Reads and writes the test broker's topics the way the other services do. */
public final class Kafka {

    private Kafka() {
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Publishes one record as the platform's JSON and waits for the broker's acknowledgement. */
    public static void publish(String topic, String key, Object value) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key, Json.write(value))).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    public static KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    public static KafkaConsumer<String, byte[]> consumerFromStart(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /**
     * Reads a topic from its start for {@code wait} and returns the records whose JSON value
     * matches; it returns early once {@code enough} matched.
     */
    public static List<Keyed> read(String topic, Predicate<JsonNode> match, int enough, Duration wait) {
        List<Keyed> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumerFromStart(topic)) {
            Instant deadline = Instant.now().plus(wait);
            while (Instant.now().isBefore(deadline) && found.size() < enough) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode value = tree(record.value());
                    if (match.test(value)) {
                        found.add(new Keyed(record.key(), value));
                    }
                }
            }
        }
        return found;
    }

    /** A record's key and JSON value. */
    public record Keyed(String key, JsonNode value) {
    }

    private static JsonNode tree(byte[] value) {
        try {
            return Json.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
