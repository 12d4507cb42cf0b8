package org.solarmarket.broker;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Settings of the single-node broker, read from environment variables so the launcher, the test
 * resource and a container can all configure it the same way.
 *
 * @param dataDir        folder for the KRaft metadata log and the topic logs
 * @param host           address both listeners bind to; loopback by default
 * @param port           client listener port
 * @param controllerPort KRaft controller listener port
 * @param topics         topics created on every start, when missing
 */
public record BrokerSettings(Path dataDir, String host, int port, int controllerPort, List<TopicSpec> topics) {

    public static final int DEFAULT_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;

    public BrokerSettings {
        checkPort("KAFKA_PORT", port);
        checkPort("KAFKA_CONTROLLER_PORT", controllerPort);
        if (port == controllerPort) {
            throw new IllegalArgumentException("KAFKA_PORT and KAFKA_CONTROLLER_PORT are both " + port
                    + ": the client and controller listeners need different ports");
        }
    }

    /** Reads KAFKA_DATA_DIR, KAFKA_HOST, KAFKA_PORT, KAFKA_CONTROLLER_PORT and KAFKA_TOPICS. */
    public static BrokerSettings fromEnvironment(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("KAFKA_DATA_DIR", "data/kafka")).toAbsolutePath();
        String host = env.getOrDefault("KAFKA_HOST", "127.0.0.1");
        int port = parsePort("KAFKA_PORT", env.getOrDefault("KAFKA_PORT", String.valueOf(DEFAULT_PORT)));
        int controllerPort = parsePort("KAFKA_CONTROLLER_PORT",
                env.getOrDefault("KAFKA_CONTROLLER_PORT", String.valueOf(DEFAULT_CONTROLLER_PORT)));
        List<TopicSpec> topics = TopicSpec.parseList(env.getOrDefault("KAFKA_TOPICS", TopicSpec.DEFAULT_SPEC));
        return new BrokerSettings(dataDir, host, port, controllerPort, topics);
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    private static int parsePort(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + name + " '" + value + "': expected a port number", e);
        }
    }

    private static void checkPort(String name, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid " + name + " " + port + ": a port is between 1 and 65535");
        }
    }
}
