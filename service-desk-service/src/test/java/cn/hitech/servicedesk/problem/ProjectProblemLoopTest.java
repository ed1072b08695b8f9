package cn.hitech.servicedesk.problem;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.support.Tickets.WAIT;
import static cn.hitech.servicedesk.support.Tickets.move;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.events.project.ProblemRaised;
import cn.hitech.platform.events.project.ProblemReopened;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;
import cn.hitech.servicedesk.support.TestClock;
import cn.hitech.servicedesk.support.Tickets;

/**
 * The service desk's half of the project-problem loop on the real broker: problems produced on {@code projects} as
 * project-service's relay sends them become routed, dispatched tickets; resolving one answers the problem; a problem
 * opened again reopens its ticket.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ProjectProblemLoopTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void fridayBeforeTheSpringFestival() {
        clock.at("2026-02-13T10:00+08:00");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aRaisedProblemBecomesATicketDispatchedToTheDepartmentOfItsCategory() {
        UUID projectId = UUID.randomUUID();
        UUID problemId = UUID.randomUUID();
        String owner = TestData.creditCode();
        send(projectId, UUID.randomUUID(), raised(projectId, problemId, owner, "LAND", "URGENT"));

        JsonPath ticket = awaitTicket(problemId);
        assertEquals("PROJECT_PROBLEM", ticket.getString("channel"));
        assertEquals("项目问题", ticket.getString("channelLabel"));
        assertEquals("DISPATCHED", ticket.getString("status"));
        assertEquals("NATURAL_RESOURCES", ticket.getString("department"));
        assertEquals("自然资源和规划分局", ticket.getString("departmentName"));
        assertEquals("济宁高新区智能装备产业园项目·用地问题", ticket.getString("title"));
        assertEquals("项目二期用地指标尚未落实，影响开工。", ticket.getString("description"));
        assertEquals(owner, ticket.getString("enterpriseCreditCode"));
        assertEquals("济宁高新区智能装备产业园项目", ticket.getString("enterpriseName"), "unknown to the directory: the project's name");
        assertEquals(projectId.toString(), ticket.getString("projectId"));
        assertTrue(ticket.getBoolean("urgent"));
        assertEquals("2026-02-13T02:00:00Z", ticket.getString("deadlines.dispatchedAt"));
        assertEquals("2026-02-13T03:00:00Z", ticket.getString("deadlines.signBy"), "urgent: 1 working hour");
        assertEquals("2026-02-27T09:30:00Z", ticket.getString("deadlines.resolveBy"), "5 working days across the Spring Festival");

        String id = ticket.getString("id");
        List<Map<String, Object>> history = asStaff().get("/api/tickets/" + id + "/moves").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(List.of("dispatch"), history.stream().map(m -> m.get("move")).toList());
        assertEquals("system", history.get(0).get("actor"));
        JsonPath dispatched = JsonPath.from(Tickets.events(id, "ticket.status.changed").get(0).value());
        assertEquals("dispatch", dispatched.getString("move"));
        assertEquals("system", dispatched.getString("actor"));
        assertEquals("NATURAL_RESOURCES", dispatched.getString("department"));
    }

    @Test
    void theSameEventDeliveredTwiceMakesOneTicket() {
        UUID projectId = UUID.randomUUID();
        UUID problemId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String data = raised(projectId, problemId, TestData.creditCode(), "FUNDS", "NORMAL");
        send(projectId, eventId, data);
        send(projectId, eventId, data);
        // A later problem of the same project (same key, same partition) arrives after both copies: once its ticket is
        // there, both copies have been consumed.
        UUID later = UUID.randomUUID();
        send(projectId, UUID.randomUUID(), raised(projectId, later, TestData.creditCode(), "LABOUR", "NORMAL"));
        assertEquals("HUMAN_RESOURCES", awaitTicket(later).getString("department"));

        JsonPath page = asStaff().queryParam("problemId", problemId).get("/api/tickets").then().statusCode(200).extract().jsonPath();
        assertEquals(1, page.getInt("total"));
        assertEquals("FINANCE", page.getString("items[0].department"));
        assertEquals("2026-02-13T04:00:00Z", page.getString("items[0].deadlines.signBy"), "not urgent: 2 working hours");
    }

    @Test
    void resolvingTheTicketTellsTheProjectServiceWhichProblemItAnswers() {
        UUID projectId = UUID.randomUUID();
        UUID problemId = UUID.randomUUID();
        send(projectId, UUID.randomUUID(), raised(projectId, problemId, TestData.creditCode(), "UTILITIES", "NORMAL"));
        String id = awaitTicket(problemId).getString("id");
        assertEquals("POWER_SUPPLY", Tickets.get(id).getString("department"));

        move(id, "sign", "{}");
        move(id, "resolve", "{\"reply\": \"已完成双回路供电接入，设备可满负荷调试\"}");

        var resolved = Tickets.events(id, "ticket.resolved");
        assertEquals(1, resolved.size());
        JsonPath event = JsonPath.from(resolved.get(0).value());
        assertEquals(problemId.toString(), event.getString("problemId"));
        assertEquals("已完成双回路供电接入，设备可满负荷调试", event.getString("reply"));
        assertEquals(Tickets.get(id).getString("number"), event.getString("ticketNumber"));
        assertEquals("供电公司", event.getString("resolvedBy"));
    }

    @Test
    void aReopenedProblemReopensItsResolvedTicketToTheSameDepartment() {
        UUID projectId = UUID.randomUUID();
        UUID problemId = UUID.randomUUID();
        send(projectId, UUID.randomUUID(), raised(projectId, problemId, TestData.creditCode(), "ENERGY", "NORMAL"));
        String id = awaitTicket(problemId).getString("id");
        move(id, "sign", "{}");
        move(id, "resolve", "{\"reply\": \"能耗指标已调剂\"}");

        clock.at("2026-02-24T10:00+08:00");
        send(projectId, UUID.randomUUID(), EventJson.write(new ProblemReopened(projectId, problemId, "济宁高新区智能装备产业园项目",
                null, "ENERGY", "调剂指标不足，仍缺 2000 吨标准煤", "能耗指标已调剂", Tickets.get(id).getString("number"), "staff.test",
                Instant.now())), ProblemReopened.TYPE.name());

        JsonPath reopened = await("ticket " + id + " reopened").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> Tickets.get(id), t -> "SIGNED".equals(t.getString("status")));
        assertEquals("DEVELOPMENT_REFORM", reopened.getString("department"));
        assertEquals(1, reopened.getInt("reopenCount"));
        assertEquals("2026-03-02T09:30:00Z", reopened.getString("deadlines.resolveBy"), "5 working days from Tue 24 Feb, Sat 28 worked");
        assertNull(reopened.get("deadlines.resolvedAt"));

        List<Map<String, Object>> history = asStaff().get("/api/tickets/" + id + "/moves").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Object> last = history.get(history.size() - 1);
        assertEquals("reopen", last.get("move"));
        assertEquals("system", last.get("actor"));
        assertEquals("调剂指标不足，仍缺 2000 吨标准煤", ((Map<?, ?>) last.get("details")).get("reason"));
        List<JsonPath> moves = Tickets.events(id, "ticket.status.changed").stream().map(r -> JsonPath.from(r.value())).toList();
        assertEquals(List.of("dispatch", "sign", "resolve", "reopen"), moves.stream().map(e -> e.getString("move")).toList());
        assertEquals("SIGNED", moves.get(3).getString("to"));
        assertTrue(asAdmin().queryParam("entityId", id).get("/api/tickets/audit").then().statusCode(200).extract().jsonPath()
                .getList("items.action").contains("reopen"));
    }

    @Test
    void aReopenedProblemWhoseTicketIsStillInHandChangesNothingAndIsRecorded() {
        UUID projectId = UUID.randomUUID();
        UUID problemId = UUID.randomUUID();
        send(projectId, UUID.randomUUID(), raised(projectId, problemId, TestData.creditCode(), "APPROVAL", "NORMAL"));
        JsonPath before = awaitTicket(problemId);
        String id = before.getString("id");

        send(projectId, UUID.randomUUID(), EventJson.write(new ProblemReopened(projectId, problemId, "济宁高新区智能装备产业园项目",
                null, "APPROVAL", "施工许可仍未办结", null, null, "staff.test", Instant.now())), ProblemReopened.TYPE.name());

        await("the refused reopen of " + id + " recorded").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> asAdmin().queryParam("entityId", id).get("/api/tickets/audit").then().statusCode(200).extract()
                        .jsonPath().getList("items.action"), actions -> actions.contains("reopen-refused"));
        JsonPath after = Tickets.get(id);
        assertEquals("DISPATCHED", after.getString("status"));
        assertEquals("ADMINISTRATIVE_APPROVAL", after.getString("department"));
        assertEquals(before.getLong("version"), after.getLong("version"), "nothing changed");
        assertEquals(0, after.getInt("reopenCount"));
        assertFalse(Tickets.events(id, "ticket.status.changed").stream()
                .anyMatch(r -> "reopen".equals(JsonPath.from(r.value()).getString("move"))));
    }

    @Test
    void aCategoryWithoutARouteTakesTheOtherRoute() {
        UUID projectId = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        send(projectId, UUID.randomUUID(), raised(projectId, unknown, TestData.creditCode(), "PARKING", "NORMAL"));
        send(projectId, UUID.randomUUID(), raised(projectId, other, TestData.creditCode(), "OTHER", "NORMAL"));
        JsonPath unrouted = awaitTicket(unknown);
        assertEquals("INVESTMENT_PROMOTION", unrouted.getString("department"));
        assertEquals("投资促进局", unrouted.getString("departmentName"));
        assertEquals("DISPATCHED", unrouted.getString("status"));
        assertEquals("INVESTMENT_PROMOTION", awaitTicket(other).getString("department"));
    }

    @Test
    void anOwnerKnownToTheDirectoryGivesTheTicketItsName() {
        String owner = TestData.creditCode();
        TestKafka.send("enterprises", owner, """
                {"creditCode": "%s", "name": "山东铭德机械有限公司", "industry": "高端装备", "scale": "ABOVE_SCALE",
                 "grid": "黄屯街道第1网格", "commissioner": "王芳", "revision": 0, "occurredAt": "%s"}"""
                .formatted(owner, Instant.now()), headers(UUID.randomUUID(), "enterprise.registered"));
        await("directory entry " + owner).atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> asStaff().get("/api/tickets/enterprise-directory/" + owner).statusCode() == 200);
        UUID projectId = UUID.randomUUID();
        UUID problemId = UUID.randomUUID();
        send(projectId, UUID.randomUUID(), raised(projectId, problemId, owner, "LABOUR", "NORMAL"));
        JsonPath ticket = awaitTicket(problemId);
        assertEquals("山东铭德机械有限公司", ticket.getString("enterpriseName"));
        assertEquals("王芳", ticket.getString("commissioner"));
    }

    private static String raised(UUID projectId, UUID problemId, String owner, String category, String urgency) {
        return EventJson.write(new ProblemRaised(projectId, problemId, "济宁高新区智能装备产业园项目", owner, category, urgency,
                "项目二期用地指标尚未落实，影响开工。", "staff.test", Instant.now()));
    }

    private static void send(UUID projectId, UUID eventId, String data) {
        send(projectId, eventId, data, ProblemRaised.TYPE.name());
    }

    private static void send(UUID projectId, UUID eventId, String data, String type) {
        TestKafka.send("projects", projectId.toString(), data, headers(eventId, type));
    }

    private static Map<String, String> headers(UUID eventId, String type) {
        return Map.of("ce_id", eventId.toString(), "ce_type", type, "ce_specversion", "1.0", "ce_source", "urn:hitech:project-service",
                "ce_time", Instant.now().toString());
    }

    /** The one ticket taken up from {@code problemId}, once the consumer has registered it. */
    private static JsonPath awaitTicket(UUID problemId) {
        JsonPath page = await("the ticket of problem " + problemId).atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> asStaff().queryParam("problemId", problemId).queryParam("channel", "PROJECT_PROBLEM").get("/api/tickets")
                        .then().statusCode(200).extract().jsonPath(), p -> p.getInt("total") > 0);
        assertEquals(1, page.getInt("total"));
        return JsonPath.from(asStaff().get("/api/tickets/" + page.getString("items[0].id")).then().statusCode(200).extract().asString());
    }
}
