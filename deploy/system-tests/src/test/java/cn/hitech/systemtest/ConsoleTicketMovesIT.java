package cn.hitech.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.restassured.path.json.JsonPath;

/**
 * The ticket moves no other browser journey drives, in a real browser: 派单 with 协办 departments (co-handling, 会签),
 * 退单 and 驳回退单 (the return refused: back to the department with the deadlines it had), and 并单 (a duplicate merged
 * into its parent), with a merge naming no existing parent refused in Chinese under the parent field. The journey makes
 * its own two tickets through the API and checks each move against the ticket and its move history as the API answers.
 */
class ConsoleTicketMovesIT extends ConsoleJourney {

    /** The 承办单位 of the demo staff account (投资促进局). */
    private static final String STAFF_DEPARTMENT = "INVESTMENT_PROMOTION";

    @Test
    void staffCoHandleReturnRefuseTheReturnAndMergeADuplicateThroughTheMoveForms() {
        String hotline = PackagedSuite.login("hotline", "Hotline@2026");
        String staff = PackagedSuite.login("staff", "Staff@2026");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonPath parent = register(hotline, "联调并单：厂区门前道路积水 " + tag, "厂区门前道路雨后积水严重，影响货车进出，请协调排水。");
        JsonPath child = register(hotline, "联调并单：厂区门前道路雨后积水 " + tag, "门前道路雨后积水，货车进出困难，请尽快排水。");
        String parentId = parent.getString("id");
        String childId = child.getString("id");
        List<Map<String, String>> departments = given().auth().oauth2(staff).when().get("/api/tickets/departments").then()
                .statusCode(200).extract().jsonPath().getList("$");
        List<Map<String, String>> assisting = departments.stream().filter(d -> !STAFF_DEPARTMENT.equals(d.get("code"))).limit(2).toList();
        assertEquals(2, assisting.size(), "the API lists at least two other departments");

        Page page = browser.signIn("staff", "Staff@2026");
        page.navigate(gateway + "/#/work/tickets/" + parentId);
        awaitStatus(page, "REGISTERED");

        // 派单 to the staff member's department with two 协办 departments (co-handling): the API keeps both.
        move(page, "dispatch");
        Locator dispatch = page.locator("form[data-move=dispatch]");
        dispatch.locator("select[name=department]").selectOption(STAFF_DEPARTMENT);
        for (Map<String, String> d : assisting) {
            dispatch.locator("input[name=assistingDepartments][value='" + d.get("code") + "']").check();
        }
        dispatch.locator("textarea[name=note]").fill("请投资促进局牵头，会同协办单位办理");
        submit(page, "dispatch");
        awaitStatus(page, "DISPATCHED");
        JsonPath dispatched = ticket(staff, parentId);
        assertEquals("DISPATCHED", dispatched.getString("status"));
        assertEquals(STAFF_DEPARTMENT, dispatched.getString("department"));
        assertEquals(assisting.stream().map(d -> d.get("code")).toList(), dispatched.getList("assistingDepartments"));
        Map<String, Object> dispatchMove = lastMove(staff, parentId);
        assertEquals("dispatch", dispatchMove.get("move"));
        Locator history = page.locator("#ticket-history");
        for (Map<String, String> d : assisting) {
            assertTrue(history.innerText().contains(d.get("name")), "the history names the 协办 department " + d.get("name"));
        }

        // 退单 without a reason: refused under the field; then with one: back to the dispatcher (已退单).
        move(page, "return");
        submit(page, "return");
        assertChinese(fieldError(page, "return", "reason"));
        assertEquals("DISPATCHED", ticket(staff, parentId).getString("status"));
        String returnReason = "排水设施属市政管理，非本单位职责";
        page.locator("form[data-move=return] textarea[name=reason]").fill(returnReason);
        submit(page, "return");
        awaitStatus(page, "RETURNED");
        JsonPath returned = ticket(staff, parentId);
        assertEquals("RETURNED", returned.getString("status"));
        assertEquals(returnReason, returned.getString("returnReason"));
        Map<String, Object> returnMove = lastMove(staff, parentId);
        assertEquals("return", returnMove.get("move"));
        assertEquals("DISPATCHED", returnMove.get("from"));
        assertEquals("RETURNED", returnMove.get("to"));

        // 驳回退单: the ticket goes back to the department it was returned from, with the deadlines it had.
        move(page, "refuse-return");
        page.locator("form[data-move=refuse-return] textarea[name=reason]").fill("道路属园区自管，请投资促进局牵头协调");
        submit(page, "refuse-return");
        awaitStatus(page, "DISPATCHED");
        JsonPath refused = ticket(staff, parentId);
        assertEquals("DISPATCHED", refused.getString("status"));
        assertEquals(STAFF_DEPARTMENT, refused.getString("department"));
        assertEquals(dispatched.getString("deadlines.signBy"), refused.getString("deadlines.signBy"));
        Map<String, Object> refuseMove = lastMove(staff, parentId);
        assertEquals("refuse-return", refuseMove.get("move"));
        assertEquals("RETURNED", refuseMove.get("from"));
        assertEquals("DISPATCHED", refuseMove.get("to"));
        page.locator("#ticket-history tbody tr", new Page.LocatorOptions().setHasText("驳回退单")).waitFor();

        // 并单 of the duplicate: a parent that does not exist is refused under the field, in Chinese; then into the parent.
        page.navigate(gateway + "/#/work/tickets/" + childId);
        awaitStatus(page, "REGISTERED");
        move(page, "merge");
        Locator merge = page.locator("form[data-move=merge]");
        merge.locator("input[name=parent]").fill("GD00000000000000");
        submit(page, "merge");
        assertChinese(fieldError(page, "merge", "parent"));
        assertEquals("REGISTERED", ticket(staff, childId).getString("status"));
        merge.locator("input[name=parent]").fill(parent.getString("number"));
        merge.locator("textarea[name=reason]").fill("同一企业同一诉求");
        submit(page, "merge");
        awaitStatus(page, "MERGED");
        JsonPath merged = ticket(staff, childId);
        assertEquals("MERGED", merged.getString("status"));
        assertEquals(parentId, merged.getString("mergedInto.id"));
        Map<String, Object> mergeMove = lastMove(staff, childId);
        assertEquals("merge", mergeMove.get("move"));
        assertEquals("MERGED", mergeMove.get("to"));
        assertTrue(ticket(staff, parentId).getList("mergedChildren.id").contains(childId), "the parent lists the child");
        page.locator("a[href='#/work/tickets/" + parentId + "']").first().waitFor();
        assertTrue(page.locator("#ticket-history").innerText().contains("主工单 " + parent.getString("number")),
                "the history names the parent by its number");

        // The parent's page lists the child, and no longer offers 并单 (one level of merging).
        page.locator("a[href='#/work/tickets/" + parentId + "']").first().click();
        awaitStatus(page, "DISPATCHED");
        page.locator("a[href='#/work/tickets/" + childId + "']").waitFor();
        assertEquals(0, page.locator("button[data-move=merge]").count(), "a parent is not merged itself");
        ConsoleBrowser.screenshot(page, "staff-ticket-moves");
        page.context().close();

        // The suite runs on real time: take the parent to its close, the child follows (随主单关闭).
        long version = post(staff, parentId, "sign", refused.getLong("version"), "{}").getLong("version");
        version = post(staff, parentId, "resolve", version, "{\"reply\": \"已协调排水，道路积水已清除。\", \"outcome\": \"已解决\"}").getLong("version");
        post(staff, parentId, "call-back", version, "{\"satisfaction\": \"SATISFIED\", \"solved\": true}");
        given().auth().oauth2(staff).when().get("/api/tickets/" + childId).then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    private static JsonPath register(String token, String title, String description) {
        return given().auth().oauth2(token).contentType("application/json").body("""
                {"channel": "HOTLINE", "category": "REQUEST", "title": "%s", "description": "%s",
                 "contactName": "赵先生", "contactPhone": "13805372468"}""".formatted(title, description))
                .when().post("/api/tickets").then().statusCode(201).body("status", equalTo("REGISTERED")).extract().jsonPath();
    }

    private static JsonPath post(String token, String id, String move, long version, String body) {
        return given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"" + version + "\"").body(body)
                .when().post("/api/tickets/" + id + "/" + move).then().statusCode(200).extract().jsonPath();
    }

    /** The latest row of the ticket's move history (staff only). */
    private static Map<String, Object> lastMove(String token, String id) {
        List<Map<String, Object>> moves = given().auth().oauth2(token).when().get("/api/tickets/" + id + "/moves").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertTrue(!moves.isEmpty(), "the ticket has a move history");
        return moves.get(moves.size() - 1);
    }
}
