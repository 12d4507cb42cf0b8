package org.solarmarket.forecast.physics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Measures the CPU time of the thread per call of each {@link PhysicsBenchmark} operation. On a
 * machine shared with other work, wall-clock JMH scores include time spent waiting for a core. The
 * thread's own CPU time does not, so it is the steadier figure there.
 *
 * <p>Run with the benchmarks profile:
 * {@code mvn -B -pl forecast-service -am -Pbenchmarks -DskipTests test
 * -Djmh.main=org.solarmarket.forecast.physics.PhysicsCpuTime}.
 */
public final class PhysicsCpuTime {

    private static final int WARMUP_SECONDS = 3;
    private static final int ROUNDS = 5;

    private PhysicsCpuTime() {
    }

    public static void main(String[] args) {
        PhysicsBenchmark benchmark = new PhysicsBenchmark();
        benchmark.setUp();
        measure("solarPositionSingle", benchmark::solarPositionSingle);
        measure("solarPositionSeries72h", benchmark::solarPositionSeries72h);
        measure("clearSkySeries72h", benchmark::clearSkySeries72h);
        measure("clearSkyAcPowerSeries72h", benchmark::clearSkyAcPowerSeries72h);
    }

    private static void measure(String name, Supplier<Object> operation) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmupEnd = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        long sink = 0;
        while (System.nanoTime() < warmupEnd) {
            sink += operation.get().hashCode();
        }
        double best = Double.MAX_VALUE;
        double total = 0.0;
        for (int round = 0; round < ROUNDS; round++) {
            int calls = 0;
            long cpuStart = threads.getCurrentThreadCpuTime();
            long cpuEnd = cpuStart;
            // About one CPU-second per round.
            while (cpuEnd - cpuStart < 1_000_000_000L) {
                for (int i = 0; i < 64; i++) {
                    sink += operation.get().hashCode();
                }
                calls += 64;
                cpuEnd = threads.getCurrentThreadCpuTime();
            }
            double microsPerCall = (cpuEnd - cpuStart) / 1000.0 / calls;
            best = Math.min(best, microsPerCall);
            total += microsPerCall;
        }
        System.out.printf(Locale.ROOT, "%-28s cpu time per call: mean %10.3f us, best %10.3f us (%d rounds)%s%n",
                name, total / ROUNDS, best, ROUNDS, sink == 42 ? " " : "");
    }
}
