package cn.hitech.enterprise.profile;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.events.Event;
import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.approval.ApprovalCompleted;
import cn.hitech.platform.events.approval.ApprovalStatusChanged;
import cn.hitech.platform.events.project.ProjectRegistration;
import cn.hitech.platform.events.project.ProjectStatusChanged;
import cn.hitech.platform.events.project.WarningChanged;
import cn.hitech.platform.events.ticket.TicketRegistered;
import cn.hitech.platform.events.ticket.TicketResolved;
import cn.hitech.platform.events.ticket.TicketStatusChanged;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;

/**
 * 一企一档 on the real broker: events of the project service, the service desk and the one-thing approvals, sent as their
 * outbox relays send them, become the enterprise's profile; a late older event does not undo a newer one; a repeated one
 * has one effect; an enterprise sees its own profile only; and a rebuild from the topics gives the same profile.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ProfileTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String register(String name) {
        String code = TestData.creditCode();
        asStaff().contentType("application/json").body(Map.of("creditCode", code, "name", name, "legalRepresentative", "张三丰"))
                .post("/api/enterprises").then().statusCode(201);
        return code;
    }

    /** As another service's relay sends an outbox row: CloudEvents headers, keyed by the aggregate. */
    private static <T extends Event> UUID send(String topic, EventType<T> type, T data) {
        UUID id = UUID.randomUUID();
        send(topic, type, data, id);
        return id;
    }

    private static <T extends Event> void send(String topic, EventType<T> type, T data, UUID id) {
        TestKafka.send(topic, data.aggregateId(), EventJson.write(data), Map.of("ce_id", id.toString(), "ce_type", type.name(),
                "ce_source", "urn:hitech:test", "ce_specversion", "1.0", "ce_time", Instant.now().toString(),
                "ce_subject", data.aggregateId(), "ce_dataschema", type.dataSchema(), "content-type", "application/json"));
    }

    private static JsonPath profile(String code) {
        return asStaff().get("/api/enterprises/" + code + "/profile").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theOtherServicesEventsBecomeTheEnterprisesProfile() {
        String code = register("济宁高新档案测试有限公司");
        UUID project = UUID.randomUUID();
        Instant t0 = Instant.parse("2026-02-13T02:00:00Z");
        send("projects", ProjectRegistration.TYPE, new ProjectRegistration(project, "智能装备产业园", code, "MUNICIPAL_KEY",
                "HIGH_END_EQUIPMENT", new BigDecimal("52000.00"), "RESERVE", t0));
        send("projects", ProjectStatusChanged.TYPE, new ProjectStatusChanged(project, "智能装备产业园", code, "SIGNED", "STARTED", "start",
                LocalDate.parse("2026-03-02"), t0.plusSeconds(3600)));
        // a newer red warning, then an older green one arriving late: the red one stays
        send("projects", WarningChanged.TYPE, new WarningChanged(project, "智能装备产业园", "GREEN", "RED",
                List.of(new WarningChanged.Reason("MILESTONE_OVERDUE", "RED", "施工许可逾期 12 天")), LocalDate.parse("2026-03-20"),
                t0.plusSeconds(7200)));
        send("projects", WarningChanged.TYPE, new WarningChanged(project, "智能装备产业园", null, "GREEN", List.of(),
                LocalDate.parse("2026-03-10"), t0.plusSeconds(5400)));

        UUID ticket = UUID.randomUUID();
        send("tickets", TicketRegistered.TYPE, new TicketRegistered(ticket, "GD20260213001", "HOTLINE", "COMPLAINT", "LAND_SUPPLY",
                code, "济宁高新档案测试有限公司", null, false, null, t0));
        send("tickets", TicketStatusChanged.TYPE, new TicketStatusChanged(ticket, "GD20260213001", code, "dispatch", "REGISTERED",
                "DISPATCHED", "NATURAL_RESOURCES", List.of(), null, null, null, "staff", t0.plusSeconds(60)));
        UUID resolvedEvent = send("tickets", TicketResolved.TYPE, new TicketResolved(ticket, "GD20260213001", code, null,
                "已协调自然资源局完成供地", "NATURAL_RESOURCES", t0.plusSeconds(86400)));
        send("tickets", TicketStatusChanged.TYPE, new TicketStatusChanged(ticket, "GD20260213001", code, "resolve", "SIGNED", "RESOLVED",
                "NATURAL_RESOURCES", List.of(), null, null, null, "staff", t0.plusSeconds(86400)));

        UUID application = UUID.randomUUID();
        send("approvals", ApprovalStatusChanged.TYPE, new ApprovalStatusChanged(application, "YJS2026021300001", "PROJECT_CONSTRUCTION_START",
                code, null, "submit", "NEW", "SUBMITTED", null, null, null, "enterprise", t0));
        send("approvals", ApprovalStatusChanged.TYPE, new ApprovalStatusChanged(application, "YJS2026021300001", "PROJECT_CONSTRUCTION_START",
                code, "PLANNING_PERMIT", "approve", "IN_PROGRESS", "APPROVED", "DECIDE", "NATURAL_RESOURCES", null, "staff",
                t0.plusSeconds(7000)));
        send("approvals", ApprovalStatusChanged.TYPE, new ApprovalStatusChanged(application, "YJS2026021300001", "PROJECT_CONSTRUCTION_START",
                code, null, "complete", "IN_PROGRESS", "COMPLETED", null, null, null, "staff", t0.plusSeconds(7200)));
        send("approvals", ApprovalCompleted.TYPE, new ApprovalCompleted(application, "YJS2026021300001", "PROJECT_CONSTRUCTION_START", 1,
                "项目开工一件事", code, "济宁高新档案测试有限公司", project, ApprovalCompleted.COMPLETED,
                List.of(new ApprovalCompleted.Certificate("PLANNING_PERMIT", "建设工程规划许可证", "ZZ20260213000001" + code.substring(10),
                        "济宁市自然资源和规划局高新区分局", LocalDate.parse("2026-02-13"), LocalDate.parse("2026-02-13"), null)),
                List.of(), null, t0.plusSeconds(7200)));

        JsonPath p = await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> profile(code),
                j -> j.getInt("projects.total") == 1 && "RED".equals(j.getString("projects.items[0].warningColour"))
                        && j.getInt("tickets.total") == 1 && "RESOLVED".equals(j.getString("tickets.recent[0].status"))
                        && j.getString("tickets.recent[0].reply") != null
                        && j.getInt("applications.total") == 1 && "COMPLETED".equals(j.getString("applications.recent[0].status"))
                        && j.getList("certificates").size() == 1);
        assertEquals("济宁高新档案测试有限公司", p.getString("enterprise.name"));
        assertEquals("STARTED", p.getString("projects.items[0].stage"));
        assertEquals("开工", p.getString("projects.items[0].stageLabel"));
        assertEquals("2026-03-02", p.getString("projects.items[0].stageOn"));
        assertEquals("施工许可逾期 12 天", p.getString("projects.items[0].warningReasons[0].message"));
        assertEquals(52000.00, p.getDouble("projects.items[0].totalInvestment"), 0.001);
        assertEquals(0, p.getInt("tickets.open"));
        assertEquals("已办结", p.getString("tickets.recent[0].statusLabel"));
        assertEquals("NATURAL_RESOURCES", p.getString("tickets.recent[0].department"));
        assertEquals("项目开工一件事", p.getString("applications.recent[0].thingName"));
        assertEquals("2026-02-13T02:00:00Z", p.getString("applications.recent[0].submittedAt"));
        assertEquals("建设工程规划许可证", p.getString("certificates[0].name"));
        assertTrue(p.getList("recentChanges").size() >= 1, "the register's own change history is in it");

        // the same ticket event again (a redelivery with its id): one effect, nothing changes
        send("tickets", TicketResolved.TYPE, new TicketResolved(ticket, "GD20260213001", code, null, "已协调自然资源局完成供地",
                "NATURAL_RESOURCES", t0.plusSeconds(86400)), resolvedEvent);
        assertEquals(1, profile(code).getInt("tickets.total"));

        // an enterprise sees its own profile, and nobody else's
        asEnterprise(code).get("/api/enterprises/" + code + "/profile").then().statusCode(200);
        String other = register("济宁高新别家有限公司");
        asEnterprise(other).get("/api/enterprises/" + code + "/profile").then().statusCode(404);
        JsonPath own = asEnterprise(other).get("/api/enterprises/" + other + "/profile").then().statusCode(200).extract().jsonPath();
        assertEquals(0, own.getInt("projects.total"));
        assertEquals(0, own.getInt("tickets.total"));

        // a manager need not see the legal representative whole
        String shown = asManager().get("/api/enterprises/" + code + "/profile").then().statusCode(200).extract().path("enterprise.legalRepresentative");
        assertTrue(shown == null || !shown.equals("张三丰"), "masked for a manager: " + shown);

        // rebuilt from the topics: the same profile
        asStaff().post("/api/enterprises/profiles/rebuild").then().statusCode(403);
        JsonPath rebuilt = asAdmin().post("/api/enterprises/profiles/rebuild").then().statusCode(200).extract().jsonPath();
        assertTrue(rebuilt.getLong("applied") >= 11, "applied " + rebuilt.getLong("applied"));
        JsonPath again = profile(code);
        assertEquals("RED", again.getString("projects.items[0].warningColour"));
        assertEquals("STARTED", again.getString("projects.items[0].stage"));
        assertEquals("RESOLVED", again.getString("tickets.recent[0].status"));
        assertEquals("COMPLETED", again.getString("applications.recent[0].status"));
        assertEquals(1, again.getList("certificates").size());
    }

    @Test
    void anUnknownEnterpriseHasNoProfile() {
        asStaff().get("/api/enterprises/" + TestData.creditCode() + "/profile").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
