package org.solarmarket.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration of one service module as its {@code application.properties} declares it: the
 * keys an environment variable may set, the HTTP port and the health and metrics paths.
 *
 * <p>Environment variables map onto keys by the MicroProfile Config rule that Quarkus applies:
 * every character other than a letter or digit becomes {@code _} and the name is upper-cased, so
 * {@code SOLARMARKET_LEDGER_DATA_DIR} sets {@code solarmarket.ledger.data-dir}.
 */
final class ServiceConfig {

    /** Variables read by the JVM or the container, not by the service's configuration. */
    static final Map<String, String> RUNTIME_VARIABLES = Map.of(
            "JAVA_TOOL_OPTIONS", "read by the JVM itself",
            "HOSTNAME", "set by the container runtime");

    private static final Pattern PROFILE_PREFIX = Pattern.compile("^%[^.]+\\.");
    private static final Pattern COMMENTED_KEY = Pattern.compile(
            "^[#!]\\s*([a-z][a-z0-9-]*(?:\\.(?:[a-z0-9-]+|\"[^\"]+\"))+)\\s*=");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(?::[^}]*)?}");

    private final String module;
    private final String file;
    private final Map<String, String> properties;
    private final Map<String, String> keysByEnvName = new LinkedHashMap<>();
    private final Set<String> envReferences = new TreeSet<>();

    private ServiceConfig(String module, String file, String text) {
        this.module = module;
        this.file = file;
        this.properties = parseProperties(text);
        for (String key : properties.keySet()) {
            addKey(key);
            Matcher references = ENV_REFERENCE.matcher(properties.get(key));
            while (references.find()) {
                envReferences.add(references.group(1));
            }
        }
        for (String line : text.split("\n")) {
            Matcher commented = COMMENTED_KEY.matcher(line.trim());
            if (commented.find()) {
                addKey(commented.group(1));
            }
        }
    }

    static ServiceConfig load(Path root, String module) {
        Path file = root.resolve(module).resolve("src/main/resources/application.properties");
        try {
            return new ServiceConfig(module, root.relativize(file).toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static ServiceConfig parse(String module, String text) {
        return new ServiceConfig(module, module + "/src/main/resources/application.properties", text);
    }

    /** Converts a configuration key into the environment variable that sets it. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private void addKey(String key) {
        String bare = PROFILE_PREFIX.matcher(key).replaceFirst("");
        keysByEnvName.putIfAbsent(envName(bare), bare);
    }

    private static Map<String, String> parseProperties(String text) {
        Properties parsed = new Properties();
        try {
            parsed.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : new TreeSet<>(parsed.stringPropertyNames())) {
            result.put(name, parsed.getProperty(name));
        }
        return result;
    }

    String module() {
        return module;
    }

    String file() {
        return file;
    }

    /**
     * Names what an environment variable sets in this service, or empty when it sets nothing:
     * a configuration key, a variable that a property value refers to as {@code ${NAME:...}}, a
     * variable of the JVM or the container.
     */
    Optional<String> target(String envName) {
        String key = keysByEnvName.get(envName);
        if (key != null) {
            return Optional.of("key " + key);
        }
        if (envReferences.contains(envName)) {
            return Optional.of("the ${" + envName + "} reference in " + file);
        }
        if (RUNTIME_VARIABLES.containsKey(envName)) {
            return Optional.of(RUNTIME_VARIABLES.get(envName));
        }
        return Optional.empty();
    }

    /** Returns {@code quarkus.http.port}, or Quarkus' default 8080 when the key is absent. */
    int httpPort() {
        String value = properties.get("quarkus.http.port");
        return value == null ? 8080 : Integer.parseInt(value.trim());
    }

    String livenessPath() {
        return healthPath("quarkus.smallrye-health.liveness-path", "live");
    }

    String readinessPath() {
        return healthPath("quarkus.smallrye-health.readiness-path", "ready");
    }

    String startupPath() {
        return healthPath("quarkus.smallrye-health.startup-path", "started");
    }

    String metricsPath() {
        return below(nonApplicationRoot(), properties.getOrDefault("quarkus.micrometer.export.prometheus.path", "metrics"));
    }

    private String healthPath(String key, String defaultPath) {
        String healthRoot = below(nonApplicationRoot(), properties.getOrDefault("quarkus.smallrye-health.root-path", "health"));
        return below(healthRoot, properties.getOrDefault(key, defaultPath));
    }

    private String nonApplicationRoot() {
        return below("/", properties.getOrDefault("quarkus.http.non-application-root-path", "q"));
    }

    /** Resolves a Quarkus path setting: absolute when it starts with a slash, else below the base. */
    private static String below(String base, String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return (base.endsWith("/") ? base : base + "/") + path;
    }
}
