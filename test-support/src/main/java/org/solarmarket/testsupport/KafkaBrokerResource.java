package org.solarmarket.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource that starts a real Kafka broker in a child process and points the
 * application's {@code kafka.bootstrap.servers} at it. Topics come from the broker's defaults
 * unless the {@code topics} init argument names others.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private BrokerProcess broker;
    private String topics;

    @Override
    public void init(Map<String, String> initArgs) {
        topics = initArgs.get("topics");
    }

    @Override
    public Map<String, String> start() {
        broker = BrokerProcess.onFreePorts(topics);
        broker.start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
        }
    }
}
