package cn.hitech.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A measurement that is empty, short or NaN is a failure, never a row of NaN with exit code 0. */
class FailuresTest {

    @Test
    void anEmptyMeasurementIsAFailure() {
        Failures failures = new Failures();
        Latencies none = new Latencies();
        failures.expectSamples("commit -> consumer effect", none, 1500);

        assertEquals(List.of("commit -> consumer effect: 0 samples for 1500 requests"), failures.list());
        EventLatencyBench.Result result = new EventLatencyBench.Result(new EventLatencyBench.Sizes(1500, 100, 0), none,
                EventLatencyBench.Stages.none(), none, none,
                failures.list());
        assertFalse(result.succeeded());
    }

    @Test
    void fewerSamplesThanRequestsOrANaNSampleIsAFailure() {
        Failures failures = new Failures();
        Latencies short1 = latencies(3.0, 4.0);
        failures.expectSamples("short", short1, 3);
        Latencies broken = latencies(3.0, Double.NaN, 5.0);
        failures.expectSamples("broken", broken, 3);
        Latencies negative = latencies(3.0, -1.0);
        failures.expectSamples("negative", negative, 2);

        assertEquals(3, failures.list().size(), failures.list().toString());
        assertTrue(failures.list().get(0).startsWith("short: 2 samples for 3 requests"));
        assertTrue(failures.list().get(1).startsWith("broken: some samples are not real durations"));
        assertTrue(failures.list().get(2).startsWith("negative: some samples are not real durations"));
    }

    @Test
    void oneRealSamplePerRequestIsAMeasurement() {
        Failures failures = new Failures();
        failures.expectSamples("full", latencies(1.5, 2.5, 9.0), 3);

        assertEquals(List.of(), failures.list());
        assertEquals(9.0, latencies(1.5, 2.5, 9.0).percentile(100));
    }

    private static Latencies latencies(double... millis) {
        Latencies latencies = new Latencies();
        for (double ms : millis) {
            latencies.add(ms);
        }
        return latencies;
    }
}
