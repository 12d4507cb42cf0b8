package org.solarmarket.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileCheckTest {

    private static final ServiceConfig CONFIG = ServiceConfig.parse("gateway", """
            quarkus.http.host=${SOLARMARKET_BIND_HOST:127.0.0.1}
            quarkus.http.port=8080
            """);

    @Test
    void parseJoinsContinuationLines() {
        List<DockerfileCheck.Instruction> instructions = DockerfileCheck.parse("""
                # comment
                FROM base:1
                RUN a \\
                    # a comment inside the instruction
                    && b
                expose 8080
                """);
        assertEquals(3, instructions.size());
        assertEquals(new DockerfileCheck.Instruction("RUN", "a && b"), instructions.get(1));
        assertEquals("EXPOSE", instructions.get(2).keyword());
    }

    @Test
    void reportsEveryDrift() {
        String dockerfile = """
                FROM eclipse-temurin:21-jre-noble
                COPY target/quarkus-app/lib/ /deployments/lib/
                COPY target/quarkus-app/quarkus-run.jar /deployments/quarkus-run.jar
                ENV SOLARMARKET_BIND_HOST=127.0.0.1 SOLARMARKET_NO_SUCH_KEY="a b"
                USER root
                EXPOSE 9000
                HEALTHCHECK CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9000 && printf 'GET /q/health/wrong'"]
                ENTRYPOINT ["java", "-jar", "/deployments/app.jar"]
                """;
        List<String> messages = DockerfileCheck.check(CONFIG, "gateway/Dockerfile", dockerfile).items().stream()
                .map(Finding::toString).toList();
        assertContains(messages, "gateway/Dockerfile [gateway]: EXPOSE [9000] but quarkus.http.port is 8080");
        assertContains(messages, "runs as root");
        assertContains(messages, "no COPY of target/quarkus-app/app/");
        assertContains(messages, "no COPY of target/quarkus-app/quarkus/");
        assertContains(messages, "neither ENTRYPOINT nor CMD starts quarkus-run.jar");
        assertContains(messages, "HEALTHCHECK does not request /q/health/ready");
        assertContains(messages, "HEALTHCHECK does not connect to port 8080");
        assertContains(messages, "ENV SOLARMARKET_NO_SUCH_KEY sets no key");
        assertContains(messages, "ENV SOLARMARKET_BIND_HOST=127.0.0.1");
        assertEquals(9, messages.size(), messages.toString());
    }

    @Test
    void nativeDependencyNeedsPackage() {
        String pom = "<dependency><groupId>ml.dmlc</groupId><artifactId>xgboost4j_2.12</artifactId></dependency>";
        String without = "FROM x\nRUN apt-get install -y curl\n";
        String with = "FROM x\nRUN apt-get update && apt-get install -y --no-install-recommends libgomp1 && rm -rf /x\n";
        List<String> missing = DockerfileCheck.check(CONFIG, "Dockerfile", without, pom).items().stream()
                .map(Finding::toString).toList();
        List<String> installed = DockerfileCheck.check(CONFIG, "Dockerfile", with, pom).items().stream()
                .map(Finding::toString).toList();
        assertContains(missing, "the pom depends on xgboost4j but no RUN installs libgomp1");
        assertTrue(installed.stream().noneMatch(m -> m.contains("libgomp1")), installed.toString());
    }

    @Test
    void missingUserMeansRoot() {
        List<Finding> findings = DockerfileCheck.check(CONFIG, "Dockerfile", "FROM x\nEXPOSE 8080\n").items();
        assertTrue(findings.stream().anyMatch(f -> f.message().contains("runs as root")), findings.toString());
    }

    static void assertContains(List<String> messages, String expected) {
        assertTrue(messages.stream().anyMatch(m -> m.contains(expected)),
                "no finding contains '" + expected + "' in:\n" + String.join("\n", messages));
    }
}
