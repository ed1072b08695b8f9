package cn.hitech.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

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

    /**
     * The table of endpoints against a p95 target, each row marked MET or MISSED, and the verdict over all of them
     * ("target p95 <= 100 ms for every {@code what}: MET"); MISSED when there is no endpoint at all.
     */
    static void printAgainstP95(PrintStream out, Map<String, Latencies> endpoints, double targetMs, String what) {
        String target = String.format("p95 <= %.0f ms", targetMs);
        out.println(header() + "   " + target);
        for (Map.Entry<String, Latencies> endpoint : endpoints.entrySet()) {
            out.println(endpoint.getValue().row(endpoint.getKey()) + "   "
                    + (endpoint.getValue().percentile(95) <= targetMs ? "MET" : "MISSED"));
        }
        boolean allMet = !endpoints.isEmpty() && endpoints.values().stream().allMatch(l -> l.percentile(95) <= targetMs);
        out.printf("%ntarget %s for every %s: %s%n", target, what, allMet ? "MET" : "MISSED");
    }
}
