package org.solarmarket.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Renders a kustomization with {@code kubectl kustomize}, which builds it without a cluster. */
final class Kustomize {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Kustomize() {
    }

    static Optional<Path> kubectl() {
        return ExternalTool.find("kubectl");
    }

    /** Renders a kustomization folder to YAML; throws with kubectl's output when the build fails. */
    static String render(Path kubectl, Path root, Path folder) {
        ExternalTool.Result result = ExternalTool.run(root, TIMEOUT,
                List.of(kubectl.toString(), "kustomize", root.relativize(folder).toString()));
        if (result.exitCode() != 0) {
            throw new AssertionError("kubectl kustomize " + root.relativize(folder) + " failed with exit code "
                    + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    /** Kustomization folders below k8s/: the base and each overlay. */
    static List<Path> folders(Repository repository) {
        return repository.yamlFiles("k8s").stream()
                .filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
                .map(Path::getParent)
                .filter(Files::isDirectory)
                .toList();
    }
}
