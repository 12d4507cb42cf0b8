package org.solarmarket.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServiceConfigTest {

    private static final String PROPERTIES = """
            # Every key can be overridden, e.g. QUARKUS_HTTP_PORT=9000 or KAFKA_BOOTSTRAP_SERVERS=host:9092.
            quarkus.http.host=${SOLARMARKET_BIND_HOST:127.0.0.1}
            quarkus.http.port=8093
            quarkus.log.category."org.apache.kafka".level=WARN
            solarmarket.sample.data-dir=data/sample
            %test.solarmarket.sample.test-only=on
            # Optional: the key file, documented but unset.
            # solarmarket.sample.key-file=
            # A sentence that mentions solarmarket.sample.not-a-key in passing = no key.
            multi.line=first \\
              second
            """;

    private final ServiceConfig config = ServiceConfig.parse("sample-service", PROPERTIES);

    @Test
    void envNameReplacesDotsDashesAndQuotes() {
        assertEquals("SOLARMARKET_LEDGER_DATA_DIR", ServiceConfig.envName("solarmarket.ledger.data-dir"));
        assertEquals("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL",
                ServiceConfig.envName("quarkus.log.category.\"org.apache.kafka\".level"));
        assertEquals("QUARKUS_HTTP_PORT", ServiceConfig.envName("quarkus.http.port"));
    }

    @Test
    void acceptsDeclaredKeys() {
        assertEquals("key solarmarket.sample.data-dir", config.target("SOLARMARKET_SAMPLE_DATA_DIR").orElseThrow());
        assertEquals("key quarkus.http.port", config.target("QUARKUS_HTTP_PORT").orElseThrow());
        assertTrue(config.target("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL").isPresent());
        assertTrue(config.target("MULTI_LINE").isPresent());
    }

    @Test
    void acceptsProfileAndCommentedKeys() {
        assertEquals("key solarmarket.sample.test-only", config.target("SOLARMARKET_SAMPLE_TEST_ONLY").orElseThrow());
        assertEquals("key solarmarket.sample.key-file", config.target("SOLARMARKET_SAMPLE_KEY_FILE").orElseThrow());
    }

    @Test
    void acceptsReferencedAndRuntimeVariables() {
        assertTrue(config.target("SOLARMARKET_BIND_HOST").orElseThrow().contains("${SOLARMARKET_BIND_HOST}"));
        assertTrue(config.target("JAVA_TOOL_OPTIONS").isPresent());
    }

    @Test
    void rejectsUnknownVariables() {
        assertTrue(config.target("SOLARMARKET_SAMPLE_DATA_DIRS").isEmpty());
        assertTrue(config.target("SOLARMARKET_SAMPLE_NOT_A_KEY").isEmpty());
        assertTrue(config.target("KAFKA_BOOTSTRAP_SERVERS").isEmpty(), "named only in a comment's example");
        assertTrue(config.target("SOLARMARKET_SAMPLE").isEmpty());
    }

    @Test
    void defaultPathsFollowQuarkus() {
        assertEquals(8093, config.httpPort());
        assertEquals("/q/health/live", config.livenessPath());
        assertEquals("/q/health/ready", config.readinessPath());
        assertEquals("/q/health/started", config.startupPath());
        assertEquals("/q/metrics", config.metricsPath());
    }

    @Test
    void overriddenPathsAreResolved() {
        ServiceConfig moved = ServiceConfig.parse("moved", """
                quarkus.http.non-application-root-path=internal
                quarkus.smallrye-health.readiness-path=/ready
                quarkus.smallrye-health.liveness-path=alive
                quarkus.micrometer.export.prometheus.path=/prometheus
                """);
        assertEquals(8080, moved.httpPort());
        assertEquals("/internal/health/alive", moved.livenessPath());
        assertEquals("/ready", moved.readinessPath());
        assertEquals("/prometheus", moved.metricsPath());
    }
}
