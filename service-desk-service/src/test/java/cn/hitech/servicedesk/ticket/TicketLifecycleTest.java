package cn.hitech.servicedesk.ticket;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.support.Tickets.attempt;
import static cn.hitech.servicedesk.support.Tickets.dispatch;
import static cn.hitech.servicedesk.support.Tickets.get;
import static cn.hitech.servicedesk.support.Tickets.move;
import static cn.hitech.servicedesk.support.Tickets.register;
import static cn.hitech.servicedesk.support.Tickets.signed;
import static cn.hitech.servicedesk.support.Tickets.version;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;
import cn.hitech.servicedesk.support.TestClock;
import cn.hitech.servicedesk.support.Tickets;

/** Every move of a ticket through the API: allowed ones and their events, refused ones (409, nothing changed), versions, roles. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TicketLifecycleTest {

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
    void aTicketGoesFromRegistrationToCloseAndEveryMoveIsEventedInOrder() {
        String code = TestData.creditCode();
        String id = register(code);

        JsonPath dispatched = move(id, "dispatch", """
                {"department": "POWER_SUPPLY", "assistingDepartments": ["DEVELOPMENT_REFORM", "POWER_SUPPLY"], "note": "双回路供电"}""");
        assertEquals("DISPATCHED", dispatched.getString("status"));
        assertEquals("供电公司", dispatched.getString("departmentName"));
        // The lead department is not its own helper: listed once, as the 主办.
        assertEquals(List.of("DEVELOPMENT_REFORM"), dispatched.getList("assistingDepartments"));
        assertEquals(1, dispatched.getInt("version"));

        assertEquals("SIGNED", move(id, "sign", "{}").getString("status"));
        JsonPath resolved = move(id, "resolve", "{\"reply\": \"供电公司已完成双回路接入\", \"outcome\": \"已通电\"}");
        assertEquals("RESOLVED", resolved.getString("status"));
        assertEquals("2026-02-24T09:30:00Z", resolved.getString("deadlines.callBackBy"), "2 working days: Sat 14 (worked), Tue 24");
        JsonPath closed = move(id, "call-back", "{\"satisfaction\": \"SATISFIED\", \"solved\": true}");
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals("SATISFIED", closed.getString("satisfaction"));
        assertNull(closed.get("sla"), "no limit runs on a closed ticket");

        List<JsonPath> moves = Tickets.events(id, "ticket.status.changed").stream().map(r -> JsonPath.from(r.value())).toList();
        assertEquals(List.of("dispatch", "sign", "resolve", "call-back"), moves.stream().map(e -> e.getString("move")).toList());
        assertEquals(List.of("REGISTERED", "DISPATCHED", "SIGNED", "RESOLVED"), moves.stream().map(e -> e.getString("from")).toList());
        assertEquals(List.of("DISPATCHED", "SIGNED", "RESOLVED", "CLOSED"), moves.stream().map(e -> e.getString("to")).toList());
        assertEquals("POWER_SUPPLY", moves.get(0).getString("department"));
        assertEquals(List.of("DEVELOPMENT_REFORM"), moves.get(0).getList("assistingDepartments"));
        assertEquals("2026-02-27T09:30:00Z", moves.get(0).getString("resolveBy"));
        assertEquals(code, moves.get(0).getString("creditCode"));

        var resolvedEvents = Tickets.events(id, "ticket.resolved");
        assertEquals(1, resolvedEvents.size());
        JsonPath event = JsonPath.from(resolvedEvents.get(0).value());
        assertEquals("供电公司已完成双回路接入", event.getString("reply"));
        assertEquals("供电公司", event.getString("resolvedBy"));
        assertNull(event.get("problemId"), "a hotline ticket has no project problem");
        assertEquals("urn:hitech:event:ticket.resolved:v1", TestKafka.header(resolvedEvents.get(0), "ce_dataschema"));

        List<Map<String, Object>> history = asStaff().get("/api/tickets/" + id + "/moves").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(List.of("dispatch", "sign", "resolve", "call-back"), history.stream().map(m -> m.get("move")).toList());
        assertEquals("staff.test", history.get(0).get("actor"));
        assertEquals(true, ((Map<?, ?>) history.get(1).get("details")).get("inTime"));
        cn.hitech.platform.testkit.Api.asAdmin().queryParam("entityId", id).get("/api/tickets/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("call-back", "resolve", "sign", "dispatch", "register")));
    }

    @Test
    void aDirectAnswerClosesTheTicketAtIntake() {
        String id = register(TestData.creditCode(), "CONSULTATION", false);
        JsonPath closed = move(id, "answer", "{\"answer\": \"用电报装可在网上国网App办理，3个工作日内答复\"}");
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals("用电报装可在网上国网App办理，3个工作日内答复", closed.getString("reply"));
        assertEquals(List.of("answer"), Tickets.events(id, "ticket.status.changed").stream()
                .map(r -> JsonPath.from(r.value()).getString("move")).toList());
    }

    @Test
    void aReturnedOrderGoesBackToTheDispatcherWhoDispatchesItAgain() {
        String id = register(TestData.creditCode());
        dispatch(id, "TAXATION");
        attempt(asStaff(), id, "return", "{\"reason\": \" \"}").statusCode(400);
        JsonPath returned = move(id, "return", "{\"reason\": \"属供电业务，非税务职责\"}");
        assertEquals("RETURNED", returned.getString("status"));
        assertEquals("属供电业务，非税务职责", returned.getString("returnReason"));
        assertNull(returned.get("deadlines.signBy"), "the returning department's limits stop");

        clock.at("2026-02-14T09:30+08:00");
        JsonPath again = dispatch(id, "POWER_SUPPLY");
        assertEquals("DISPATCHED", again.getString("status"));
        assertEquals("POWER_SUPPLY", again.getString("department"));
        assertEquals("2026-02-14T03:30:00Z", again.getString("deadlines.signBy"), "the sign limit starts again from the new dispatch");
        assertEquals(List.of("dispatch", "return", "dispatch"), Tickets.events(id, "ticket.status.changed").stream()
                .map(r -> JsonPath.from(r.value()).getString("move")).toList());
    }

    @Test
    void aReturnAfterTwoWorkingDaysIsRefused() {
        String id = register(TestData.creditCode());
        dispatch(id, "TAXATION");
        long before = version(id);
        // Fri 13 + 2 working days = Sat 14 (worked), Tue 24: returns close at 17:30 on the 24th.
        clock.at("2026-02-25T09:10+08:00");
        attempt(asStaff(), id, "return", "{\"reason\": \"非本单位职责\"}").statusCode(422)
                .body("code", equalTo("RETURN_TOO_LATE")).body("detail", containsString("2026-02-24 17:30"));
        assertEquals(before, version(id));
        clock.at("2026-02-24T17:00+08:00");
        assertEquals("RETURNED", move(id, "return", "{\"reason\": \"非本单位职责\"}").getString("status"));
    }

    @Test
    void anApprovedExtensionAddsItsWorkingDaysWithinTenInAll() {
        String id = signed(TestData.creditCode(), "REQUEST");
        JsonPath asked = move(id, "extension", "{\"days\": 3, \"reason\": \"需现场勘查线路\"}");
        assertEquals(3, asked.getInt("extensionDaysAsked"));
        assertEquals("2026-02-27T09:30:00Z", asked.getString("deadlines.resolveBy"), "asking moves nothing");
        attempt(asStaff(), id, "extension", "{\"days\": 1, \"reason\": \"再加一天\"}").statusCode(409).body("code", equalTo("EXTENSION_PENDING"));

        JsonPath approved = attempt(asManager(), id, "approve-extension", "{}").statusCode(200).extract().jsonPath();
        // Fri 27 17:30 + 3 working days: Sat 28 Feb (a make-up working day), Mon 2 and Tue 3 March.
        assertEquals("2026-03-03T09:30:00Z", approved.getString("deadlines.resolveBy"));
        assertEquals(3, approved.getInt("extensionDaysGranted"));
        assertNull(approved.get("extensionDaysAsked"));

        long before = version(id);
        attempt(asStaff(), id, "extension", "{\"days\": 8, \"reason\": \"设备到货延迟\"}").statusCode(422)
                .body("code", equalTo("EXTENSION_LIMIT")).body("detail", containsString("7"));
        assertEquals(before, version(id));
        attempt(asStaff(), id, "extension", "{\"days\": 11, \"reason\": \"太多\"}").statusCode(400);
        attempt(asStaff(), id, "approve-extension", "{}").statusCode(409).body("code", equalTo("NO_EXTENSION_REQUESTED"));
        move(id, "extension", "{\"days\": 7, \"reason\": \"设备到货延迟\"}");
        assertEquals(10, move(id, "approve-extension", "{}").getInt("extensionDaysGranted"));
    }

    @Test
    void aSuspensionStopsTheResolveClockAndResumingMovesTheDeadlineByThePausedWorkingTime() {
        String id = signed(TestData.creditCode(), "REQUEST");
        clock.at("2026-02-13T15:00+08:00");
        JsonPath suspended = move(id, "suspend", "{\"reason\": \"等待企业补充用电负荷材料\"}");
        assertEquals("SUSPENDED", suspended.getString("status"));
        // Left at suspension: Fri 15:00–17:30 (2.5 h), Sat 14 (7 h), 24–27 Feb (28 h) = 37.5 working hours.
        assertEquals(2250, suspended.getInt("sla.workingMinutesLeft"));
        assertEquals(true, suspended.getBoolean("sla.paused"));

        clock.at("2026-02-14T10:00+08:00");
        assertEquals(2250, get(id).getInt("sla.workingMinutesLeft"), "the count stands still while suspended");
        attempt(asStaff(), id, "resolve", "{\"reply\": \"x\"}").statusCode(409);

        // Paused 3.5 working hours (Fri 15:00–17:30, Sat 09:00–10:00): Fri 27 17:30 moves to Sat 28 Feb (worked) 14:00.
        JsonPath resumed = move(id, "resume", "{}");
        assertEquals("SIGNED", resumed.getString("status"));
        assertEquals("2026-02-28T06:00:00Z", resumed.getString("deadlines.resolveBy"));
        assertEquals(2250, resumed.getInt("sla.workingMinutesLeft"), "resumed where it stood");
        assertNull(resumed.get("suspendedAt"));
    }

    @Test
    void anUnsatisfiedUnsolvedCallBackReopensTheTicketToTheSameDepartmentWithANewDeadline() {
        String code = TestData.creditCode();
        String id = signed(code, "COMPLAINT");
        move(id, "resolve", "{\"reply\": \"已协调供电所上门\"}");
        clock.at("2026-03-02T10:00+08:00");
        // The enterprise rates its own ticket.
        JsonPath reopened = attempt(asEnterprise(code), id, "call-back", "{\"satisfaction\": \"UNSATISFIED\", \"solved\": false}")
                .statusCode(200).extract().jsonPath();
        assertEquals("SIGNED", reopened.getString("status"));
        assertEquals("POWER_SUPPLY", reopened.getString("department"));
        assertEquals(1, reopened.getInt("reopenCount"));
        assertEquals("2026-03-09T09:30:00Z", reopened.getString("deadlines.resolveBy"), "5 working days from Tue 3 March");
        assertNull(reopened.get("deadlines.callBackBy"));

        move(id, "resolve", "{\"reply\": \"已完成线路改造\"}");
        // Unsatisfied but solved closes: 重办 is for what is still unsolved.
        assertEquals("CLOSED", move(id, "call-back", "{\"satisfaction\": \"UNSATISFIED\", \"solved\": true}").getString("status"));
        assertEquals(List.of("dispatch", "sign", "resolve", "reopen", "resolve", "call-back"),
                Tickets.events(id, "ticket.status.changed").stream().map(r -> JsonPath.from(r.value()).getString("move")).toList());
        assertEquals(2, Tickets.events(id, "ticket.resolved").size());
    }

    @Test
    void aMoveNotAllowedFromTheCurrentStatusIsA409NamingStatusAndMoveAndChangesNothing() {
        String registered = register(TestData.creditCode());
        refused(registered, "sign", "{}", "已受理", "签收");
        refused(registered, "resolve", "{\"reply\": \"x\"}", "已受理", "办结");

        String dispatched = register(TestData.creditCode());
        dispatch(dispatched, "POWER_SUPPLY");
        refused(dispatched, "resolve", "{\"reply\": \"x\"}", "已派单", "办结");
        refused(dispatched, "answer", "{\"answer\": \"x\"}", "已派单", "直接答复");
        refused(dispatched, "dispatch", "{\"department\": \"FINANCE\"}", "已派单", "派单");

        String returned = register(TestData.creditCode());
        dispatch(returned, "POWER_SUPPLY");
        move(returned, "return", "{\"reason\": \"非本单位职责\"}");
        refused(returned, "sign", "{}", "已退单", "签收");

        String signed = signed(TestData.creditCode(), "REQUEST");
        refused(signed, "sign", "{}", "已签收", "签收");
        refused(signed, "resume", "{}", "已签收", "恢复办理");
        refused(signed, "call-back", "{\"satisfaction\": \"SATISFIED\", \"solved\": true}", "已签收", "回访");

        String suspended = signed(TestData.creditCode(), "REQUEST");
        move(suspended, "suspend", "{\"reason\": \"等待材料\"}");
        refused(suspended, "extension", "{\"days\": 1, \"reason\": \"x\"}", "已挂起", "申请延期");
        refused(suspended, "suspend", "{\"reason\": \"x\"}", "已挂起", "挂起");

        String resolved = signed(TestData.creditCode(), "REQUEST");
        move(resolved, "resolve", "{\"reply\": \"已办理\"}");
        refused(resolved, "suspend", "{\"reason\": \"x\"}", "已办结", "挂起");
        refused(resolved, "resolve", "{\"reply\": \"x\"}", "已办结", "办结");

        String closed = register(TestData.creditCode());
        move(closed, "answer", "{\"answer\": \"已答复\"}");
        refused(closed, "dispatch", "{\"department\": \"FINANCE\"}", "已关闭", "派单");
        refused(closed, "call-back", "{\"satisfaction\": \"SATISFIED\", \"solved\": true}", "已关闭", "回访");
        refused(closed, "call-back", "{\"satisfaction\": \"UNSATISFIED\", \"solved\": false}", "已关闭", "重办");
    }

    private static void refused(String id, String move, String body, String status, String moveLabel) {
        long before = version(id);
        String statusBefore = get(id).getString("status");
        attempt(asStaff(), id, move, body).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("detail", allOf(containsString("当前为「" + status + "」"), containsString("不能" + moveLabel)));
        assertEquals(before, version(id), move + " from " + status + " changed the version");
        assertEquals(statusBefore, get(id).getString("status"));
    }

    @Test
    void everyMoveNamesTheVersionItRead() {
        String id = register(TestData.creditCode());
        asStaff().contentType("application/json").body("{\"department\": \"POWER_SUPPLY\"}").post("/api/tickets/" + id + "/dispatch")
                .then().statusCode(428).body("code", equalTo("VERSION_REQUIRED"));
        asStaff().contentType("application/json").post("/api/tickets/" + id + "/sign").then().statusCode(428);
        asStaff().contentType("application/json").body("{\"department\": \"POWER_SUPPLY\", \"version\": 7}")
                .post("/api/tickets/" + id + "/dispatch").then().statusCode(409).body("code", equalTo("CONCURRENT_MODIFICATION"));
        assertEquals("REGISTERED", get(id).getString("status"));
        assertEquals(0, version(id));
        // The body's version serves as well as If-Match; the answer's ETag is the version the next move names.
        asStaff().contentType("application/json").body("{\"department\": \"POWER_SUPPLY\", \"version\": 0}")
                .post("/api/tickets/" + id + "/dispatch").then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void aDispatchNamesAKnownDepartment() {
        String id = register(TestData.creditCode());
        attempt(asStaff(), id, "dispatch", "{\"department\": \"NO_SUCH_BUREAU\"}").statusCode(422)
                .body("code", equalTo("UNKNOWN_DEPARTMENT")).body("detail", containsString("NO_SUCH_BUREAU"));
        attempt(asStaff(), id, "dispatch", "{\"department\": \"FINANCE\", \"assistingDepartments\": [\"NOPE\"]}").statusCode(422);
        attempt(asStaff(), id, "dispatch", "{}").statusCode(400);
        assertEquals(0, version(id));
        assertEquals("REGISTERED", get(id).getString("status"));
    }

    @Test
    void movesAreForTheirRolesAndAnEnterpriseRatesOnlyItsOwnTickets() {
        String own = TestData.creditCode();
        String id = register(own);
        attempt(asManager(), id, "dispatch", "{\"department\": \"POWER_SUPPLY\"}").statusCode(403);
        attempt(asEnterprise(own), id, "dispatch", "{\"department\": \"POWER_SUPPLY\"}").statusCode(403);
        dispatch(id, "POWER_SUPPLY");
        attempt(asEnterprise(own), id, "sign", "{}").statusCode(403);
        move(id, "sign", "{}");
        attempt(asEnterprise(own), id, "resolve", "{\"reply\": \"x\"}").statusCode(403);
        move(id, "resolve", "{\"reply\": \"已办理\"}");

        String other = TestData.creditCode();
        attempt(asEnterprise(other), id, "call-back", "{\"satisfaction\": \"SATISFIED\", \"solved\": true}").statusCode(404);
        asEnterprise(other).get("/api/tickets/" + id).then().statusCode(404);
        asEnterprise(other).get("/api/tickets").then().statusCode(200).body("items.id", everyItem(org.hamcrest.Matchers.not(id)));
        asEnterprise(own).get("/api/tickets/" + id + "/moves").then().statusCode(403);
        asEnterprise(own).get("/api/tickets").then().statusCode(200).body("items.enterpriseCreditCode", everyItem(equalTo(own)));
        assertEquals("RESOLVED", get(id).getString("status"));

        JsonPath rated = attempt(asEnterprise(own), id, "call-back", "{\"satisfaction\": \"BASICALLY_SATISFIED\", \"solved\": true}")
                .statusCode(200).extract().jsonPath();
        assertEquals("CLOSED", rated.getString("status"));
        assertEquals("ENTERPRISE", asStaff().get("/api/tickets/" + id + "/moves").then().extract().jsonPath().getString("[3].actorRole"));
    }
}
