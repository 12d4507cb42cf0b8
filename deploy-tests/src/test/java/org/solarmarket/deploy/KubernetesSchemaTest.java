package org.solarmarket.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates the manifests against the Kubernetes and Strimzi JSON schemas with the offline
 * validator in deploy-tests/k8s-schema (Node.js and the npm packages of its package-lock.json).
 */
class KubernetesSchemaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Repository repository = Repository.current();
    private Path node;
    private Path validator;

    @BeforeEach
    void findValidator() {
        Path folder = repository.root().resolve("deploy-tests/k8s-schema");
        validator = folder.resolve("validate.mjs");
        node = ExternalTool.find("node").orElse(null);
        MissingTool.requireValidator(node != null,
                "node is not on the PATH: install Node.js 20 or newer (apt-get install nodejs npm) "
                        + "and run 'npm ci --prefix deploy-tests/k8s-schema' to validate the manifests' schemas");
        MissingTool.requireValidator(Files.isDirectory(folder.resolve("node_modules/kubernetes-models")),
                "the schema validator is not installed: run 'npm ci --prefix deploy-tests/k8s-schema' "
                        + "to validate the manifests' schemas");
    }

    private ExternalTool.Result validate(List<String> files) {
        List<String> command = new ArrayList<>(List.of(node.toString(), validator.toString()));
        command.addAll(files);
        return ExternalTool.run(repository.root(), TIMEOUT, command);
    }

    /** Every resource file of the base: each of them is a whole resource, not a patch. */
    @Test
    void baseResourcesMatchSchemas() {
        List<String> files = repository.yamlFiles("k8s/base").stream()
                .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                .map(repository::relative)
                .toList();
        ExternalTool.Result result = validate(files);
        assertEquals(0, result.exitCode(), "schema validation of k8s/base failed:\n" + result.output());
    }

    @TestFactory
    Stream<DynamicTest> renderedKustomizationsMatchSchemas(@TempDir Path temporary) {
        Path kubectl = Kustomize.kubectl().orElse(null);
        MissingTool.skipUnless(kubectl != null,
                "kubectl is not on the PATH, so the rendered overlays are not schema-validated; the base files are");
        return Kustomize.folders(repository).stream().map(folder -> dynamicTest(repository.relative(folder), () -> {
            Path rendered = temporary.resolve(repository.relative(folder).replace('/', '_') + ".yaml");
            Files.writeString(rendered, Kustomize.render(kubectl, repository.root(), folder));
            ExternalTool.Result result = validate(List.of(rendered.toString()));
            assertEquals(0, result.exitCode(), "schema validation of kubectl kustomize "
                    + repository.relative(folder) + " failed:\n" + result.output());
        }));
    }

    /** The validator must reject what the API server would reject, or its passing means nothing. */
    @Test
    void validatorRejectsInvalidManifest(@TempDir Path temporary) throws IOException {
        Path broken = temporary.resolve("broken.yaml");
        Files.writeString(broken, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: broken
                spec:
                  template:
                    spec:
                      containers:
                        - name: gateway
                          image: solarmarket/gateway:0.1.0-SNAPSHOT
                          ports:
                            - containerPort: "8080"
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: orders
                spec:
                  partitions: three
                """);
        ExternalTool.Result result = validate(List.of(broken.toString()));
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("selector"), "missing spec.selector not reported:\n" + result.output());
        assertTrue(result.output().contains("containerPort must be integer"),
                "string containerPort not reported:\n" + result.output());
        assertTrue(result.output().contains("partitions must be integer"),
                "string partition count not reported:\n" + result.output());
    }
}
