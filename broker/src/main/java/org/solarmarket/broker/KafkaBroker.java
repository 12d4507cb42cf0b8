package org.solarmarket.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Apache Kafka node in KRaft mode (combined broker and controller) in this JVM.
 *
 * <p>On first start it formats the storage folder as a standalone controller quorum; on every
 * start it creates the missing platform topics and then writes {@code broker.ready} into the data
 * folder, which the launcher and the test resource wait for. SIGTERM shuts it down cleanly.
 */
public final class KafkaBroker {

    public static final String READY_FILE = "broker.ready";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    private final BrokerSettings settings;
    private KafkaRaftServer server;

    public KafkaBroker(BrokerSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        BrokerSettings settings;
        try {
            settings = BrokerSettings.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("kafka-broker: " + e.getMessage());
            System.exit(2);
            return;
        }
        KafkaBroker broker = new KafkaBroker(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.stop();
            stopped.countDown();
        }, "kafka-broker-shutdown"));
        broker.start();
        stopped.await();
    }

    /** Formats storage when needed, starts the node and creates the topics. */
    public void start() throws IOException, InterruptedException {
        Path dataDir = settings.dataDir();
        Files.createDirectories(dataDir);
        Files.deleteIfExists(dataDir.resolve(READY_FILE));
        Path logDir = dataDir.resolve("kraft-logs");
        Path propertiesFile = dataDir.resolve("server.properties");
        Properties properties = serverProperties(logDir);
        try (var out = Files.newBufferedWriter(propertiesFile, StandardCharsets.UTF_8)) {
            properties.store(out, "Written by the platform's broker launcher on every start");
        }

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(propertiesFile);
        }

        LOG.info("Starting Kafka node on {} (controller port {}), data in {}", settings.bootstrapServers(),
                settings.controllerPort(), dataDir);
        server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        createTopics(settings.topics());

        Path ready = dataDir.resolve(READY_FILE);
        Path tmp = dataDir.resolve(READY_FILE + ".tmp");
        Files.writeString(tmp, settings.bootstrapServers() + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LOG.info("Kafka node ready on {} with topics {}", settings.bootstrapServers(), settings.topics());
    }

    /** Stops the node and waits until its logs are closed. */
    public void stop() {
        KafkaRaftServer running = server;
        if (running == null) {
            return;
        }
        LOG.info("Stopping Kafka node on {}", settings.bootstrapServers());
        try {
            Files.deleteIfExists(settings.dataDir().resolve(READY_FILE));
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", READY_FILE, e.toString());
        }
        running.shutdown();
        running.awaitShutdown();
        server = null;
        LOG.info("Kafka node stopped");
    }

    private Properties serverProperties(Path logDir) {
        String host = settings.host();
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", host + ":" + settings.controllerPort());
        p.setProperty("listeners", "PLAINTEXT://" + host + ":" + settings.port() + ",CONTROLLER://" + host + ":"
                + settings.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + settings.port());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        // One node: internal topics cannot have more than one replica.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "3");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.flush.interval.messages", "1");
        return p;
    }

    private void format(Path propertiesFile) {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {"format", "--standalone", "-t", clusterId, "-c",
                propertiesFile.toString()}, print);
        }
        String message = output.toString(StandardCharsets.UTF_8).trim();
        if (exitCode != 0) {
            throw new IllegalStateException("formatting Kafka storage failed (exit " + exitCode + "): " + message);
        }
        LOG.info("Formatted Kafka storage for new cluster {}: {}", clusterId, message);
    }

    private void createTopics(List<TopicSpec> topics) throws InterruptedException {
        Properties adminConfig = new Properties();
        adminConfig.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1))
                    .collect(Collectors.toList());
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("creating topics " + missing + " failed", e.getCause());
                }
            }
            LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("listing topics on " + settings.bootstrapServers() + " failed", e);
        }
    }
}
