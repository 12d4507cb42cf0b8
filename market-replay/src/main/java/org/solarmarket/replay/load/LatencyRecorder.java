package org.solarmarket.replay.load;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Order-to-fill latencies: the send time of each order and the time its first fill arrived. */
final class LatencyRecorder {

    private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> latencyNanos = new ConcurrentHashMap<>();

    void sent(String orderId, long nanos) {
        sentNanos.put(orderId, nanos);
    }

    /** Records the first fill of an order; later fills of the same order are ignored. */
    void filled(String orderId, long nanos) {
        Long sent = sentNanos.get(orderId);
        if (sent != null) {
            latencyNanos.putIfAbsent(orderId, nanos - sent);
        }
    }

    int filledCount() {
        return latencyNanos.size();
    }

    /** Latency percentiles in milliseconds: p50, p99 and max; NaN when nothing was filled. */
    double[] percentilesMillis() {
        long[] values = latencyNanos.values().stream().mapToLong(Long::longValue).sorted().toArray();
        if (values.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[] {at(values, 0.50), at(values, 0.99), values[values.length - 1] / 1e6};
    }

    private static double at(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    @Override
    public String toString() {
        return Arrays.toString(percentilesMillis());
    }
}
