package org.solarmarket.deploy;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.solarmarket.broker.TopicSpec;

/**
 * Compares docker-compose.yml with the services: images, build folders, environment variables,
 * ports, health checks, mounted folders, the Kafka image version and the topics it creates.
 */
final class ComposeCheck {

    private static final Pattern TOPIC_CREATE = Pattern.compile("--create\\b[^\\n]*?--topic\\s+(\\S+)\\s+--partitions\\s+(\\d+)");
    private static final Pattern HEALTH_PATH = Pattern.compile("(/q/[A-Za-z0-9/_-]+)");
    private static final Pattern TCP_PORT = Pattern.compile("/dev/tcp/[^/\\s]+/(\\d+)");
    private static final Pattern URL = Pattern.compile("^https?://([^:/]+):(\\d+)(/.*)?$");
    private static final Pattern SERVICE_URL = Pattern.compile("^SOLARMARKET_SERVICES_([A-Z]+)_URL$");
    private static final String KAFKA_IMAGE = "apache/kafka";

    private final Project project;
    private final String file;
    private final Map<String, Object> services;
    private final Findings findings = new Findings();

    private ComposeCheck(Project project, Yaml.Document compose) {
        this.project = project;
        this.file = compose.file();
        this.services = Yaml.asMap(compose.map().get("services"));
    }

    static Findings check(Project project, Yaml.Document compose) {
        ComposeCheck check = new ComposeCheck(project, compose);
        check.run();
        return check.findings;
    }

    private void run() {
        if (services.isEmpty()) {
            findings.add(file, "services", "no services defined");
            return;
        }
        Set<String> modulesSeen = new TreeSet<>();
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            String name = entry.getKey();
            Object service = entry.getValue();
            checkDependencies(name, service);
            String image = Yaml.text(service, "image");
            if (image == null) {
                findings.add(file, name, "no image: every service names its image so that it can be checked");
                continue;
            }
            if (Project.imageRepository(image).equals(KAFKA_IMAGE)) {
                checkKafkaImage(name, image);
                continue;
            }
            Optional<String> module = project.moduleOfImage(image);
            if (module.isEmpty()) {
                if (Project.isPlatformImage(image)) {
                    findings.add(file, name, "image '" + image + "' names no service module; expected one of "
                            + project.artifactIds().values().stream().map(a -> Project.IMAGE_NAMESPACE + "/" + a).toList());
                }
                continue;
            }
            modulesSeen.add(module.get());
            checkService(name, module.get(), service);
        }
        for (String module : project.services().keySet()) {
            if (!modulesSeen.contains(module)) {
                findings.add(file, module, "no compose service runs the image " + Project.IMAGE_NAMESPACE + "/"
                        + project.artifactIds().get(module));
            }
        }
        checkTopics();
    }

    private void checkDependencies(String name, Object service) {
        Object dependsOn = Yaml.at(service, "depends_on").orElse(null);
        Iterable<?> names = dependsOn instanceof Map<?, ?> map ? map.keySet() : Yaml.asList(dependsOn);
        for (Object dependency : names) {
            if (!services.containsKey(String.valueOf(dependency))) {
                findings.add(file, name, "depends_on names '" + dependency + "', which is not a service");
            }
        }
    }

    private void checkKafkaImage(String name, String image) {
        String tag = Project.imageTag(image).orElse("latest");
        if (!tag.equals(project.kafkaVersion())) {
            findings.add(file, name, "image " + image + " has Kafka " + tag + " but the build uses kafka.version "
                    + project.kafkaVersion());
        }
    }

    private void checkService(String name, String module, Object service) {
        ServiceConfig config = project.service(module);
        if (!name.equals(module)) {
            findings.add(file, name, "service runs the image of " + module + " but is named '" + name
                    + "'; name it after the module so that service URLs match");
        }
        checkBuild(name, module, service);
        Map<String, String> environment = environment(service);
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (config.target(variable.getKey()).isEmpty()) {
                findings.add(file, name, "environment variable " + variable.getKey() + " sets no key of "
                        + config.file());
            }
        }

        String port = environment.get("QUARKUS_HTTP_PORT");
        int httpPort = port == null ? config.httpPort() : Integer.parseInt(port);
        if (httpPort != config.httpPort()) {
            findings.add(file, name, "QUARKUS_HTTP_PORT is " + port + " but quarkus.http.port is " + config.httpPort()
                    + "; the Dockerfile and Kubernetes manifests use " + config.httpPort());
        }
        if (!"0.0.0.0".equals(environment.getOrDefault("SOLARMARKET_BIND_HOST", "0.0.0.0"))) {
            findings.add(file, name, "SOLARMARKET_BIND_HOST is " + environment.get("SOLARMARKET_BIND_HOST")
                    + "; inside a container the service must listen on 0.0.0.0");
        }

        for (Object mapping : Yaml.asList(Yaml.at(service, "ports").orElse(null))) {
            String text = String.valueOf(mapping instanceof Map<?, ?> map ? map.get("target") : mapping);
            String containerPort = text.substring(text.lastIndexOf(':') + 1).replaceAll("/.*", "");
            if (!containerPort.equals(String.valueOf(config.httpPort()))) {
                findings.add(file, name, "published port " + text + " targets container port " + containerPort
                        + " but quarkus.http.port is " + config.httpPort());
            }
        }

        checkHealthcheck(name, config, service);
        checkMounts(name, environment, service);
        checkUrls(name, environment);
        checkKafkaBootstrap(name, environment);
    }

    private void checkBuild(String name, String module, Object service) {
        String context = Yaml.text(service, "build", "context");
        if (context == null) {
            return;
        }
        String normalized = context.replaceFirst("^\\./", "").replaceFirst("/$", "");
        if (!normalized.equals(module)) {
            findings.add(file, name, "build context " + context + " is not the module folder ./" + module);
        }
        String dockerfile = Yaml.text(service, "build", "dockerfile");
        String relative = dockerfile == null ? "Dockerfile" : dockerfile;
        if (!Files.isRegularFile(project.root().resolve(normalized).resolve(relative))) {
            findings.add(file, name, "build dockerfile " + relative + " does not exist in " + context);
        }
    }

    private void checkHealthcheck(String name, ServiceConfig config, Object service) {
        String test = Yaml.at(service, "healthcheck", "test").map(ComposeCheck::joinCommand).orElse(null);
        if (test == null) {
            findings.add(file, name, "no healthcheck; expected one on " + config.readinessPath());
            return;
        }
        Matcher path = HEALTH_PATH.matcher(test);
        if (!path.find() || !Set.of(config.readinessPath(), config.livenessPath()).contains(path.group(1))) {
            findings.add(file, name, "healthcheck '" + test + "' does not request " + config.readinessPath()
                    + " or " + config.livenessPath());
        }
        Matcher port = TCP_PORT.matcher(test);
        if (!port.find() || Integer.parseInt(port.group(1)) != config.httpPort()) {
            findings.add(file, name, "healthcheck '" + test + "' does not connect to port " + config.httpPort());
        }
    }

    /** Folder settings (variables ending in _DIR with an absolute path) must point at a mounted volume. */
    private void checkMounts(String name, Map<String, String> environment, Object service) {
        Set<String> targets = new TreeSet<>();
        for (Object volume : Yaml.asList(Yaml.at(service, "volumes").orElse(null))) {
            if (volume instanceof Map<?, ?> map) {
                targets.add(String.valueOf(map.get("target")));
            } else {
                // Interpolations such as ${DIR:-../data} contain colons of their own.
                String[] parts = String.valueOf(volume).replaceAll("\\$\\{[^}]*}", "host").split(":");
                targets.add(parts.length >= 2 ? parts[1] : parts[0]);
            }
        }
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (variable.getKey().endsWith("_DIR") && variable.getValue().startsWith("/")
                    && !targets.contains(variable.getValue())) {
                findings.add(file, name, variable.getKey() + " is " + variable.getValue()
                        + " but no volume is mounted there; mounted: " + targets);
            }
        }
    }

    /** SOLARMARKET_SERVICES_X_URL must point at the compose service of module X and its port. */
    private void checkUrls(String name, Map<String, String> environment) {
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            Matcher key = SERVICE_URL.matcher(variable.getKey());
            if (!key.matches()) {
                continue;
            }
            String module = key.group(1).toLowerCase() + "-service";
            Matcher url = URL.matcher(variable.getValue());
            if (!url.matches()) {
                findings.add(file, name, variable.getKey() + " is '" + variable.getValue()
                        + "'; expected http://" + module + ":<port>");
                continue;
            }
            ServiceConfig target = project.service(module);
            if (target == null) {
                findings.add(file, name, variable.getKey() + " refers to " + module + ", which is not a service module");
                continue;
            }
            if (!url.group(1).equals(module) || !services.containsKey(url.group(1))) {
                findings.add(file, name, variable.getKey() + " has host " + url.group(1)
                        + " but the compose service of " + module + " is named " + module);
            }
            if (Integer.parseInt(url.group(2)) != target.httpPort()) {
                findings.add(file, name, variable.getKey() + " has port " + url.group(2) + " but " + module
                        + " listens on quarkus.http.port " + target.httpPort());
            }
        }
    }

    private void checkKafkaBootstrap(String name, Map<String, String> environment) {
        String bootstrap = environment.get("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null) {
            return;
        }
        checkWaitsForTopics(name);
        for (String server : bootstrap.split(",")) {
            String host = server.substring(0, server.lastIndexOf(':'));
            String port = server.substring(server.lastIndexOf(':') + 1);
            Object broker = services.get(host);
            String advertised = broker == null ? null : environment(broker).get("KAFKA_ADVERTISED_LISTENERS");
            if (advertised == null || !advertised.contains("//" + host + ":" + port)) {
                findings.add(file, name, "KAFKA_BOOTSTRAP_SERVERS names " + server
                        + " but no Kafka service advertises that listener (found: " + advertised + ")");
            }
        }
    }

    /** A Kafka client must start after the topic job has finished, or it may find no topics. */
    private void checkWaitsForTopics(String name) {
        Object dependsOn = Yaml.at(services.get(name), "depends_on").orElse(null);
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            String command = Yaml.at(entry.getValue(), "command").map(ComposeCheck::joinCommand).orElse("");
            if (!TOPIC_CREATE.matcher(command).find()) {
                continue;
            }
            String condition = Yaml.text(dependsOn, entry.getKey(), "condition");
            if (!"service_completed_successfully".equals(condition)) {
                findings.add(file, name, "uses Kafka but does not wait for " + entry.getKey()
                        + " with condition service_completed_successfully (found: " + condition + ")");
            }
        }
    }

    private void checkTopics() {
        Map<String, Integer> created = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            Object service = entry.getValue();
            String command = Yaml.at(service, "command").map(ComposeCheck::joinCommand).orElse("");
            Matcher matcher = TOPIC_CREATE.matcher(command);
            while (matcher.find()) {
                created.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
            }
        }
        String subject = "topic creation";
        for (TopicSpec topic : project.topics()) {
            Integer partitions = created.get(topic.name());
            if (partitions == null) {
                findings.add(file, subject, "topic " + topic.name()
                        + " is not created; TopicSpec.DEFAULT_SPEC lists it with partition count " + topic.partitions());
            } else if (partitions != topic.partitions()) {
                findings.add(file, subject, "topic " + topic.name() + " is created with " + partitions
                        + " partitions but TopicSpec.DEFAULT_SPEC has " + topic.partitions());
            }
        }
        Set<String> known = new TreeSet<>(project.topics().stream().map(TopicSpec::name).toList());
        for (String name : created.keySet()) {
            if (!known.contains(name)) {
                findings.add(file, subject, "topic " + name + " is created but is not in TopicSpec.DEFAULT_SPEC " + known);
            }
        }
    }

    /** Reads the service's environment from either the map or the list form of compose. */
    static Map<String, String> environment(Object service) {
        Object environment = Yaml.at(service, "environment").orElse(null);
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> result.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else {
            for (Object item : Yaml.asList(environment)) {
                String text = String.valueOf(item);
                int equals = text.indexOf('=');
                result.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        }
        return result;
    }

    private static String joinCommand(Object command) {
        if (command instanceof List<?> list) {
            return String.join(" ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(command);
    }
}
