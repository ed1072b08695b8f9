package cn.hitech.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A small {@code bench/run.sh chaos} in {@code ./mvnw verify}, on a suite of its own (it kills the broker, the service
 * desk and PostgreSQL, which would disturb the other benchmarks' suite): 30 items per fault, one in ten a one-thing
 * application decided to completion (9 calls each, so kept few to keep the run short), and still every sent item
 * applied exactly once. Recovery times and what callers saw are printed, not judged: the targets are the long run's.
 */
class ChaosSmokeIT {

    @Test
    void everyItemSentUnderEachFaultIsAppliedExactlyOnce() {
        ChaosBench.Result result;
        try (BenchSuite suite = BenchSuite.start(BenchSuite.SMOKE)) {
            result = ChaosBench.measure(suite, new ChaosBench.Sizes(30, 10, 10));
        }
        result.print(System.out);

        assertEquals(List.of(), result.failures());
        assertEquals(List.of(ChaosBench.Fault.values()), result.phases().stream().map(ChaosBench.Phase::fault).toList(),
                "every fault was injected");
        for (ChaosBench.Phase phase : result.phases()) {
            assertEquals(4, phase.flows().size(), phase.fault() + ": every flow counted");
            ChaosBench.Flow oneThing = phase.flows().stream().filter(f -> f.name().equals(ChaosBench.ONE_THING_FLOW)).findFirst()
                    .orElseThrow();
            assertTrue(oneThing.sent() > 0, phase.fault() + ": one-thing applications completed");
            assertEquals(0, oneThing.lost(), phase.fault() + ": permit milestones lost");
            assertEquals(0, oneThing.duplicated(), phase.fault() + ": permit milestones recorded twice");
            for (ChaosBench.Flow flow : phase.flows()) {
                assertTrue(flow.sent() > 0, phase.fault() + " " + flow.name() + ": something was sent");
                assertEquals(flow.sent(), flow.applied(), phase.fault() + " " + flow.name() + ": every sent item applied");
                assertEquals(0, flow.lost(), phase.fault() + " " + flow.name() + ": lost");
                assertEquals(0, flow.duplicated(), phase.fault() + " " + flow.name() + ": duplicated");
            }
            assertFalse(phase.whileAway().isEmpty(), phase.fault() + ": callers called while it was away");
            assertTrue(Double.isFinite(phase.caughtUp()), phase.fault() + ": caught up after the return");
        }
    }
}
