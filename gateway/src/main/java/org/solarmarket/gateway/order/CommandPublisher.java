package org.solarmarket.gateway.order;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;
import org.solarmarket.contracts.Topics;
import org.solarmarket.contracts.TradingCommand;
import org.solarmarket.gateway.problem.ApiException;

/**
 * Writes trading commands to {@link Topics#ORDERS} and waits for the broker's acknowledgement, so
 * a 202 answer means the command is durably in the log.
 */
@ApplicationScoped
public class CommandPublisher {

    private static final Logger LOG = Logger.getLogger(CommandPublisher.class);
    private static final long SEND_TIMEOUT_SECONDS = 10;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProducer<String, byte[]> producer;

    void onStart(@Observes StartupEvent event) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, SEND_TIMEOUT_SECONDS * 1000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) (SEND_TIMEOUT_SECONDS * 1000));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (SEND_TIMEOUT_SECONDS * 1000) - 1000);
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        LOG.infof("Command publisher started on %s", bootstrapServers);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        LOG.info("Command publisher stopped");
    }

    /**
     * Sends a command and blocks until the broker acknowledged it.
     *
     * @throws ApiException with HTTP 503 when the broker does not acknowledge in time
     */
    public void publish(TradingCommand command) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ORDERS, command.partitionKey(),
                Json.write(command));
        try {
            producer.send(record).get(SEND_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(command, e);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(command, e);
        }
    }

    private static ApiException unavailable(TradingCommand command, Exception cause) {
        LOG.errorf("[command %s] Could not write to %s: %s", command.commandId(), Topics.ORDERS, cause.toString());
        return new ApiException(503, "Service Unavailable",
                "the order log did not acknowledge the command in time; retry with the same client_order_id",
                null, null);
    }
}
