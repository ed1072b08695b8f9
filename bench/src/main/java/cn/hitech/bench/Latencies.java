package cn.hitech.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A set of latency samples in milliseconds and their percentiles (nearest rank). */
final class Latencies {

    private final List<Double> millis = new ArrayList<>();

    synchronized void add(double ms) {
        millis.add(ms);
    }

    synchronized int count() {
        return millis.size();
    }

    /** NaN when there is no sample: {@link Failures#expectSamples} turns that into a failure. */
    synchronized double percentile(double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** Whether every sample is a real, non-negative duration (a negative one means two clocks disagree). */
    synchronized boolean allRealDurations() {
        return millis.stream().allMatch(ms -> Double.isFinite(ms) && ms >= 0);
    }

    String row(String label) {
        return String.format("%-40s %8.1f %8.1f %8.1f %8.1f %8d", label, percentile(50), percentile(95), percentile(99),
                percentile(100), count());
    }

    static String header() {
        return String.format("%-40s %8s %8s %8s %8s %8s", "(milliseconds)", "p50", "p95", "p99", "max", "samples");
    }
}
