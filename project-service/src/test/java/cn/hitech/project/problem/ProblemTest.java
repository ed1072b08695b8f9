package cn.hitech.project.problem;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.events.ticket.TicketResolved;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;
import cn.hitech.project.support.Projects;

/** 要素保障: raising sends project.problem.raised; a ticket.resolved from the service desk closes the problem once. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ProblemTest {

    private static String raise(String id, String category) {
        return asStaff().contentType("application/json")
                .body("{\"category\": \"" + category + "\", \"urgency\": \"URGENT\", \"description\": \"厂区双回路供电尚未接入\"}")
                .post("/api/projects/" + id + "/problems").then().statusCode(201).extract().path("id");
    }

    private static void sendTicketResolved(UUID eventId, UUID problemId, String number, String reply) {
        TicketResolved data = new TicketResolved(UUID.randomUUID(), number, TestData.creditCode(), problemId, reply, "供电所", Instant.now());
        TestKafka.send("tickets", data.aggregateId(), EventJson.write(data), Map.of("ce_id", eventId.toString(),
                "ce_type", TicketResolved.TYPE.name(), "ce_source", "/service-desk-service", "ce_specversion", "1.0"));
    }

    private static JsonPath problem(String projectId, String problemId) {
        return asStaff().get("/api/projects/" + projectId + "/problems/" + problemId).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitProblem(String projectId, String problemId, String status) {
        return await().atMost(Projects.WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> problem(projectId, problemId), p -> status.equals(p.getString("status")));
    }

    /** A move of a problem naming the version it is at now. */
    private static ValidatableResponse move(String projectId, String problemId, String move, String fields) {
        long version = problem(projectId, problemId).getLong("version");
        return asStaff().contentType("application/json").body("{\"version\": " + version + (fields.isEmpty() ? "" : ", " + fields) + "}")
                .post("/api/projects/" + projectId + "/problems/" + problemId + "/" + move).then();
    }

    private static List<String> auditActions(String problemId) {
        return asAdmin().queryParam("entityType", "problem").queryParam("entityId", problemId).get("/api/projects/audit").then()
                .statusCode(200).extract().jsonPath().getList("items.action");
    }

    @Test
    void aRaisedProblemIsAnEventForTheServiceDesk() {
        String owner = TestData.creditCode();
        String id = Projects.register(owner);
        String problem = raise(id, "UTILITIES");
        asStaff().get("/api/projects/" + id + "/problems").then().body("[0].categoryLabel", equalTo("水电气暖"))
                .body("[0].statusLabel", equalTo("待解决")).body("[0].urgencyLabel", equalTo("紧急"));
        JsonPath event = JsonPath.from(Projects.awaitEvent(id, "project.problem.raised").value());
        assertEquals(problem, event.getString("problemId"));
        assertEquals("UTILITIES", event.getString("category"));
        assertEquals(owner, event.getString("ownerCreditCode"));
        asManager().get("/api/projects/problems/open").then().body("id", hasItem(problem));
    }

    @Test
    void resolvingByHandClosesOnceAndBadInputChangesNothing() {
        String id = Projects.register(TestData.creditCode());
        asStaff().contentType("application/json").body("{\"category\": \"MAGIC\", \"description\": \"x\"}")
                .post("/api/projects/" + id + "/problems").then().statusCode(400);
        asStaff().contentType("application/json").body("{\"category\": \"LAND\", \"description\": \" \"}")
                .post("/api/projects/" + id + "/problems").then().statusCode(400).body("errors[0].field", equalTo("description"));
        String problem = raise(id, "LAND");
        asStaff().get("/api/projects/" + id + "/problems/" + problem).then().statusCode(200).header("ETag", "\"0\"")
                .body("status", equalTo("OPEN"));
        move(id, problem, "resolve", "\"resolution\": \"\"").statusCode(400);
        move(id, problem, "resolve", "\"resolution\": \"土地指标已落实\"").statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolvedBy", equalTo("staff.test")).body("version", equalTo(1));
        // The refusal says where the problem stands, by whom and when (as users read times, in Asia/Shanghai) it was resolved.
        String resolvedAt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"))
                .format(Instant.parse(problem(id, problem).getString("resolvedAt")));
        move(id, problem, "resolve", "\"resolution\": \"again\"").statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("detail", equalTo("问题当前为「已解决」（" + resolvedAt + " 由 staff.test 办结），不能再次办结：只有「待解决」的问题可以办结"));
        asStaff().contentType("application/json").body("{\"version\": 1, \"resolution\": \"x\"}")
                .post("/api/projects/" + Projects.register(TestData.creditCode()) + "/problems/" + problem + "/resolve").then().statusCode(404);
        asStaff().get("/api/projects/" + id + "/problems").then().body("size()", equalTo(1)).body("[0].resolution", equalTo("土地指标已落实"))
                .body("[0].version", equalTo(1));
    }

    @Test
    void aResolvedProblemIsReopenedWithAReasonAndResolvedAgain() {
        String id = Projects.register(TestData.creditCode());
        String problem = raise(id, "UTILITIES");
        move(id, problem, "resolve", "\"resolution\": \"已接入一路供电\"").statusCode(200);
        move(id, problem, "reopen", "\"reason\": \"第二路仍未接入\"").statusCode(200).body("status", equalTo("OPEN"))
                .body("statusLabel", equalTo("待解决")).body("reopenReason", equalTo("第二路仍未接入")).body("resolution", equalTo(null))
                .body("resolvedAt", equalTo(null));
        asManager().get("/api/projects/problems/open").then().body("id", hasItem(problem));
        move(id, problem, "resolve", "\"resolution\": \"双回路均已接入\"").statusCode(200).body("status", equalTo("RESOLVED"))
                .body("reopenReason", equalTo(null)).body("resolution", equalTo("双回路均已接入")).body("version", equalTo(3));
        assertEquals(List.of("resolve", "reopen", "resolve", "raise"), auditActions(problem));
        // The service desk hears of the reopening, with what was said before and why it did not hold.
        List<cn.hitech.platform.events.project.ProblemReopened> reopened = Projects.events(id, "project.problem.reopened").stream()
                .map(r -> cn.hitech.platform.events.EventJson.read(r.value(), cn.hitech.platform.events.project.ProblemReopened.class))
                .toList();
        assertEquals(1, reopened.size());
        assertEquals(problem, reopened.get(0).problemId().toString());
        assertEquals("第二路仍未接入", reopened.get(0).reason());
        assertEquals("已接入一路供电", reopened.get(0).previousResolution());
        assertEquals("UTILITIES", reopened.get(0).category());
        assertEquals("staff.test", reopened.get(0).reopenedBy());
        asAdmin().queryParam("entityType", "problem").queryParam("entityId", problem).get("/api/projects/audit").then()
                .body("items[1].summary.reason", equalTo("第二路仍未接入"))
                .body("items[1].summary.previousResolution", equalTo("已接入一路供电"));
    }

    @Test
    void reopeningAnOpenProblemIsRefusedAndAReasonIsRequired() {
        String id = Projects.register(TestData.creditCode());
        String problem = raise(id, "FUNDS");
        move(id, problem, "reopen", "\"reason\": \"x\"").statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("detail", equalTo("问题当前为「待解决」，不能重新打开：只有「已解决」的问题可以重新打开"));
        move(id, problem, "resolve", "\"resolution\": \"已协调贷款\"").statusCode(200);
        move(id, problem, "reopen", "").statusCode(400).body("errors.field", hasItem("reason"));
        move(id, problem, "reopen", "\"reason\": \" \"").statusCode(400).body("errors.field", hasItem("reason"));
        JsonPath after = problem(id, problem);
        assertEquals("RESOLVED", after.getString("status"));
        assertEquals(1, after.getLong("version"));
        assertEquals(List.of("resolve", "raise"), auditActions(problem), "refused moves leave no audit entry");
    }

    @Test
    void anEnterpriseRaisesProblemsOnlyOnItsOwnProjects() {
        String owner = TestData.creditCode();
        String id = Projects.register(owner);
        String body = "{\"category\": \"LABOUR\", \"description\": \"技术工人招聘困难\"}";
        asEnterprise(owner).contentType("application/json").body(body).post("/api/projects/" + id + "/problems").then().statusCode(201)
                .body("raisedBy", equalTo("ent-" + owner));
        asEnterprise(TestData.creditCode()).contentType("application/json").body(body).post("/api/projects/" + id + "/problems").then()
                .statusCode(404);
        asEnterprise(owner).contentType("application/json").body("{\"version\": 0, \"resolution\": \"x\"}")
                .post("/api/projects/" + id + "/problems/" + UUID.randomUUID() + "/resolve").then().statusCode(403);
        asEnterprise(owner).get("/api/projects/" + id + "/problems/" + raise(id, "LABOUR")).then().statusCode(200);
    }

    @Test
    void aResolvedTicketClosesItsProblemOnceHoweverOftenItArrives() {
        String id = Projects.register(TestData.creditCode());
        String problem = raise(id, "UTILITIES");
        UUID eventId = UUID.randomUUID();
        sendTicketResolved(eventId, UUID.fromString(problem), "GD20260405000012", "供电公司已完成双回路接入");
        sendTicketResolved(eventId, UUID.fromString(problem), "GD20260405000012", "供电公司已完成双回路接入");
        JsonPath closed = awaitProblem(id, problem, "RESOLVED");
        assertEquals("RESOLVED", closed.getString("status"));
        assertEquals("GD20260405000012", closed.getString("ticketNumber"));
        assertEquals("供电公司已完成双回路接入", closed.getString("resolution"));
        assertEquals("供电所", closed.getString("resolvedBy"));

        // A later event for an unknown problem is consumed without effect, and the consumer keeps going.
        sendTicketResolved(UUID.randomUUID(), UUID.randomUUID(), "GD20260405000013", "无关工单");
        String second = raise(id, "FUNDS");
        sendTicketResolved(UUID.randomUUID(), UUID.fromString(second), "GD20260405000014", "已协调贷款");
        assertEquals("GD20260405000014", awaitProblem(id, second, "RESOLVED").getString("ticketNumber"));
        asAdmin().queryParam("entityType", "problem").queryParam("entityId", problem).get("/api/projects/audit").then()
                .body("items.action", org.hamcrest.Matchers.contains("resolve", "raise"));

        // Reopened by staff, the problem is closed again by the ticket's next resolution: the consumer names no version.
        move(id, problem, "reopen", "\"reason\": \"企业反映仍停电\"").statusCode(200);
        sendTicketResolved(UUID.randomUUID(), UUID.fromString(problem), "GD20260405000012", "已彻底修复");
        assertEquals("已彻底修复", awaitProblem(id, problem, "RESOLVED").getString("resolution"));
    }

    @Test
    void anUnreadableTicketEventGoesToTheDeadLetters() {
        UUID eventId = UUID.randomUUID();
        TestKafka.send("tickets", "k-" + eventId, "{\"ticketNumber\": 12", Map.of("ce_id", eventId.toString(),
                "ce_type", TicketResolved.TYPE.name(), "ce_source", "/service-desk-service", "ce_specversion", "1.0"));
        var parked = TestKafka.await("tickets.dlq", r -> ("k-" + eventId).equals(r.key()), Duration.ofSeconds(20));
        assertEquals(eventId.toString(), TestKafka.header(parked, "ce_id"));
    }
}
