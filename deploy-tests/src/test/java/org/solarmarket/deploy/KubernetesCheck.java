package org.solarmarket.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.solarmarket.broker.TopicSpec;

/**
 * Compares Kubernetes manifests with the services: images, ports, probes, environment variables
 * and ConfigMaps, Service and Ingress wiring, autoscalers, disruption budgets and Kafka topics.
 *
 * <p>A complete set (the base, or an overlay rendered by kustomize) is also checked for what must
 * be there and for references between resources. A partial set, such as an overlay's patch
 * files, gets only the checks of the values it contains.
 */
final class KubernetesCheck {

    /** Replicas of every topic on the Kafka cluster: one broker may fail with min.insync.replicas=2. */
    static final int TOPIC_REPLICAS = 3;
    /** Modules that a HorizontalPodAutoscaler sizes, because they keep no state. */
    static final Set<String> AUTOSCALED = Set.of("gateway", "forecast-service");
    /** Module that the Ingress sends traffic to. */
    static final String PUBLIC_MODULE = "gateway";

    private static final Pattern SERVICE_URL = Pattern.compile("^SOLARMARKET_SERVICES_([A-Z]+)_URL$");
    private static final Pattern URL = Pattern.compile("^https?://([^:/]+):(\\d+)(/.*)?$");

    private final Project project;
    private final KubernetesResources resources;
    private final boolean complete;
    private final Findings findings = new Findings();
    /** Module of the containers that use each ConfigMap. */
    private final Map<String, String> configMapUsers = new LinkedHashMap<>();

    private KubernetesCheck(Project project, List<Yaml.Document> documents, boolean complete) {
        this.project = project;
        this.resources = new KubernetesResources(documents);
        this.complete = complete;
    }

    /**
     * Checks a set of manifests.
     *
     * @param complete true for a set that kustomize applies as a whole, false for patch files
     */
    static Findings check(Project project, List<Yaml.Document> documents, boolean complete) {
        KubernetesCheck check = new KubernetesCheck(project, documents, complete);
        check.run();
        return check.findings;
    }

    private void run() {
        Set<String> modulesSeen = new TreeSet<>();
        for (KubernetesResources.Container container : resources.containers()) {
            String image = container.image();
            if (image == null) {
                continue;
            }
            Optional<String> module = project.moduleOfImage(image);
            if (module.isEmpty()) {
                if (Project.isPlatformImage(image)) {
                    add(container.document(), "image '" + image + "' names no service module; expected one of "
                            + project.artifactIds().values().stream().map(a -> Project.IMAGE_NAMESPACE + "/" + a).toList());
                }
                continue;
            }
            modulesSeen.add(module.get());
            new ContainerCheck(container, project.service(module.get())).run();
        }
        for (Yaml.Document service : resources.services().values()) {
            checkService(service);
        }
        for (Yaml.Document topic : resources.ofKind("KafkaTopic")) {
            checkTopic(topic);
        }
        for (Yaml.Document kafka : resources.ofKind("Kafka")) {
            checkKafkaVersion(kafka);
        }
        checkConfigMaps();
        if (complete) {
            for (String module : project.services().keySet()) {
                if (!modulesSeen.contains(module)) {
                    findings.add(setName(), module, "no workload runs the image " + Project.IMAGE_NAMESPACE + "/"
                            + project.artifactIds().get(module));
                }
            }
            checkTopicSet();
            checkAutoscalers(modulesSeen);
            checkDisruptionBudgets();
            checkIngress();
        }
    }

    private String setName() {
        return resources.documents().isEmpty() ? "(no documents)" : resources.documents().get(0).file();
    }

    private void add(Yaml.Document document, String message) {
        findings.add(document.file(), document.label(), message);
    }

    /** The checks of one container that runs a service module's image. */
    private final class ContainerCheck {

        private final KubernetesResources.Container container;
        private final Yaml.Document document;
        private final ServiceConfig config;
        private final String subject;

        ContainerCheck(KubernetesResources.Container container, ServiceConfig config) {
            this.container = container;
            this.document = container.document();
            this.config = config;
            this.subject = document.label() + " container " + container.name();
        }

        private void report(String message) {
            findings.add(document.file(), subject, message);
        }

        void run() {
            List<Object> ports = Yaml.asList(container.container().get("ports"));
            for (Object port : ports) {
                String number = Yaml.text(port, "containerPort");
                if (!String.valueOf(config.httpPort()).equals(number)) {
                    report("containerPort " + number + " but quarkus.http.port of " + config.module() + " is "
                            + config.httpPort());
                }
            }
            if (complete && ports.isEmpty()) {
                report("no containerPort; expected " + config.httpPort());
            }
            checkProbe("livenessProbe", config.livenessPath());
            checkProbe("readinessProbe", config.readinessPath());
            checkProbe("startupProbe", config.startupPath());
            checkMetricsAnnotations();
            // Keys of the ConfigMaps are checked once per ConfigMap, in checkConfigMaps.
            for (Object variable : Yaml.asList(container.container().get("env"))) {
                String name = Yaml.text(variable, "name");
                if (config.target(name).isEmpty()) {
                    report("environment variable " + name + " sets no key of " + config.file());
                }
            }
            Map<String, String> environment = environment();
            if (complete) {
                checkResources();
                checkNonRoot();
                checkMounts(environment);
                checkServiceUrls(environment);
                checkKafkaBootstrap(environment);
            }
        }

        private void checkProbe(String field, String expectedPath) {
            Object probe = container.container().get(field);
            if (probe == null) {
                if (complete && !field.equals("startupProbe")) {
                    report("no " + field + "; expected httpGet " + expectedPath + " on port " + config.httpPort());
                }
                return;
            }
            String path = Yaml.text(probe, "httpGet", "path");
            if (path == null) {
                report(field + " is not an httpGet probe; expected httpGet " + expectedPath);
                return;
            }
            if (!path.equals(expectedPath)) {
                report(field + " path " + path + " but " + config.module() + " serves it at " + expectedPath);
            }
            Object portReference = Yaml.at(probe, "httpGet", "port").orElse(null);
            Optional<Integer> port = container.resolvePort(portReference);
            if (port.isEmpty() || port.get() != config.httpPort()) {
                report(field + " port " + portReference + " resolves to " + port.map(String::valueOf).orElse("nothing")
                        + " but quarkus.http.port is " + config.httpPort());
            }
        }

        private void checkMetricsAnnotations() {
            Map<String, Object> annotations = Yaml.asMap(Yaml.at(container.pod(), "metadata", "annotations").orElse(null));
            Object path = annotations.get("prometheus.io/path");
            if (path != null && !path.equals(config.metricsPath())) {
                report("prometheus.io/path " + path + " but the metrics are at " + config.metricsPath());
            }
            Object port = annotations.get("prometheus.io/port");
            if (port != null && !String.valueOf(port).equals(String.valueOf(config.httpPort()))) {
                report("prometheus.io/port " + port + " but quarkus.http.port is " + config.httpPort());
            }
        }

        /** Collects the container's variables: its env entries and the keys of the ConfigMaps it reads whole. */
        private Map<String, String> environment() {
            Map<String, String> result = new LinkedHashMap<>();
            for (Object source : Yaml.asList(container.container().get("envFrom"))) {
                String name = Yaml.text(source, "configMapRef", "name");
                if (name == null) {
                    continue;
                }
                String previous = configMapUsers.putIfAbsent(name, config.module());
                if (previous != null && !previous.equals(config.module())) {
                    report("ConfigMap " + name + " is shared with " + previous
                            + "; each service gets its own, so that every key is checked against one service");
                }
                Yaml.Document configMap = resources.configMaps().get(name);
                if (configMap == null) {
                    if (complete) {
                        report("envFrom names ConfigMap " + name + ", which is not defined");
                    }
                    continue;
                }
                Yaml.asMap(configMap.map().get("data")).forEach((key, value) -> result.put(key, String.valueOf(value)));
            }
            for (Object variable : Yaml.asList(container.container().get("env"))) {
                Object value = Yaml.at(variable, "value").orElse("");
                result.put(Yaml.text(variable, "name"), String.valueOf(value));
            }
            return result;
        }

        private void checkResources() {
            for (String bound : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (Yaml.at(container.container(), "resources", bound, resource).isEmpty()) {
                        report("no resources." + bound + "." + resource);
                    }
                }
            }
        }

        private void checkNonRoot() {
            boolean nonRoot = Boolean.TRUE.equals(Yaml.at(container.container(), "securityContext", "runAsNonRoot").orElse(null))
                    || Boolean.TRUE.equals(Yaml.at(container.pod(), "spec", "securityContext", "runAsNonRoot").orElse(null));
            if (!nonRoot) {
                report("runAsNonRoot is not true in the pod or container securityContext");
            }
        }

        /** A folder setting (a variable ending in _DIR with an absolute path) must be a volume mount. */
        private void checkMounts(Map<String, String> environment) {
            Set<String> mounts = new TreeSet<>();
            for (Object mount : Yaml.asList(container.container().get("volumeMounts"))) {
                mounts.add(Yaml.text(mount, "mountPath"));
            }
            environment.forEach((name, value) -> {
                if (name.endsWith("_DIR") && value.startsWith("/") && !mounts.contains(value)) {
                    report(name + " is " + value + " but no volume is mounted there; mounted: " + mounts);
                }
            });
        }

        private void checkServiceUrls(Map<String, String> environment) {
            environment.forEach((name, value) -> {
                Matcher key = SERVICE_URL.matcher(name);
                if (!key.matches()) {
                    return;
                }
                String module = key.group(1).toLowerCase() + "-service";
                ServiceConfig target = project.service(module);
                Matcher url = URL.matcher(value);
                if (target == null || !url.matches()) {
                    report(name + " is '" + value + "'; expected http://<Service of " + module + ">:<port>");
                    return;
                }
                Yaml.Document service = resources.services().get(url.group(1));
                if (service == null) {
                    report(name + " has host " + url.group(1) + ", which is not a Service");
                    return;
                }
                boolean selectsModule = resources.selectedBy(Yaml.asMap(Yaml.at(service.content(), "spec", "selector").orElse(null)))
                        .stream().anyMatch(c -> project.moduleOfImage(c.image()).filter(module::equals).isPresent());
                if (!selectsModule) {
                    report(name + " has host " + url.group(1) + ", a Service that selects no pod of " + module);
                }
                boolean portExposed = Yaml.asList(Yaml.at(service.content(), "spec", "ports").orElse(null)).stream()
                        .anyMatch(p -> url.group(2).equals(Yaml.text(p, "port")));
                if (!portExposed || Integer.parseInt(url.group(2)) != target.httpPort()) {
                    report(name + " has port " + url.group(2) + " but Service " + url.group(1) + " and " + module
                            + " use " + target.httpPort());
                }
            });
        }

        private void checkKafkaBootstrap(Map<String, String> environment) {
            String bootstrap = environment.get("KAFKA_BOOTSTRAP_SERVERS");
            if (bootstrap == null) {
                return;
            }
            Set<String> expected = new TreeSet<>();
            for (Yaml.Document kafka : resources.ofKind("Kafka")) {
                String name = Yaml.text(kafka.content(), "metadata", "name");
                for (Object listener : Yaml.asList(Yaml.at(kafka.content(), "spec", "kafka", "listeners").orElse(null))) {
                    if (!Boolean.TRUE.equals(Yaml.at(listener, "tls").orElse(false))) {
                        expected.add(name + "-kafka-bootstrap:" + Yaml.text(listener, "port"));
                    }
                }
            }
            for (String server : bootstrap.split(",")) {
                if (!expected.contains(server.trim())) {
                    report("KAFKA_BOOTSTRAP_SERVERS names " + server + " but the Kafka cluster's plain listeners are "
                            + expected);
                }
            }
        }
    }

    private void checkService(Yaml.Document service) {
        Map<String, Object> selector = Yaml.asMap(Yaml.at(service.content(), "spec", "selector").orElse(null));
        List<KubernetesResources.Container> selected = resources.selectedBy(selector).stream()
                .filter(c -> c.image() != null && project.moduleOfImage(c.image()).isPresent())
                .toList();
        if (selected.isEmpty()) {
            if (complete) {
                add(service, "selector " + selector + " matches no pod of a service module");
            }
            return;
        }
        for (KubernetesResources.Container container : selected) {
            ServiceConfig config = project.service(project.moduleOfImage(container.image()).orElseThrow());
            for (Object port : Yaml.asList(Yaml.at(service.content(), "spec", "ports").orElse(null))) {
                Object targetPort = Yaml.at(port, "targetPort").orElse(Yaml.at(port, "port").orElse(null));
                Optional<Integer> resolved = container.resolvePort(targetPort);
                if (resolved.isEmpty() || resolved.get() != config.httpPort()) {
                    add(service, "targetPort " + targetPort + " resolves to " + resolved.map(String::valueOf).orElse("nothing")
                            + " in " + container.document().label() + " but quarkus.http.port of " + config.module()
                            + " is " + config.httpPort());
                }
                if (!String.valueOf(config.httpPort()).equals(Yaml.text(port, "port"))) {
                    add(service, "port " + Yaml.text(port, "port") + " differs from quarkus.http.port "
                            + config.httpPort() + " of " + config.module() + ", which the service URLs use");
                }
            }
        }
    }

    private void checkTopic(Yaml.Document topic) {
        String name = Optional.ofNullable(Yaml.text(topic.content(), "spec", "topicName"))
                .orElse(Yaml.text(topic.content(), "metadata", "name"));
        Optional<TopicSpec> spec = project.topics().stream().filter(t -> t.name().equals(name)).findFirst();
        if (spec.isEmpty()) {
            add(topic, "topic " + name + " is not in TopicSpec.DEFAULT_SPEC "
                    + project.topics().stream().map(TopicSpec::name).toList());
            return;
        }
        String partitions = Yaml.text(topic.content(), "spec", "partitions");
        if (partitions != null && !partitions.equals(String.valueOf(spec.get().partitions()))) {
            add(topic, "topic " + name + " has " + partitions + " partitions but TopicSpec.DEFAULT_SPEC has "
                    + spec.get().partitions());
        }
        String replicas = Yaml.text(topic.content(), "spec", "replicas");
        if (replicas != null && !replicas.equals(String.valueOf(TOPIC_REPLICAS))) {
            add(topic, "topic " + name + " has replication factor " + replicas + "; the cluster runs with "
                    + TOPIC_REPLICAS);
        }
        if (complete) {
            if (partitions == null || replicas == null) {
                add(topic, "topic " + name + " needs spec.partitions and spec.replicas");
            }
            String cluster = Yaml.text(topic.content(), "metadata", "labels", "strimzi.io/cluster");
            boolean known = resources.ofKind("Kafka").stream()
                    .anyMatch(k -> Objects.equals(cluster, Yaml.text(k.content(), "metadata", "name")));
            if (!known) {
                add(topic, "label strimzi.io/cluster is " + cluster + ", which names no Kafka resource");
            }
        }
    }

    private void checkTopicSet() {
        Set<String> declared = new TreeSet<>();
        for (Yaml.Document topic : resources.ofKind("KafkaTopic")) {
            declared.add(Optional.ofNullable(Yaml.text(topic.content(), "spec", "topicName"))
                    .orElse(Yaml.text(topic.content(), "metadata", "name")));
        }
        for (TopicSpec topic : project.topics()) {
            if (!declared.contains(topic.name())) {
                findings.add(setName(), "KafkaTopic", "topic " + topic.name() + " of TopicSpec.DEFAULT_SPEC has no KafkaTopic");
            }
        }
    }

    private void checkKafkaVersion(Yaml.Document kafka) {
        String version = Yaml.text(kafka.content(), "spec", "kafka", "version");
        String minor = project.kafkaVersion().replaceFirst("^(\\d+\\.\\d+).*", "$1");
        if (version != null && !version.startsWith(minor + ".")) {
            add(kafka, "spec.kafka.version " + version + " is not a " + minor + ".x release like the clients' "
                    + project.kafkaVersion());
        }
    }

    private void checkConfigMaps() {
        for (Map.Entry<String, Yaml.Document> entry : resources.configMaps().entrySet()) {
            String module = configMapUsers.get(entry.getKey());
            if (module == null && !complete) {
                // A patch file: the ConfigMap is named after its service, as in the base.
                module = project.services().keySet().stream()
                        .filter(m -> entry.getKey().equals(m + "-config"))
                        .findFirst().orElse(null);
            }
            if (module == null) {
                if (complete) {
                    add(entry.getValue(), "no service container reads this ConfigMap through envFrom");
                }
                continue;
            }
            ServiceConfig config = project.service(module);
            for (String key : Yaml.asMap(entry.getValue().map().get("data")).keySet()) {
                if (config.target(key).isEmpty()) {
                    add(entry.getValue(), "key " + key + " sets no key of " + config.file());
                }
            }
        }
    }

    private void checkAutoscalers(Set<String> modulesSeen) {
        Set<String> scaled = new TreeSet<>();
        for (Yaml.Document autoscaler : resources.ofKind("HorizontalPodAutoscaler")) {
            String kind = Yaml.text(autoscaler.content(), "spec", "scaleTargetRef", "kind");
            String name = Yaml.text(autoscaler.content(), "spec", "scaleTargetRef", "name");
            Optional<Yaml.Document> target = resources.workload(kind, name);
            if (target.isEmpty()) {
                add(autoscaler, "scaleTargetRef " + kind + "/" + name + " is not defined");
                continue;
            }
            resources.containers().stream()
                    .filter(c -> c.document() == target.get() && c.image() != null)
                    .forEach(c -> project.moduleOfImage(c.image()).ifPresent(scaled::add));
            if (Yaml.at(target.get().content(), "spec", "replicas").isPresent()) {
                add(target.get(), "sets spec.replicas although " + autoscaler.label()
                        + " owns the count; every apply would reset it");
            }
        }
        for (String module : AUTOSCALED) {
            if (modulesSeen.contains(module) && !scaled.contains(module)) {
                findings.add(setName(), module, "no HorizontalPodAutoscaler scales the workload of " + module);
            }
        }
    }

    private void checkDisruptionBudgets() {
        Set<String> covered = new TreeSet<>();
        for (Yaml.Document budget : resources.ofKind("PodDisruptionBudget")) {
            Map<String, Object> selector = Yaml.asMap(Yaml.at(budget.content(), "spec", "selector", "matchLabels").orElse(null));
            List<KubernetesResources.Container> selected = resources.selectedBy(selector);
            if (selected.isEmpty()) {
                add(budget, "selector " + selector + " matches no pod");
            }
            selected.forEach(c -> project.moduleOfImage(String.valueOf(c.image())).ifPresent(covered::add));
        }
        for (String module : project.services().keySet()) {
            if (!covered.contains(module)) {
                findings.add(setName(), module, "no PodDisruptionBudget covers the pods of " + module);
            }
        }
    }

    private void checkIngress() {
        List<Yaml.Document> ingresses = resources.ofKind("Ingress");
        if (ingresses.isEmpty()) {
            findings.add(setName(), "Ingress", "no Ingress for " + PUBLIC_MODULE);
        }
        for (Yaml.Document ingress : ingresses) {
            for (Object rule : Yaml.asList(Yaml.at(ingress.content(), "spec", "rules").orElse(null))) {
                for (Object path : Yaml.asList(Yaml.at(rule, "http", "paths").orElse(null))) {
                    checkIngressBackend(ingress, path);
                }
            }
        }
    }

    private void checkIngressBackend(Yaml.Document ingress, Object path) {
        String serviceName = Yaml.text(path, "backend", "service", "name");
        Yaml.Document service = resources.services().get(serviceName);
        if (service == null) {
            add(ingress, "backend Service " + serviceName + " is not defined");
            return;
        }
        boolean selectsPublic = resources.selectedBy(Yaml.asMap(Yaml.at(service.content(), "spec", "selector").orElse(null)))
                .stream().anyMatch(c -> project.moduleOfImage(String.valueOf(c.image())).filter(PUBLIC_MODULE::equals).isPresent());
        if (!selectsPublic) {
            add(ingress, "backend Service " + serviceName + " does not select the " + PUBLIC_MODULE + " pods");
        }
        Object portName = Yaml.at(path, "backend", "service", "port", "name").orElse(null);
        Object portNumber = Yaml.at(path, "backend", "service", "port", "number").orElse(null);
        boolean matches = Yaml.asList(Yaml.at(service.content(), "spec", "ports").orElse(null)).stream()
                .anyMatch(p -> (portName != null && portName.equals(Yaml.text(p, "name")))
                        || (portNumber != null && String.valueOf(portNumber).equals(Yaml.text(p, "port"))));
        if (!matches) {
            add(ingress, "backend port " + (portName != null ? portName : portNumber) + " is not a port of Service "
                    + serviceName);
        }
    }
}
