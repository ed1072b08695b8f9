package cn.hitech.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A tiny run of every benchmark against the packaged suite, started once, in {@code ./mvnw verify}: so no benchmark can
 * rot unseen again (event-latency once measured nothing but 401s and exited 0). Each must produce real figures: one
 * sample per request, no NaN, no failure. The sizes only prove the path; the figures are not judged against targets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchSmokeIT {

    private BenchSuite suite;

    @BeforeAll
    void up() {
        suite = BenchSuite.start(BenchSuite.SMOKE);
    }

    @AfterAll
    void down() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void eventLatencyMeasuresEveryEventAgainstRawKafka() {
        EventLatencyBench.Result result = EventLatencyBench.measure(suite.settings(), new EventLatencyBench.Sizes(30, 20, 10));
        result.print(System.out);

        assertEquals(List.of(), result.failures());
        assertTrue(result.succeeded());
        assertRealFigures("commit -> consumer effect", result.outbox(), 30);
        assertRealFigures("raw Kafka", result.raw(), 30);
        assertRealFigures("raw Kafka alone", result.rawAlone(), 30);
        // Each measured event's stages, from the tap's copy of its record (to the millisecond of its timestamp).
        assertEquals(30, result.stages().sendToEffect().count());
        assertEquals(30, result.stages().changeToOutbox().count());
    }

    @Test
    void reportsMeasureEveryEndpointOnTheImportedProjects() {
        ReportBench.Result result = ReportBench.measure(suite.settings(), new ReportBench.Sizes(10, 5, 2, 10));
        result.print(System.out);

        assertEquals(List.of(), result.failures());
        assertEquals(14, result.endpoints().size(), "every report endpoint is measured");
        for (Map.Entry<String, Latencies> endpoint : result.endpoints().entrySet()) {
            assertRealFigures(endpoint.getKey(), endpoint.getValue(), 5);
        }
        assertTrue(result.loadSeconds() > 0 && Double.isFinite(result.loadSeconds()), "load time " + result.loadSeconds());
    }

    @Test
    void ticketCreationMeasuresTheGatewayAgainstRawPgbench() {
        TicketCreationBench.Result result = TicketCreationBench.measure(suite.settings(), new TicketCreationBench.Sizes(20, 2, 5));
        result.print(System.out);

        assertEquals(List.of(), result.failures());
        assertRealFigures("gateway registration", result.latencies(), 20);
        assertTrue(result.gatewayTps() > 0 && Double.isFinite(result.gatewayTps()), "gateway TPS " + result.gatewayTps());
        assertTrue(result.pgbenchTps() > 0 && Double.isFinite(result.pgbenchTps()), "pgbench TPS " + result.pgbenchTps());
    }

    @Test
    void ticketReportsMeasureEveryEndpointOverTheBulkLoadedHistory() {
        TicketReportBench.Result result = TicketReportBench.measure(suite.settings(), new TicketReportBench.Sizes(2000, 5, 2));
        result.print(System.out);

        assertEquals(List.of(), result.failures());
        assertEquals(18, result.endpoints().size(), "every ticket report endpoint, for a quarter and a year");
        for (Map.Entry<String, Latencies> endpoint : result.endpoints().entrySet()) {
            assertRealFigures(endpoint.getKey(), endpoint.getValue(), 5);
        }
        assertTrue(result.moves() > 2000 * 3, "a history of every ticket: " + result.moves() + " moves");
        assertTrue(result.repeats() > 0 && result.repeats() < 2000, "repeats counted: " + result.repeats());
    }

    @Test
    void approvalsMeasureOursAgainstFlowable() {
        ApprovalBench.Result result = ApprovalBench.measure(suite.settings(), new ApprovalBench.Sizes(3, 1, 1));
        result.print(System.out);

        assertEquals(List.of(), result.failures());
        assertRealFigures("ours approve", result.ours().get(ApprovalBench.APPROVE), 3 * 11);
        assertRealFigures("ours countersign", result.ours().get(ApprovalBench.SIGN_OFF), 3 * 2);
        assertRealFigures("http approve", result.http().get(ApprovalBench.APPROVE), 3 * 11);
        assertRealFigures("http countersign", result.http().get(ApprovalBench.SIGN_OFF), 3 * 2);
        assertRealFigures("flowable approve", result.flowable().get(ApprovalBench.APPROVE), 3 * 11);
        assertRealFigures("flowable countersign", result.flowable().get(ApprovalBench.SIGN_OFF), 3 * 2);
        assertTrue(result.ratio() > 0 && Double.isFinite(result.ratio()), "ratio " + result.ratio());
    }

    @Test
    void enterpriseImportWritesEveryRowAfterADryRun() {
        EnterpriseImportBench.Result result = EnterpriseImportBench.measure(suite.settings(), new EnterpriseImportBench.Sizes(200));
        result.print(System.out);

        assertEquals(List.of(), result.failures());
        assertTrue(result.dryRunSeconds() > 0 && Double.isFinite(result.dryRunSeconds()), "dry run " + result.dryRunSeconds());
        assertTrue(result.importSeconds() > 0 && Double.isFinite(result.importSeconds()), "import " + result.importSeconds());
    }

    @Test
    void profileReadsMeasureTheEnterprise360FedByEvents() {
        ProfileBench.Result result = ProfileBench.measure(suite.settings(), new ProfileBench.Sizes(3, 10, 2));
        result.print(System.out);

        assertEquals(List.of(), result.failures());
        assertRealFigures("profile", result.endpoints().get(ProfileBench.PROFILE), 10);
        assertTrue(result.eventsSeconds() >= 0 && Double.isFinite(result.eventsSeconds()), "events " + result.eventsSeconds());
    }

    @Test
    void policyMatchStoresAMatchForEveryEnterprise() {
        PolicyMatchBench.Result result = PolicyMatchBench.measure(suite.settings(), new PolicyMatchBench.Sizes(400));
        result.print(System.out);

        assertEquals(List.of(), result.failures());
        assertTrue(result.matched() >= 400 && result.eligible() > 0, "matched " + result.matched() + ", eligible " + result.eligible());
        assertTrue(result.matchedSeconds() > 0 && Double.isFinite(result.matchesPerSecond()), "seconds " + result.matchedSeconds());
    }

    @Test
    void gatewayOverheadMeasuresTheSameReadBothWays() {
        GatewayOverheadBench.Result result = GatewayOverheadBench.measure(suite.settings(), new GatewayOverheadBench.Sizes(20, 2, 2));
        result.print(System.out);

        assertEquals(List.of(), result.failures());
        assertRealFigures("through the gateway", result.gateway(), 20);
        assertRealFigures("straight at the service", result.direct(), 20);
        assertTrue(result.gatewayPerSecond() > 0 && result.directPerSecond() > 0, "throughputs " + result);
    }

    @Test
    void startupTimesAnAppAndTheBareAppToReady() {
        StartupBench.Result result = StartupBench.measure(suite.settings(), 1.0,
                new StartupBench.Sizes(1, List.of("service-desk-service")));
        result.print(System.out);

        assertEquals(List.of(), result.failures());
        assertEquals(1, result.rows().size());
        StartupBench.Row row = result.rows().get(0);
        assertTrue(row.readySeconds() > 0 && row.bareReadySeconds() > 0 && Double.isFinite(row.ratio()), "times " + row);
        assertTrue(row.rssMb() > 0 && row.bareRssMb() > 0 && row.runningRssMb() > 0, "memory " + row);
    }

    private static void assertRealFigures(String what, Latencies latencies, int requests) {
        assertEquals(requests, latencies.count(), what + ": one sample per request");
        for (double p : new double[] {50, 95, 99, 100}) {
            double figure = latencies.percentile(p);
            assertTrue(Double.isFinite(figure) && figure >= 0, what + ": p" + p + " is " + figure);
        }
    }
}
