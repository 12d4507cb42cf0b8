package org.solarmarket.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.solarmarket.broker.TopicSpec;

/** The checkout under test: its service modules, their configuration and the topic list. */
final class Repository {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT_ID = Pattern.compile("</parent>\\s*<artifactId>([^<]+)</artifactId>");
    private static final Pattern KAFKA_VERSION = Pattern.compile("<kafka.version>([^<]+)</kafka.version>");

    private final Path root;
    private final Map<String, ServiceConfig> services = new LinkedHashMap<>();

    private Repository(Path root) {
        this.root = root;
        for (String module : modules()) {
            Path properties = root.resolve(module).resolve("src/main/resources/application.properties");
            if (Files.isRegularFile(properties) && read(properties).contains("quarkus.http.port")) {
                services.put(module, ServiceConfig.load(root, module));
            }
        }
    }

    /** Opens the repository of the running build: the system property set by the pom, else the parent folder. */
    static Repository current() {
        Path root = Path.of(System.getProperty("solarmarket.repository.dir", "..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalStateException("no pom.xml in " + root
                    + "; set -Dsolarmarket.repository.dir to the repository root");
        }
        return new Repository(root);
    }

    Path root() {
        return root;
    }

    /** Returns the Quarkus service modules by folder name: modules whose application.properties sets the HTTP port. */
    Map<String, ServiceConfig> services() {
        return services;
    }

    List<String> modules() {
        Matcher matcher = MODULE.matcher(read(root.resolve("pom.xml")));
        return matcher.results().map(m -> m.group(1).trim()).toList();
    }

    /** Reads the artifactId in a module's pom, which names the module's container image. */
    String artifactId(String module) {
        Matcher matcher = ARTIFACT_ID.matcher(read(root.resolve(module).resolve("pom.xml")));
        if (!matcher.find()) {
            throw new IllegalStateException("no artifactId after <parent> in " + module + "/pom.xml");
        }
        return matcher.group(1).trim();
    }

    /** The Kafka version the build uses, from the parent pom's kafka.version property. */
    String kafkaVersion() {
        Matcher matcher = KAFKA_VERSION.matcher(read(root.resolve("pom.xml")));
        if (!matcher.find()) {
            throw new IllegalStateException("no <kafka.version> property in pom.xml");
        }
        return matcher.group(1).trim();
    }

    /** Returns the topics the broker creates by default, with their partition counts. */
    static List<TopicSpec> topics() {
        return TopicSpec.parseList(TopicSpec.DEFAULT_SPEC);
    }

    /** Lists every .yaml and .yml file below a folder, sorted. */
    List<Path> yamlFiles(String folder) {
        try (Stream<Path> files = Files.walk(root.resolve(folder))) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    String relative(Path file) {
        return root.relativize(file).toString();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
