package cn.hitech.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What went wrong in one benchmark run, one sentence each: failed requests, effects that never came, empty or NaN
 * figures. A benchmark that silently measures nothing is worse than none: any entry here makes its main exit non-zero
 * and the smoke run fail.
 */
final class Failures {

    private final List<String> found = new ArrayList<>();

    synchronized void add(String failure) {
        found.add(failure);
    }

    /** {@code latencies} must hold one real sample for each of the {@code expected} requests. */
    void expectSamples(String what, Latencies latencies, int expected) {
        if (latencies.count() != expected) {
            add(what + ": " + latencies.count() + " samples for " + expected + " requests");
        }
        if (latencies.count() > 0 && !latencies.allRealDurations()) {
            add(what + ": some samples are not real durations (NaN, infinite or negative)");
        }
        if (latencies.count() > 0 && Double.isNaN(latencies.percentile(50))) {
            add(what + ": the figures are NaN");
        }
    }

    synchronized List<String> list() {
        return List.copyOf(found);
    }
}
