package org.solarmarket.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class YamlFilesParseTest {

    private final Repository repository = Repository.current();

    private List<Path> deploymentFiles() {
        List<Path> files = new ArrayList<>(repository.yamlFiles("k8s"));
        files.add(repository.root().resolve("docker-compose.yml"));
        return files;
    }

    @TestFactory
    Stream<DynamicTest> everyYamlFileParses() {
        return deploymentFiles().stream().map(file -> dynamicTest(repository.relative(file), () -> {
            List<Yaml.Document> documents = Yaml.load(repository.root(), file);
            assertFalse(documents.isEmpty(), repository.relative(file) + " has no YAML document");
        }));
    }

    @TestFactory
    Stream<DynamicTest> kubernetesDocumentsHaveKindAndName() {
        return repository.yamlFiles("k8s").stream().map(file -> dynamicTest(repository.relative(file), () -> {
            Findings findings = new Findings();
            for (Yaml.Document document : Yaml.load(repository.root(), file)) {
                for (String field : List.of("apiVersion", "kind")) {
                    if (Yaml.text(document.content(), field) == null) {
                        findings.add(document.file(), "document " + document.index(), "no " + field);
                    }
                }
                boolean kustomization = "Kustomization".equals(document.map().get("kind"));
                if (!kustomization && Yaml.text(document.content(), "metadata", "name") == null) {
                    findings.add(document.file(), "document " + document.index(), "no metadata.name");
                }
            }
            findings.assertNone(repository.relative(file));
        }));
    }

    /** Files kustomize does not read are never applied, so each one must be listed somewhere. */
    @Test
    void kustomizationsListEveryFile() {
        Findings findings = new Findings();
        Set<Path> referenced = new TreeSet<>();
        for (Path folder : Kustomize.folders(repository)) {
            Path kustomization = folder.resolve("kustomization.yaml");
            referenced.add(kustomization);
            Object content = Yaml.load(repository.root(), kustomization).get(0).content();
            List<String> entries = new ArrayList<>();
            Yaml.asList(Yaml.at(content, "resources").orElse(null)).forEach(r -> entries.add(String.valueOf(r)));
            for (Object patch : Yaml.asList(Yaml.at(content, "patches").orElse(null))) {
                String path = Yaml.text(patch, "path");
                if (path != null) {
                    entries.add(path);
                }
            }
            for (String entry : entries) {
                Path target = folder.resolve(entry).normalize();
                if (!Files.exists(target)) {
                    findings.add(repository.relative(kustomization), "resources", entry + " does not exist");
                }
                referenced.add(target);
            }
        }
        for (Path file : repository.yamlFiles("k8s")) {
            if (!referenced.contains(file)) {
                findings.add(repository.relative(file), "kustomize", "no kustomization.yaml lists this file");
            }
        }
        findings.assertNone("k8s/ kustomizations");
    }

    @Test
    void repositoryHasServiceModules() {
        assertTrue(repository.services().keySet().containsAll(List.of("gateway", "forecast-service",
                "trading-service", "ledger-service")), "service modules found: " + repository.services().keySet());
    }
}
