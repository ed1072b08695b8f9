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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import cn.hitech.servicedesk.supervision.SupervisionJob;
import cn.hitech.servicedesk.support.TestClock;
import cn.hitech.servicedesk.support.Tickets;

/** 并单: a duplicate goes into its parent, stops its clocks and follows the parent's outcome; every refused merge changes nothing. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TicketMergeTest {

    @Inject
    TestClock clock;

    @Inject
    SupervisionJob job;

    @BeforeEach
    void fridayBeforeTheSpringFestival() {
        clock.at("2026-02-13T10:00+08:00");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void childrenFollowTheParentsReplyAndCloseWithItEachAsASystemMoveWithoutADepartment() {
        String parent = register(TestData.creditCode());
        dispatch(parent, "POWER_SUPPLY");
        String childCode = TestData.creditCode();
        String child = register(childCode);
        dispatch(child, "POWER_SUPPLY");
        String second = register(TestData.creditCode());
        String parentNumber = get(parent).getString("number");

        JsonPath merged = move(child, "merge", "{\"parent\": \"" + parentNumber + "\", \"reason\": \"同一地块供电问题\"}");
        assertEquals("MERGED", merged.getString("status"));
        assertEquals("已并单", merged.getString("statusLabel"));
        assertEquals(parentNumber, merged.getString("mergedInto.number"));
        assertEquals(parent, merged.getString("mergedInto.id"));
        assertNull(merged.get("sla"), "no clock runs on a merged ticket");
        move(second, "merge", "{\"parent\": \"" + parent + "\"}");

        JsonPath parentView = get(parent);
        assertEquals(List.of(child, second), parentView.getList("mergedChildren.id"), "in the order they were merged");
        assertEquals(get(child).getString("number"), parentView.getString("mergedChildren[0].number"));
        refused(child, "sign", "{}", "已并单");
        refused(child, "dispatch", "{\"department\": \"FINANCE\"}", "已并单");

        move(parent, "sign", "{}");
        clock.at("2026-02-13T15:00+08:00");
        move(parent, "resolve", "{\"reply\": \"已完成该片区线路改造\", \"outcome\": \"已通电\"}");
        JsonPath followed = get(child);
        assertEquals("MERGED", followed.getString("status"));
        assertEquals("已完成该片区线路改造", followed.getString("reply"));
        assertEquals("已通电", followed.getString("outcome"));
        assertEquals("2026-02-13T07:00:00Z", followed.getString("deadlines.resolvedAt"));

        move(parent, "call-back", "{\"satisfaction\": \"SATISFIED\", \"solved\": true}");
        assertEquals("CLOSED", get(child).getString("status"));
        assertEquals("CLOSED", get(second).getString("status"));
        assertEquals("已完成该片区线路改造", get(second).getString("reply"));

        // The child's enterprise sees the answer on its own ticket.
        JsonPath seen = asEnterprise(childCode).get("/api/tickets/" + child).then().statusCode(200).extract().jsonPath();
        assertEquals("CLOSED", seen.getString("status"));
        assertEquals("已完成该片区线路改造", seen.getString("reply"));
        assertTrue(asEnterprise(childCode).get("/api/tickets/" + child + "/timeline").then().statusCode(200).extract().jsonPath()
                .getList("text").contains("办结：已完成该片区线路改造"));

        List<Map<String, Object>> moves = asStaff().get("/api/tickets/" + child + "/moves").then().statusCode(200).extract()
                .jsonPath().getList("$");
        assertEquals(List.of("dispatch", "merge", "parent-resolved", "parent-closed"), moves.stream().map(m -> m.get("move")).toList());
        assertEquals("POWER_SUPPLY", moves.get(0).get("department"));
        // After the merge the parent's moves are the department's work: the child's carry none, so nothing counts twice.
        assertEquals(java.util.Arrays.asList(null, null, null), moves.subList(1, 4).stream().map(m -> m.get("department")).toList());
        assertEquals(List.of("staff.test", "system", "system"), moves.subList(1, 4).stream().map(m -> m.get("actor")).toList());
        assertEquals(parentNumber, ((Map<?, ?>) moves.get(2).get("details")).get("mergedInto"));
        assertEquals("同一地块供电问题", ((Map<?, ?>) moves.get(1).get("details")).get("reason"));
        assertEquals(List.of("dispatch", "merge", "parent-resolved", "parent-closed"), Tickets.events(child, "ticket.status.changed")
                .stream().map(r -> JsonPath.from(r.value()).getString("move")).toList());
        assertNull(JsonPath.from(Tickets.events(child, "ticket.status.changed").get(3).value()).get("department"));
    }

    @Test
    void aReopenedParentLeavesItsChildrenMergedAndTheyFollowItsNextReply() {
        String parent = signed(TestData.creditCode(), "COMPLAINT");
        String child = register(TestData.creditCode());
        move(child, "merge", "{\"parent\": \"" + parent + "\"}");
        move(parent, "resolve", "{\"reply\": \"已安排上门\"}");
        assertEquals("已安排上门", get(child).getString("reply"));

        assertEquals("SIGNED", move(parent, "call-back", "{\"satisfaction\": \"UNSATISFIED\", \"solved\": false}").getString("status"));
        assertEquals("MERGED", get(child).getString("status"), "重办 of the parent moves no child");
        move(parent, "resolve", "{\"reply\": \"已更换变压器\"}");
        assertEquals("已更换变压器", get(child).getString("reply"));
        move(parent, "call-back", "{\"satisfaction\": \"BASICALLY_SATISFIED\", \"solved\": true}");
        assertEquals("CLOSED", get(child).getString("status"));
        assertEquals(List.of("merge", "parent-resolved", "parent-resolved", "parent-closed"), asStaff()
                .get("/api/tickets/" + child + "/moves").then().extract().jsonPath().getList("move"));
    }

    @Test
    void aChildMergedIntoAResolvedParentTakesItsReplyAtOnceAndADirectAnswerClosesChildren() {
        String resolved = signed(TestData.creditCode(), "REQUEST");
        move(resolved, "resolve", "{\"reply\": \"已办理完毕\"}");
        String late = register(TestData.creditCode());
        JsonPath merged = move(late, "merge", "{\"parent\": \"" + resolved + "\"}");
        assertEquals("MERGED", merged.getString("status"));
        assertEquals("已办理完毕", merged.getString("reply"));

        String answered = register(TestData.creditCode(), "CONSULTATION", false);
        String duplicate = register(TestData.creditCode(), "CONSULTATION", false);
        move(duplicate, "merge", "{\"parent\": \"" + answered + "\"}");
        move(answered, "answer", "{\"answer\": \"可在网上国网App办理\"}");
        JsonPath closed = get(duplicate);
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals("可在网上国网App办理", closed.getString("reply"));
        assertNotNull(closed.get("deadlines.closedAt"));
    }

    @Test
    void refusedMergesAnswerWithTheirCodeAndChangeNothing() {
        String open = register(TestData.creditCode());
        String openNumber = get(open).getString("number");

        String closed = register(TestData.creditCode());
        move(closed, "answer", "{\"answer\": \"已答复\"}");
        refused(closed, "merge", "{\"parent\": \"" + openNumber + "\"}", "已关闭");

        String resolved = signed(TestData.creditCode(), "REQUEST");
        move(resolved, "resolve", "{\"reply\": \"已办理\"}");
        refused(resolved, "merge", "{\"parent\": \"" + openNumber + "\"}", "已办结");

        String child = register(TestData.creditCode());
        move(child, "merge", "{\"parent\": \"" + open + "\"}");
        refused(child, "merge", "{\"parent\": \"" + openNumber + "\"}", "已并单");

        String other = register(TestData.creditCode());
        unchanged(other, "merge", "{\"parent\": \"" + other + "\"}", 422, "MERGE_INTO_ITSELF");
        unchanged(other, "merge", "{\"parent\": \"" + child + "\"}", 409, "PARENT_NOT_OPEN");
        unchanged(other, "merge", "{\"parent\": \"" + closed + "\"}", 409, "PARENT_NOT_OPEN");
        unchanged(other, "merge", "{\"parent\": \"GD19990101999999\"}", 422, "UNKNOWN_PARENT");
        unchanged(open, "merge", "{\"parent\": \"" + other + "\"}", 409, "HAS_MERGED_CHILDREN");
        attempt(asStaff(), other, "merge", "{\"parent\": \" \"}").statusCode(400);
        attempt(asManager(), other, "merge", "{\"parent\": \"" + openNumber + "\"}").statusCode(403);
        attempt(asEnterprise(TestData.creditCode()), other, "merge", "{\"parent\": \"" + openNumber + "\"}").statusCode(403);
        asStaff().contentType("application/json").body("{\"parent\": \"" + openNumber + "\"}").post("/api/tickets/" + other + "/merge")
                .then().statusCode(428);
        assertEquals("REGISTERED", get(other).getString("status"));
        assertEquals(List.of(child), get(open).getList("mergedChildren.id"));
    }

    @Test
    void theSupervisionJobLeavesAMergedTicketAlone() {
        String parent = register(TestData.creditCode());
        String child = register(TestData.creditCode());
        dispatch(child, "POWER_SUPPLY");
        move(child, "merge", "{\"parent\": \"" + parent + "\"}");
        // Long past the sign limit the child had when it was merged.
        clock.at("2026-03-02T10:00+08:00");
        job.run();
        JsonPath after = get(child);
        assertEquals(0, after.getInt("urgeCount"));
        assertNull(after.get("supervision"));
        assertEquals(List.of("dispatch", "merge"), asStaff().get("/api/tickets/" + child + "/moves").then().extract().jsonPath()
                .getList("move"));
    }

    private static void refused(String id, String move, String body, String status) {
        long before = version(id);
        attempt(asStaff(), id, move, body).statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("detail", org.hamcrest.Matchers.containsString("当前为「" + status + "」"));
        assertEquals(before, version(id));
        assertEquals(status, get(id).getString("statusLabel"));
    }

    private static void unchanged(String id, String move, String body, int status, String code) {
        long before = version(id);
        String statusBefore = get(id).getString("status");
        attempt(asStaff(), id, move, body).statusCode(status).body("code", equalTo(code));
        assertEquals(before, version(id));
        assertEquals(statusBefore, get(id).getString("status"));
    }
}
