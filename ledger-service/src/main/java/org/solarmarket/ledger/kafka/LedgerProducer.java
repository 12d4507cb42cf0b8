package org.solarmarket.ledger.kafka;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The one idempotent Kafka producer of the service (acks=all), shared by its writers. */
@ApplicationScoped
public class LedgerProducer {

    private static final Logger LOG = Logger.getLogger(LedgerProducer.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProducer<String, byte[]> producer;

    @PostConstruct
    void start() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ledger-service");
        // Bounds how long a send waits for broker metadata, e.g. in POST /wallet while Kafka is down.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        LOG.infof("Kafka producer started for %s", bootstrapServers);
    }

    @PreDestroy
    void stop() {
        producer.close(Duration.ofSeconds(5));
        LOG.info("Kafka producer stopped");
    }

    public Future<RecordMetadata> send(String topic, String key, byte[] value, Callback callback) {
        return producer.send(new ProducerRecord<>(topic, key, value), callback);
    }
}
