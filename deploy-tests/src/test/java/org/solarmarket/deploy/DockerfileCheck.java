package org.solarmarket.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a service's {@code src/main/docker/Dockerfile.jvm} with the service: the exposed port,
 * the health check, the environment, a non-root user and the Quarkus fast-jar layout.
 */
final class DockerfileCheck {

    /** Path of the image definition inside each service module. */
    static final String PATH = "src/main/docker/Dockerfile.jvm";
    /** Parts of target/quarkus-app that the image must contain for quarkus-run.jar to start. */
    static final List<String> QUARKUS_APP_PARTS = List.of("lib/", "app/", "quarkus/", "quarkus-run.jar");

    /**
     * Operating-system packages that a dependency's native code needs, by a text that names the
     * dependency in the module's pom: XGBoost4J's libxgboost4j.so links libgomp.so.1.
     */
    static final Map<String, String> NATIVE_PACKAGES = Map.of("<artifactId>xgboost4j", "libgomp1");

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");
    private static final Pattern HEALTH_PATH = Pattern.compile("(/q/[A-Za-z0-9/_-]+)");
    private static final Pattern TCP_PORT = Pattern.compile("/dev/tcp/[^/\\s]+/(\\d+)");

    /**
     * One instruction with its continuation lines joined.
     *
     * @param keyword   instruction name in upper case, e.g. {@code COPY}
     * @param arguments the rest of the instruction
     */
    record Instruction(String keyword, String arguments) {
    }

    private DockerfileCheck() {
    }

    static List<Instruction> parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (!current.isEmpty() && trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed.substring(0, trimmed.length() - 1).strip()).append(' ');
                continue;
            }
            current.append(trimmed);
            String joined = current.toString().strip();
            current.setLength(0);
            int space = joined.indexOf(' ');
            instructions.add(space < 0
                    ? new Instruction(joined.toUpperCase(Locale.ROOT), "")
                    : new Instruction(joined.substring(0, space).toUpperCase(Locale.ROOT), joined.substring(space + 1).strip()));
        }
        return instructions;
    }

    /** Checks a Dockerfile against the module's configuration and the dependencies in its pom. */
    static Findings check(ServiceConfig config, String file, String text, String pom) {
        Findings findings = check(config, file, text);
        String runs = String.join("\n", parse(text).stream().filter(i -> i.keyword().equals("RUN"))
                .map(Instruction::arguments).toList());
        NATIVE_PACKAGES.forEach((dependency, osPackage) -> {
            if (pom.contains(dependency) && !runs.matches("(?s).*apt-get install[^&;]*\\b" + osPackage + "\\b.*")) {
                findings.add(file, config.module(), "the pom depends on " + dependency.replace("<artifactId>", "")
                        + " but no RUN installs " + osPackage + ", which its native library needs");
            }
        });
        return findings;
    }

    static Findings check(ServiceConfig config, String file, String text) {
        Findings findings = new Findings();
        String subject = config.module();
        List<Instruction> instructions = parse(text);
        List<String> exposed = instructions.stream().filter(i -> i.keyword().equals("EXPOSE"))
                .flatMap(i -> List.of(i.arguments().split("\\s+")).stream())
                .map(port -> port.replaceAll("/.*", ""))
                .toList();
        if (!exposed.equals(List.of(String.valueOf(config.httpPort())))) {
            findings.add(file, subject, "EXPOSE " + exposed + " but quarkus.http.port is " + config.httpPort());
        }

        String user = instructions.stream().filter(i -> i.keyword().equals("USER"))
                .reduce((first, second) -> second).map(Instruction::arguments).orElse("root");
        String userName = user.split(":")[0];
        if (userName.equals("root") || userName.equals("0")) {
            findings.add(file, subject, "the image runs as " + user + "; it must end with a USER that is not root");
        }

        String copies = String.join("\n", instructions.stream().filter(i -> i.keyword().equals("COPY"))
                .map(Instruction::arguments).toList());
        for (String part : QUARKUS_APP_PARTS) {
            if (!copies.contains("target/quarkus-app/" + part)) {
                findings.add(file, subject, "no COPY of target/quarkus-app/" + part + ", which quarkus-run.jar needs");
            }
        }

        boolean runsJar = instructions.stream()
                .anyMatch(i -> (i.keyword().equals("ENTRYPOINT") || i.keyword().equals("CMD"))
                        && i.arguments().contains("quarkus-run.jar"));
        if (!runsJar) {
            findings.add(file, subject, "neither ENTRYPOINT nor CMD starts quarkus-run.jar");
        }

        checkHealthcheck(config, file, instructions, findings);
        for (Instruction env : instructions.stream().filter(i -> i.keyword().equals("ENV")).toList()) {
            Matcher pair = ENV_PAIR.matcher(env.arguments());
            while (pair.find()) {
                if (config.target(pair.group(1)).isEmpty()) {
                    findings.add(file, subject, "ENV " + pair.group(1) + " sets no key of " + config.file());
                }
                if (pair.group(1).equals("SOLARMARKET_BIND_HOST") && !pair.group(2).equals("0.0.0.0")) {
                    findings.add(file, subject, "ENV SOLARMARKET_BIND_HOST=" + pair.group(2)
                            + "; inside a container the service must listen on 0.0.0.0");
                }
            }
        }
        return findings;
    }

    private static void checkHealthcheck(ServiceConfig config, String file, List<Instruction> instructions,
                                         Findings findings) {
        String healthcheck = instructions.stream().filter(i -> i.keyword().equals("HEALTHCHECK"))
                .map(Instruction::arguments).findFirst().orElse(null);
        if (healthcheck == null) {
            findings.add(file, config.module(), "no HEALTHCHECK; expected one on " + config.readinessPath());
            return;
        }
        Matcher path = HEALTH_PATH.matcher(healthcheck);
        if (!path.find() || !(path.group(1).equals(config.readinessPath()) || path.group(1).equals(config.livenessPath()))) {
            findings.add(file, config.module(), "HEALTHCHECK does not request " + config.readinessPath() + ": "
                    + healthcheck);
        }
        Matcher port = TCP_PORT.matcher(healthcheck);
        if (!port.find() || Integer.parseInt(port.group(1)) != config.httpPort()) {
            findings.add(file, config.module(), "HEALTHCHECK does not connect to port " + config.httpPort() + ": "
                    + healthcheck);
        }
    }
}
