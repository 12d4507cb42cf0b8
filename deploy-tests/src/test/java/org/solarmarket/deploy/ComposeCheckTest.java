package org.solarmarket.deploy;

import static org.solarmarket.deploy.DockerfileCheckTest.assertContains;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComposeCheckTest {

    private final Project project = Project.of(Repository.current());

    private List<String> check(String compose) {
        // The orders line of KAFKA gets one partition more than the broker's topic list.
        String text = compose.replace("%ORDERS%", String.valueOf(ordersPartitions() + 1));
        Yaml.Document document = Yaml.parse("compose.yml", text).get(0);
        return ComposeCheck.check(project, document).items().stream().map(Finding::toString).toList();
    }

    private static final String KAFKA = """
              kafka:
                image: apache/kafka:3.9.0
                environment:
                  KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092
              kafka-topics:
                image: apache/kafka:4.1.2
                command:
                  - |
                    t=/opt/kafka/bin/kafka-topics.sh
                    $$t --bootstrap-server kafka:9092 --create --if-not-exists --topic orders --partitions %ORDERS% --replication-factor 1
                    $$t --bootstrap-server kafka:9092 --create --topic trades --partitions 3
            """;

    @Test
    void reportsServiceDrift() {
        List<String> messages = check("""
                services:
                  gateway:
                    image: solarmarket/gateway:0.1.0-SNAPSHOT
                    depends_on: [ledger-db]
                    environment:
                      QUARKUS_HTTP_PORT: 9090
                      SOLARMARKET_GATEWAY_NO_SUCH_KEY: x
                      SOLARMARKET_SERVICES_TRADING_URL: http://trading:8082
                      SOLARMARKET_SERVICES_LEDGER_URL: http://ledger-service:8084
                      KAFKA_BOOTSTRAP_SERVERS: broker:9092
                      SOLARMARKET_GATEWAY_DATA_DIR: /var/lib/solarmarket/gateway
                    volumes:
                      - ${GATEWAY_DATA:-./data}:/var/lib/solarmarket/gatewa:rw
                    ports:
                      - "8080:9090"
                    healthcheck:
                      test: ["CMD", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8081 && printf 'GET /q/health/redy'"]
                  ledger-service:
                    image: solarmarket/ledger-service:0.1.0-SNAPSHOT
                  ledger:
                    image: solarmarket/ledger:0.1.0-SNAPSHOT
                """ + KAFKA);
        assertContains(messages, "compose.yml [gateway]: depends_on names 'ledger-db'");
        assertContains(messages, "compose.yml [gateway]: QUARKUS_HTTP_PORT is 9090 but quarkus.http.port is 8080");
        assertContains(messages, "compose.yml [gateway]: environment variable SOLARMARKET_GATEWAY_NO_SUCH_KEY sets no key of gateway/src/main/resources/application.properties");
        assertContains(messages, "SOLARMARKET_SERVICES_TRADING_URL has host trading but the compose service of trading-service is named trading-service");
        assertContains(messages, "SOLARMARKET_SERVICES_LEDGER_URL has port 8084 but ledger-service listens on quarkus.http.port 8083");
        assertContains(messages, "KAFKA_BOOTSTRAP_SERVERS names broker:9092");
        assertContains(messages, "compose.yml [gateway]: uses Kafka but does not wait for kafka-topics with condition service_completed_successfully");
        assertContains(messages, "SOLARMARKET_GATEWAY_DATA_DIR is /var/lib/solarmarket/gateway but no volume is mounted there; mounted: [/var/lib/solarmarket/gatewa]");
        assertContains(messages, "published port 8080:9090 targets container port 9090");
        assertContains(messages, "healthcheck '");
        assertContains(messages, "does not connect to port 8080");
        assertContains(messages, "compose.yml [ledger]: image 'solarmarket/ledger:0.1.0-SNAPSHOT' names no service module");
        assertContains(messages, "compose.yml [ledger-service]: no healthcheck");
        assertContains(messages, "compose.yml [forecast-service]: no compose service runs the image solarmarket/forecast-service");
    }

    @Test
    void reportsKafkaDrift() {
        List<String> messages = check("services:\n" + KAFKA);
        assertContains(messages, "compose.yml [kafka]: image apache/kafka:3.9.0 has Kafka 3.9.0 but the build uses kafka.version "
                + project.kafkaVersion());
        assertContains(messages, "[topic creation]: topic orders is created with " + (ordersPartitions() + 1)
                + " partitions but TopicSpec.DEFAULT_SPEC has " + ordersPartitions());
        assertContains(messages, "[topic creation]: topic blocks is not created");
        assertContains(messages, "[topic creation]: topic trades is created but is not in TopicSpec.DEFAULT_SPEC");
    }

    private int ordersPartitions() {
        return project.topics().stream().filter(t -> t.name().equals("orders")).findFirst().orElseThrow().partitions();
    }

    @Test
    void acceptsListFormEnvironment() {
        List<String> messages = check("""
                services:
                  trading-service:
                    image: solarmarket/trading-service:0.1.0-SNAPSHOT
                    environment:
                      - QUARKUS_HTTP_PORT=8082
                      - SOLARMARKET_TRADING_NO_SUCH_KEY=1
                """);
        assertContains(messages, "[trading-service]: environment variable SOLARMARKET_TRADING_NO_SUCH_KEY sets no key");
    }
}
