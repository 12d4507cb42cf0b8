package org.solarmarket.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.solarmarket.broker.TopicSpec;

/**
 * What the deployment files are checked against: the services' configuration, the image name of
 * each service, the broker's topic list and the Kafka version.
 *
 * @param root         repository root
 * @param services     service configuration by module folder
 * @param artifactIds  Maven artifactId by module folder
 * @param topics       topics with their partition counts
 * @param kafkaVersion Kafka version of the build
 */
record Project(Path root, Map<String, ServiceConfig> services, Map<String, String> artifactIds,
               List<TopicSpec> topics, String kafkaVersion) {

    /** Organisation part of every image name of the platform. */
    static final String IMAGE_NAMESPACE = "solarmarket";

    static Project of(Repository repository) {
        Map<String, String> artifactIds = new LinkedHashMap<>();
        for (String module : repository.services().keySet()) {
            artifactIds.put(module, repository.artifactId(module));
        }
        return new Project(repository.root(), repository.services(), artifactIds, Repository.topics(),
                repository.kafkaVersion());
    }

    /** Returns the repository of an image reference without registry, tag or digest: {@code solarmarket/gateway}. */
    static String imageRepository(String image) {
        String name = image;
        int digest = name.indexOf('@');
        if (digest >= 0) {
            name = name.substring(0, digest);
        }
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        if (colon > slash) {
            name = name.substring(0, colon);
        }
        String[] parts = name.split("/");
        if (parts.length >= 3 || (parts.length == 2 && (parts[0].contains(".") || parts[0].contains(":")))) {
            // The first part is a registry host: keep the last two parts.
            return parts[parts.length - 2] + "/" + parts[parts.length - 1];
        }
        return name;
    }

    /** Returns the image's tag, or empty when it has none. */
    static Optional<String> imageTag(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? Optional.of(name.substring(colon + 1)) : Optional.empty();
    }

    /**
     * Finds the module whose image this is, or empty for an image from elsewhere. The caller
     * reports an image in the platform's namespace that names no module.
     */
    Optional<String> moduleOfImage(String image) {
        String repository = imageRepository(image);
        for (Map.Entry<String, String> entry : artifactIds.entrySet()) {
            if (repository.equals(IMAGE_NAMESPACE + "/" + entry.getValue())) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    static boolean isPlatformImage(String image) {
        return imageRepository(image).startsWith(IMAGE_NAMESPACE + "/");
    }

    ServiceConfig service(String module) {
        return services.get(module);
    }
}
