package org.solarmarket.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The Kubernetes resources of one set of manifests, indexed by kind and name. */
final class KubernetesResources {

    static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job");

    /**
     * A container of a workload together with the pod it runs in.
     *
     * @param document  the workload's document
     * @param pod       the pod template: metadata and spec
     * @param container the container
     */
    record Container(Yaml.Document document, Map<String, Object> pod, Map<String, Object> container) {

        String image() {
            return Yaml.text(container, "image");
        }

        String name() {
            return Yaml.text(container, "name");
        }

        Map<String, Object> podLabels() {
            return Yaml.asMap(Yaml.at(pod, "metadata", "labels").orElse(null));
        }

        /** Resolves a port reference: the container port with this name, or the number itself. */
        Optional<Integer> resolvePort(Object reference) {
            if (reference instanceof Integer number) {
                return Optional.of(number);
            }
            for (Object port : Yaml.asList(container.get("ports"))) {
                if (Objects.equals(Yaml.text(port, "name"), String.valueOf(reference))) {
                    return Yaml.at(port, "containerPort").map(value -> Integer.parseInt(String.valueOf(value)));
                }
            }
            return Optional.empty();
        }
    }

    private final List<Yaml.Document> documents;
    private final List<Container> containers = new ArrayList<>();
    private final Map<String, Yaml.Document> configMaps = new LinkedHashMap<>();
    private final Map<String, Yaml.Document> services = new LinkedHashMap<>();
    private final Map<String, Yaml.Document> workloads = new LinkedHashMap<>();

    KubernetesResources(List<Yaml.Document> documents) {
        this.documents = documents.stream()
                .filter(d -> !"Kustomization".equals(d.map().get("kind")))
                .toList();
        for (Yaml.Document document : this.documents) {
            String kind = String.valueOf(document.map().get("kind"));
            String name = Yaml.text(document.content(), "metadata", "name");
            switch (kind) {
                case "ConfigMap" -> configMaps.put(name, document);
                case "Service" -> services.put(name, document);
                default -> {
                    if (WORKLOAD_KINDS.contains(kind)) {
                        workloads.put(kind + "/" + name, document);
                        addContainers(document);
                    }
                }
            }
        }
    }

    private void addContainers(Yaml.Document document) {
        Map<String, Object> pod = Yaml.asMap(Yaml.at(document.content(), "spec", "template").orElse(null));
        for (String field : List.of("initContainers", "containers")) {
            for (Object container : Yaml.asList(Yaml.at(pod, "spec", field).orElse(null))) {
                containers.add(new Container(document, pod, Yaml.asMap(container)));
            }
        }
    }

    List<Yaml.Document> documents() {
        return documents;
    }

    List<Yaml.Document> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.map().get("kind"))).toList();
    }

    List<Container> containers() {
        return containers;
    }

    Map<String, Yaml.Document> configMaps() {
        return configMaps;
    }

    Map<String, Yaml.Document> services() {
        return services;
    }

    Optional<Yaml.Document> workload(String kind, String name) {
        return Optional.ofNullable(workloads.get(kind + "/" + name));
    }

    /** Containers of the pods a label selector picks. */
    List<Container> selectedBy(Map<String, Object> selector) {
        if (selector.isEmpty()) {
            return List.of();
        }
        return containers.stream()
                .filter(c -> c.podLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
    }
}
