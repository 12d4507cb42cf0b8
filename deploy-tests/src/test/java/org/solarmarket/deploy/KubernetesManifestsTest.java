package org.solarmarket.deploy;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class KubernetesManifestsTest {

    private final Repository repository = Repository.current();
    private final Project project = Project.of(repository);

    private List<Yaml.Document> load(String folder) {
        List<Yaml.Document> documents = new ArrayList<>();
        for (Path file : repository.yamlFiles(folder)) {
            documents.addAll(Yaml.load(repository.root(), file));
        }
        return documents;
    }

    /** The base is what kustomize applies, minus the overlay's changes, so it is checked as a whole. */
    @Test
    void baseMatchesServices() {
        KubernetesCheck.check(project, load("k8s/base"), true).assertNone("k8s/base");
    }

    /** Overlay files are patches: each value they set is checked, nothing is required. */
    @Test
    void overlayPatchesMatchServices() {
        KubernetesCheck.check(project, load("k8s/overlays"), false).assertNone("k8s/overlays");
    }

    /** What kubectl would apply: each kustomization rendered, then checked as a whole. */
    @TestFactory
    Stream<DynamicTest> renderedKustomizationsMatchServices() {
        Path kubectl = Kustomize.kubectl().orElse(null);
        MissingTool.skipUnless(kubectl != null,
                "kubectl is not on the PATH, so the rendered kustomizations are not checked; "
                        + "the base and the overlay patches still are");
        return Kustomize.folders(repository).stream().map(folder -> dynamicTest(repository.relative(folder), () -> {
            String rendered = Kustomize.render(kubectl, repository.root(), folder);
            String label = "kubectl kustomize " + repository.relative(folder);
            KubernetesCheck.check(project, Yaml.parse(label, rendered), true).assertNone(label);
        }));
    }
}
