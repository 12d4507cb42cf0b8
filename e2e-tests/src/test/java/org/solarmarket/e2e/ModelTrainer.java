package org.solarmarket.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Trains small forecast models with the packaged forecast-service's training command, the same
 * one {@code bin/train} runs, so the end-to-end platform serves a model it really trained.
 */
final class ModelTrainer {

    private ModelTrainer() {
    }

    /**
     * Trains both settings of the default plant with few trees into {@code modelsDir}.
     *
     * @throws AssertionError when training fails or takes longer than ten minutes
     */
    static void trainSmallModels(Path modelsDir, Path logFile) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("solarmarket.project.root", ".."));
        Path app = root.resolve("forecast-service/target/quarkus-app");
        String classpath = String.join(File.pathSeparator, app.resolve("lib/main") + "/*",
                app.resolve("lib/boot") + "/*", root.resolve("forecast-service/target/classes").toString());
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-cp", classpath, "org.solarmarket.forecast.training.TrainCommand",
                "--plant", "system50", "--max-rounds", "40", "--horizons-per-target", "1",
                "--validation-plant", "none",
                "--data-dir", System.getProperty("solarmarket.data.dir", "../shared/data"),
                "--models-dir", modelsDir.toString()));
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Files.createDirectories(modelsDir);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("training did not finish within 10 minutes; see " + logFile);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("training exited with " + process.exitValue() + "; see " + logFile);
        }
    }
}
