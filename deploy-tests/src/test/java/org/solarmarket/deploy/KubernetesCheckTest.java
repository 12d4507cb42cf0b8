package org.solarmarket.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.solarmarket.deploy.DockerfileCheckTest.assertContains;

import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesCheckTest {

    private final Project project = Project.of(Repository.current());

    private List<String> check(String manifests, boolean complete) {
        // The orders KafkaTopic of GATEWAY gets one partition more than the broker's topic list.
        String text = manifests.replace("%ORDERS%", String.valueOf(ordersPartitions() + 1));
        return KubernetesCheck.check(project, Yaml.parse("manifests.yaml", text), complete).items().stream()
                .map(Finding::toString).toList();
    }

    private int ordersPartitions() {
        return project.topics().stream().filter(t -> t.name().equals("orders")).findFirst().orElseThrow().partitions();
    }

    private static final String GATEWAY = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: gateway-config
            data:
              KAFKA_BOOTSTRAP_SERVERS: kafka:9092
              SOLARMARKET_GATEWAY_NO_SUCH_KEY: "1"
              SOLARMARKET_SERVICES_LEDGER_URL: http://ledger-service:8084
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: gateway
            spec:
              replicas: 2
              selector:
                matchLabels: {app: gateway}
              template:
                metadata:
                  labels: {app: gateway}
                  annotations:
                    prometheus.io/path: /metrics
                    prometheus.io/port: "9000"
                spec:
                  containers:
                    - name: gateway
                      image: registry.example.org/solarmarket/gateway:1.0
                      ports:
                        - name: http
                          containerPort: 8081
                      envFrom:
                        - configMapRef: {name: gateway-config}
                        - configMapRef: {name: missing-config}
                      env:
                        - name: SOLARMARKET_GATEWAY_INSTANCE_ID
                          value: a
                        - name: SOLARMARKET_GATEWAY_INSTANCE
                          value: b
                      livenessProbe:
                        httpGet: {path: /q/health/ready, port: http}
                      readinessProbe:
                        tcpSocket: {port: 8080}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: gateway
            spec:
              selector: {app: gateway}
              ports:
                - name: http
                  port: 80
                  targetPort: 8081
            ---
            apiVersion: kafka.strimzi.io/v1
            kind: Kafka
            metadata:
              name: solarmarket
            spec:
              kafka:
                version: 3.9.0
                listeners:
                  - {name: plain, port: 9092, type: internal, tls: false}
            ---
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata:
              name: orders
              labels: {strimzi.io/cluster: other}
            spec:
              partitions: %ORDERS%
              replicas: 1
            ---
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaTopic
            metadata:
              name: trades
            spec:
              partitions: 3
              replicas: 3
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: gateway
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: gateway}
              minReplicas: 1
              maxReplicas: 2
            """;

    @Test
    void reportsContainerDrift() {
        List<String> messages = check(GATEWAY, true);
        String container = "manifests.yaml [Deployment/gateway container gateway]: ";
        assertContains(messages, container + "containerPort 8081 but quarkus.http.port of gateway is 8080");
        assertContains(messages, container + "livenessProbe path /q/health/ready but gateway serves it at /q/health/live");
        assertContains(messages, container + "livenessProbe port http resolves to 8081 but quarkus.http.port is 8080");
        assertContains(messages, container + "readinessProbe is not an httpGet probe");
        assertContains(messages, container + "prometheus.io/path /metrics but the metrics are at /q/metrics");
        assertContains(messages, container + "prometheus.io/port 9000 but quarkus.http.port is 8080");
        assertContains(messages, container + "environment variable SOLARMARKET_GATEWAY_INSTANCE sets no key");
        assertContains(messages, container + "envFrom names ConfigMap missing-config, which is not defined");
        assertContains(messages, container + "no resources.requests.cpu");
        assertContains(messages, container + "runAsNonRoot is not true");
        assertContains(messages, container + "KAFKA_BOOTSTRAP_SERVERS names kafka:9092 but the Kafka cluster's plain listeners are [solarmarket-kafka-bootstrap:9092]");
        assertContains(messages, container + "SOLARMARKET_SERVICES_LEDGER_URL has host ledger-service, which is not a Service");
        assertContains(messages, "manifests.yaml [ConfigMap/gateway-config]: key SOLARMARKET_GATEWAY_NO_SUCH_KEY sets no key");
        assertContains(messages, "manifests.yaml [Deployment/gateway]: sets spec.replicas although HorizontalPodAutoscaler/gateway owns the count");
    }

    @Test
    void reportsWiringDrift() {
        List<String> messages = check(GATEWAY, true);
        assertContains(messages, "manifests.yaml [Service/gateway]: targetPort 8081 resolves to 8081 in Deployment/gateway but quarkus.http.port of gateway is 8080");
        assertContains(messages, "manifests.yaml [Service/gateway]: port 80 differs from quarkus.http.port 8080");
        assertContains(messages, "manifests.yaml [Kafka/solarmarket]: spec.kafka.version 3.9.0 is not a 4.1.x release");
        int orders = ordersPartitions();
        assertContains(messages, "manifests.yaml [KafkaTopic/orders]: topic orders has " + (orders + 1)
                + " partitions but TopicSpec.DEFAULT_SPEC has " + orders);
        assertContains(messages, "manifests.yaml [KafkaTopic/orders]: topic orders has replication factor 1");
        assertContains(messages, "manifests.yaml [KafkaTopic/orders]: label strimzi.io/cluster is other");
        assertContains(messages, "manifests.yaml [KafkaTopic/trades]: topic trades is not in TopicSpec.DEFAULT_SPEC");
        assertContains(messages, "[KafkaTopic]: topic fills of TopicSpec.DEFAULT_SPEC has no KafkaTopic");
        assertContains(messages, "[forecast-service]: no workload runs the image solarmarket/forecast-service");
        assertContains(messages, "[gateway]: no PodDisruptionBudget covers the pods of gateway");
        assertContains(messages, "[Ingress]: no Ingress for gateway");
    }

    @Test
    void patchesGetOnlyValueChecks() {
        List<String> messages = check("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: blocks
                spec:
                  replicas: 3
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: ledger-service-config
                data:
                  SOLARMARKET_LEDGER_TYPO: x
                """, false);
        assertContains(messages, "manifests.yaml [ConfigMap/ledger-service-config]: key SOLARMARKET_LEDGER_TYPO sets no key");
        assertEquals(1, messages.size(), messages.toString());
    }
}
