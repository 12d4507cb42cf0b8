package org.solarmarket.forecast.physics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.solarmarket.forecast.plant.PlantConfig;

/**
 * Average time per call of the physics chain on one thread. The calls are one full SPA solar
 * position, and 72-hour series at 5-minute steps (864 instants) of solar positions, clear-sky
 * irradiance and p_clear.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PhysicsBenchmark {

    private static final int SERIES_LENGTH = 72 * 12;

    private Observer observer;
    private PvSystemModel model;
    private Instant[] series;
    private Instant single;
    private int counter;

    @Setup
    public void setUp() {
        PlantConfig plant = PlantConfig.builder().latitude(48.14).longitude(11.58).altitudeMeters(520.0)
                .zoneId(ZoneId.of("Europe/Berlin")).dcCapacityKw(250.0).acCapacityKw(210.0)
                .surfaceTiltDegrees(30.0).surfaceAzimuthDegrees(180.0).build();
        observer = Observer.at(plant.latitude(), plant.longitude(), plant.altitudeMeters());
        model = new PvSystemModel(plant);
        Instant start = Instant.parse("2026-06-20T00:00:00Z");
        series = new Instant[SERIES_LENGTH];
        for (int i = 0; i < SERIES_LENGTH; i++) {
            series[i] = start.plus(Duration.ofMinutes(5L * i));
        }
        single = Instant.parse("2026-06-21T10:17:00Z");
    }

    @Benchmark
    public SolarPosition solarPositionSingle() {
        // Vary the instant so no step can be hoisted out of the loop.
        counter = (counter + 1) & 1023;
        return SolarPositionCalculator.position(single.plusSeconds(counter), observer, 69.0);
    }

    @Benchmark
    public SolarPosition[] solarPositionSeries72h() {
        return SolarPositionCalculator.series(series, observer, 69.0);
    }

    @Benchmark
    public ClearSkySeries clearSkySeries72h() {
        return model.clearSky(series);
    }

    @Benchmark
    public double[] clearSkyAcPowerSeries72h() {
        return model.clearSkyAcPowerKw(series);
    }

    /** Runs the benchmarks; accepts the usual JMH command-line options. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new CommandLineOptions(args)).run();
    }
}
