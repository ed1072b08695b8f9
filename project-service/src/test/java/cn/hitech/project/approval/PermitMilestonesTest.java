package cn.hitech.project.approval;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.events.approval.ApprovalCompleted;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;
import cn.hitech.project.support.Projects;

/**
 * 项目开工一件事 → 节点, on the real broker: an {@code approval.completed} sent as the service desk's outbox relay sends it
 * reaches the 规划许可 / 施工许可 milestones of the project it names, once, and every case it cannot apply ends in the
 * audit trail while the consumer goes on.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PermitMilestonesTest {

    private static final LocalDate PLANNING_ISSUED = LocalDate.parse("2026-03-10");
    private static final LocalDate CONSTRUCTION_ISSUED = LocalDate.parse("2026-03-12");

    private static ApprovalCompleted.Certificate planning(String number) {
        return new ApprovalCompleted.Certificate("PLANNING_PERMIT", "建设工程规划许可证", number, "济宁市自然资源和规划局高新区分局",
                PLANNING_ISSUED, PLANNING_ISSUED, null);
    }

    private static ApprovalCompleted.Certificate construction(String number, LocalDate issuedOn) {
        return new ApprovalCompleted.Certificate("CONSTRUCTION_PERMIT", "建筑工程施工许可证", number, "济宁高新区住房和城乡建设局",
                issuedOn, issuedOn, null);
    }

    private static ApprovalCompleted completion(UUID application, String number, String projectId, String outcome,
            List<ApprovalCompleted.Certificate> certificates, List<String> refused) {
        return new ApprovalCompleted(application, number, "PROJECT_CONSTRUCTION_START", 1, "项目开工一件事", TestData.creditCode(), "测试企业",
                projectId == null ? null : UUID.fromString(projectId), outcome, certificates, refused, null, Instant.now());
    }

    /** As the service desk's relay sends an outbox row: CloudEvents headers, keyed by the application. */
    private static void send(UUID eventId, ApprovalCompleted data) {
        TestKafka.send("approvals", data.aggregateId(), EventJson.write(data), Map.of("ce_id", eventId.toString(),
                "ce_type", ApprovalCompleted.TYPE.name(), "ce_source", "urn:hitech:service-desk-service", "ce_specversion", "1.0",
                "ce_time", data.occurredAt().toString(), "ce_subject", data.aggregateId(), "ce_dataschema", ApprovalCompleted.TYPE.dataSchema(),
                "content-type", "application/json"));
    }

    private static Map<String, Object> milestone(String projectId, String code) {
        return Projects.milestones(projectId).stream().filter(m -> code.equals(m.get("code"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> awaitReached(String projectId, String code) {
        return await().atMost(Projects.WAIT).pollInterval(Duration.ofMillis(100)).until(() -> milestone(projectId, code),
                m -> m.get("actualDate") != null);
    }

    /** The project's audit entries of the consumer, newest first. */
    private static List<Map<String, Object>> certificateAudits(String projectId) {
        return asAdmin().queryParam("entityType", "project").queryParam("entityId", projectId).get("/api/projects/audit").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(e -> PermitMilestones.AUDIT_ACTION.equals(e.get("action"))).toList();
    }

    private static JsonPath awaitCertificateAudit(String projectId) {
        return await().atMost(Projects.WAIT).pollInterval(Duration.ofMillis(100)).until(() -> certificateAudits(projectId),
                entries -> !entries.isEmpty()).stream().findFirst().map(e -> JsonPath.from(EventJson.write(e))).orElseThrow();
    }

    @Test
    void bothPermitsReachTheirMilestonesOnTheirDatesWithTheCertificatesAsEvidenceOnce() {
        String project = Projects.register(TestData.creditCode());
        UUID application = UUID.randomUUID();
        ApprovalCompleted completed = completion(application, "YJS20260312000101", project, ApprovalCompleted.COMPLETED,
                List.of(planning("建字第370811202600101号"), construction("370811202603120101", CONSTRUCTION_ISSUED)), List.of());
        UUID eventId = UUID.randomUUID();
        send(eventId, completed);
        send(eventId, completed);
        // A later event on the same key (so the same partition, behind the repeat) shows the repeat has been consumed.
        String marker = Projects.register(TestData.creditCode());
        send(UUID.randomUUID(), completion(application, "YJS20260312000101", marker, ApprovalCompleted.COMPLETED,
                List.of(planning("建字第370811202600102号")), List.of()));
        awaitReached(marker, "PLANNING_PERMIT");

        Map<String, Object> planning = milestone(project, "PLANNING_PERMIT");
        assertEquals("2026-03-10", planning.get("actualDate"));
        assertEquals("建设工程规划许可证 建字第370811202600101号（一件事 YJS20260312000101）", planning.get("evidence"));
        assertEquals("system", planning.get("loggedBy"));
        Map<String, Object> construction = milestone(project, "CONSTRUCTION_PERMIT");
        assertEquals("2026-03-12", construction.get("actualDate"));
        assertEquals("建筑工程施工许可证 370811202603120101（一件事 YJS20260312000101）", construction.get("evidence"));
        assertEquals(1, construction.get("version"), "reached once, though the event came twice");

        // The project's own events follow, one per milestone, and the audit trail has one entry for the application.
        List<String> reached = Projects.events(project, "project.milestone.reached").stream()
                .map(r -> JsonPath.from(r.value()).getString("code")).toList();
        assertEquals(List.of("PLANNING_PERMIT", "CONSTRUCTION_PERMIT"), reached);
        assertEquals(1, certificateAudits(project).size());
        JsonPath audit = awaitCertificateAudit(project);
        assertEquals("system", audit.getString("actor"));
        assertEquals("APPLIED", audit.getString("summary.result"));
        assertEquals(List.of("REACHED", "REACHED"), audit.getList("summary.milestones.result"));
        asAdmin().queryParam("entityType", "milestone").queryParam("entityId", (String) planning.get("id")).get("/api/projects/audit")
                .then().body("items[0].actor", org.hamcrest.Matchers.equalTo("system"))
                .body("items[0].summary.source", org.hamcrest.Matchers.equalTo("YJS20260312000101"));
    }

    @Test
    void aPartlyRefusedApplicationRecordsThePermitItGranted() {
        String project = Projects.register(TestData.creditCode());
        send(UUID.randomUUID(), completion(UUID.randomUUID(), "YJS20260312000201", project, ApprovalCompleted.PARTLY_REFUSED,
                List.of(planning("建字第370811202600201号")), List.of("CONSTRUCTION_PERMIT")));
        assertEquals("2026-03-10", awaitReached(project, "PLANNING_PERMIT").get("actualDate"));
        JsonPath audit = awaitCertificateAudit(project);
        assertEquals("PARTLY_REFUSED", audit.getString("summary.outcome"));
        assertEquals(List.of("PLANNING_PERMIT"), audit.getList("summary.milestones.milestone"));
        assertNull(milestone(project, "CONSTRUCTION_PERMIT").get("actualDate"));
    }

    @Test
    void aMilestoneStaffReachedFirstKeepsItsDateAndEvidence() {
        String project = Projects.register(TestData.creditCode());
        String planning = Projects.milestoneId(project, "PLANNING_PERMIT");
        asStaff().contentType("application/json").body("{\"version\": 0, \"actualDate\": \"2026-03-09\", \"evidence\": \"窗口领证，已扫描\"}")
                .post("/api/projects/" + project + "/milestones/" + planning + "/reach").then().statusCode(200);
        send(UUID.randomUUID(), completion(UUID.randomUUID(), "YJS20260312000301", project, ApprovalCompleted.COMPLETED,
                List.of(planning("建字第370811202600301号"), construction("370811202603120301", CONSTRUCTION_ISSUED)), List.of()));

        assertEquals("2026-03-12", awaitReached(project, "CONSTRUCTION_PERMIT").get("actualDate"));
        Map<String, Object> kept = milestone(project, "PLANNING_PERMIT");
        assertEquals("2026-03-09", kept.get("actualDate"));
        assertEquals("窗口领证，已扫描", kept.get("evidence"));
        assertEquals("staff.test", kept.get("loggedBy"));
        JsonPath audit = awaitCertificateAudit(project);
        assertEquals("PARTLY_APPLIED", audit.getString("summary.result"));
        assertEquals("ALREADY_REACHED", audit.getString("summary.milestones.find { it.milestone == 'PLANNING_PERMIT' }.result"));
        assertEquals("2026-03-09", audit.getString("summary.milestones.find { it.milestone == 'PLANNING_PERMIT' }.actualDate"));
        assertEquals("建字第370811202600301号", audit.getString("summary.milestones.find { it.milestone == 'PLANNING_PERMIT' }.certificate"));
        assertEquals(List.of("PLANNING_PERMIT", "CONSTRUCTION_PERMIT"), Projects.events(project, "project.milestone.reached").stream()
                .map(r -> JsonPath.from(r.value()).getString("code")).toList(), "no second event for the milestone staff reached");
    }

    @Test
    void anUnknownProjectIsAuditedAndTheConsumerGoesOn() {
        String unknown = UUID.randomUUID().toString();
        UUID application = UUID.randomUUID();
        send(UUID.randomUUID(), completion(application, "YJS20260312000401", unknown, ApprovalCompleted.COMPLETED,
                List.of(planning("建字第370811202600401号")), List.of()));
        JsonPath audit = awaitCertificateAudit(unknown);
        assertEquals("UNKNOWN_PROJECT", audit.getString("summary.result"));
        assertEquals(List.of("建字第370811202600401号"), audit.getList("summary.certificates"));

        String known = Projects.register(TestData.creditCode());
        send(UUID.randomUUID(), completion(application, "YJS20260312000401", known, ApprovalCompleted.COMPLETED,
                List.of(planning("建字第370811202600401号")), List.of()));
        assertEquals("2026-03-10", awaitReached(known, "PLANNING_PERMIT").get("actualDate"));
    }

    /**
     * Reaching a milestone has no stage rule: a project already under way (开工) gets its permits recorded late. The rule
     * that does apply, no actual date still to come, keeps a permit dated ahead open and says so.
     */
    @Test
    void aStartedProjectTakesItsPermitsButNotOneDatedInTheFuture() {
        String project = Projects.started(TestData.creditCode(), Map.of(), "2026-01-05", "2026-03-20");
        LocalDate ahead = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30);
        send(UUID.randomUUID(), completion(UUID.randomUUID(), "YJS20260312000501", project, ApprovalCompleted.COMPLETED,
                List.of(planning("建字第370811202600501号"), construction("370811202603120501", ahead)), List.of()));
        assertEquals("2026-03-10", awaitReached(project, "PLANNING_PERMIT").get("actualDate"));
        JsonPath audit = awaitCertificateAudit(project);
        assertEquals("DATE_IN_FUTURE", audit.getString("summary.milestones.find { it.milestone == 'CONSTRUCTION_PERMIT' }.result"));
        assertNull(milestone(project, "CONSTRUCTION_PERMIT").get("actualDate"));
    }

    @Test
    void anUnreadableApprovalEventGoesToTheDeadLetters() {
        UUID eventId = UUID.randomUUID();
        TestKafka.send("approvals", "k-" + eventId, "{\"applicationNumber\": \"YJS1\"}", Map.of("ce_id", eventId.toString(),
                "ce_type", ApprovalCompleted.TYPE.name(), "ce_source", "urn:hitech:service-desk-service", "ce_specversion", "1.0"));
        var parked = TestKafka.await("approvals.dlq", r -> ("k-" + eventId).equals(r.key()), Duration.ofSeconds(20));
        assertEquals("project-service.approval-milestones", TestKafka.header(parked, "dlq_consumer"));
    }
}
