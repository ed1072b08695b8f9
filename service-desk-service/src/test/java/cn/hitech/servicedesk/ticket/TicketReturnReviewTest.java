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
import static org.hamcrest.Matchers.equalTo;
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
import cn.hitech.servicedesk.support.TestClock;
import cn.hitech.servicedesk.support.Tickets;

/** 退单 review (驳回退单) and 延期 rejection (驳回延期): the dispatcher's and manager's answers to a department's requests. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TicketReturnReviewTest {

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
    void aRefusedReturnOfADispatchedOrderGoesBackToTheSameDepartmentWithItsOriginalDeadlines() {
        String id = register(TestData.creditCode());
        JsonPath dispatched = dispatch(id, "TAXATION");
        clock.at("2026-02-13T10:30+08:00");
        move(id, "return", "{\"reason\": \"属供电业务，非税务职责\"}");

        // The order stood returned past its sign limit: refusing the return does not give that time back.
        clock.at("2026-02-13T14:00+08:00");
        JsonPath back = move(id, "refuse-return", "{\"reason\": \"涉及电费发票，属税务职责\"}");
        assertEquals("DISPATCHED", back.getString("status"));
        assertEquals("TAXATION", back.getString("department"));
        assertEquals(dispatched.getString("deadlines.signBy"), back.getString("deadlines.signBy"));
        assertEquals(dispatched.getString("deadlines.resolveBy"), back.getString("deadlines.resolveBy"));
        assertEquals(dispatched.getString("deadlines.dispatchedAt"), back.getString("deadlines.dispatchedAt"));
        assertEquals("RED", back.getString("sla.colour"));
        assertNull(back.get("returnReason"));

        List<Map<String, Object>> moves = asStaff().get("/api/tickets/" + id + "/moves").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertEquals(List.of("dispatch", "return", "refuse-return"), moves.stream().map(m -> m.get("move")).toList());
        assertEquals("属供电业务，非税务职责", ((Map<?, ?>) moves.get(1).get("details")).get("reason"), "the return stays in the history");
        assertEquals("属供电业务，非税务职责", ((Map<?, ?>) moves.get(2).get("details")).get("returnReason"));
        assertEquals("涉及电费发票，属税务职责", ((Map<?, ?>) moves.get(2).get("details")).get("reason"));
        assertEquals(List.of("RETURNED", "DISPATCHED"), List.of(moves.get(2).get("from"), moves.get(2).get("to")));

        // Back in hand, it moves on as any dispatched order.
        assertEquals("SIGNED", move(id, "sign", "{}").getString("status"));
        assertEquals(List.of("dispatch", "return", "refuse-return", "sign"), Tickets.events(id, "ticket.status.changed").stream()
                .map(r -> JsonPath.from(r.value()).getString("move")).toList());
    }

    @Test
    void aRefusedReturnOfASignedOrderRestoresSignedWithItsSignTimeAndExtendedDeadline() {
        String id = signed(TestData.creditCode(), "REQUEST");
        move(id, "extension", "{\"days\": 2, \"reason\": \"需现场勘查\"}");
        move(id, "approve-extension", "{}");
        JsonPath before = get(id);
        clock.at("2026-02-14T10:00+08:00");
        move(id, "return", "{\"reason\": \"非本单位职责\"}");
        clock.at("2026-02-24T10:00+08:00");
        JsonPath back = move(id, "refuse-return", "{\"reason\": \"属本单位职责，请继续办理\"}");
        assertEquals("SIGNED", back.getString("status"));
        assertEquals(before.getString("deadlines.signedAt"), back.getString("deadlines.signedAt"));
        assertEquals(before.getString("deadlines.signBy"), back.getString("deadlines.signBy"));
        assertEquals(before.getString("deadlines.resolveBy"), back.getString("deadlines.resolveBy"), "the approved extension stands");
        assertEquals(2, back.getInt("extensionDaysGranted"));
        assertEquals("RESOLVED", move(id, "resolve", "{\"reply\": \"已办理\"}").getString("status"));
    }

    @Test
    void aReturnReviewIsForTheDispatcherAndOnlyOfAReturnedOrder() {
        String dispatched = register(TestData.creditCode());
        dispatch(dispatched, "TAXATION");
        refused(dispatched, "refuse-return", "{\"reason\": \"x\"}", "已派单");
        String registered = register(TestData.creditCode());
        refused(registered, "refuse-return", "{\"reason\": \"x\"}", "已受理");

        String returned = register(TestData.creditCode());
        dispatch(returned, "TAXATION");
        move(returned, "return", "{\"reason\": \"非本单位职责\"}");
        long before = version(returned);
        attempt(asStaff(), returned, "refuse-return", "{\"reason\": \" \"}").statusCode(400);
        attempt(asManager(), returned, "refuse-return", "{\"reason\": \"x\"}").statusCode(403);
        attempt(asEnterprise(TestData.creditCode()), returned, "refuse-return", "{\"reason\": \"x\"}").statusCode(403);
        asStaff().contentType("application/json").body("{\"reason\": \"x\"}").post("/api/tickets/" + returned + "/refuse-return")
                .then().statusCode(428);
        assertEquals(before, version(returned));
        assertEquals("RETURNED", get(returned).getString("status"));
        // Dispatching it elsewhere stays the other answer to a return.
        assertEquals("DISPATCHED", dispatch(returned, "POWER_SUPPLY").getString("status"));
        refused(returned, "refuse-return", "{\"reason\": \"x\"}", "已派单");
    }

    @Test
    void aRejectedExtensionClearsTheRequestAndLeavesTheDeadline() {
        String id = signed(TestData.creditCode(), "REQUEST");
        String resolveBy = get(id).getString("deadlines.resolveBy");
        move(id, "extension", "{\"days\": 3, \"reason\": \"需现场勘查线路\"}");
        attempt(asEnterprise(TestData.creditCode()), id, "reject-extension", "{\"reason\": \"x\"}").statusCode(403);
        attempt(asStaff(), id, "reject-extension", "{}").statusCode(400);

        JsonPath rejected = attempt(asManager(), id, "reject-extension", "{\"reason\": \"勘查可在时限内完成\"}").statusCode(200)
                .extract().jsonPath();
        assertNull(rejected.get("extensionDaysAsked"));
        assertNull(rejected.get("extensionReason"));
        assertEquals(resolveBy, rejected.getString("deadlines.resolveBy"));
        assertEquals(0, rejected.getInt("extensionDaysGranted"));
        Map<?, ?> details = asStaff().get("/api/tickets/" + id + "/moves").then().extract().jsonPath().getMap("[3].details");
        assertEquals("reject-extension", asStaff().get("/api/tickets/" + id + "/moves").then().extract().jsonPath().getString("[3].move"));
        assertEquals("勘查可在时限内完成", details.get("reason"));
        assertEquals("需现场勘查线路", details.get("requestReason"));

        long before = version(id);
        attempt(asStaff(), id, "reject-extension", "{\"reason\": \"再驳回\"}").statusCode(409).body("code", equalTo("NO_EXTENSION_REQUESTED"));
        assertEquals(before, version(id));
        // Asked again, it can be approved.
        move(id, "extension", "{\"days\": 1, \"reason\": \"设备到货延迟\"}");
        assertEquals(1, move(id, "approve-extension", "{}").getInt("extensionDaysGranted"));

        String dispatched = register(TestData.creditCode());
        dispatch(dispatched, "POWER_SUPPLY");
        refused(dispatched, "reject-extension", "{\"reason\": \"x\"}", "已派单");
    }

    private static void refused(String id, String move, String body, String status) {
        long before = version(id);
        attempt(asStaff(), id, move, body).statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("detail", org.hamcrest.Matchers.containsString("当前为「" + status + "」"));
        assertEquals(before, version(id));
        assertEquals(status, get(id).getString("statusLabel"));
    }
}
