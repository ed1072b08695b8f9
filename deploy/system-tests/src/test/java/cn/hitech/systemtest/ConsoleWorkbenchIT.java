package cn.hitech.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The staff workbench in a real browser: a ticket taken from dispatch to resolution through its move buttons (with a
 * stale move and a refused one shown in Chinese where they belong), and a one-thing application accepted at the window
 * and one item step approved. Each journey creates its own ticket or application through the API and checks every move
 * against what the API answers next.
 */
class ConsoleWorkbenchIT extends ConsoleJourney {

    /** The demo enterprise account's own enterprise (山推工程机械股份有限公司). */
    private static final String DEMO_ENTERPRISE = "913708005DJJR2UA03";
    /** The 承办单位 of the demo staff account (投资促进局): the one the ticket is dispatched to and signed by. */
    private static final String STAFF_DEPARTMENT = "INVESTMENT_PROMOTION";

    private static final String[] IN_HAND = {"REGISTERED", "DISPATCHED", "SIGNED", "SUSPENDED", "RETURNED", "RESOLVED"};

    @Test
    void staffTakeATicketFromDispatchToResolutionThroughItsMoveButtons() {
        String hotline = PackagedSuite.login("hotline", "Hotline@2026");
        String staff = PackagedSuite.login("staff", "Staff@2026");
        String title = "工作台联调：园区道路照明维修 " + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = given().auth().oauth2(hotline).contentType("application/json").body("""
                {"channel": "HOTLINE", "category": "REQUEST", "title": "%s",
                 "description": "园区东侧道路夜间照明不足，请协调维修。", "contactName": "王先生", "contactPhone": "13805371234"}"""
                .formatted(title)).when().post("/api/tickets").then().statusCode(201).body("status", equalTo("REGISTERED"))
                .extract().jsonPath();
        String id = created.getString("id");
        String number = created.getString("number");
        assertTrue(departmentCodes(staff).contains(STAFF_DEPARTMENT), "the API lists " + STAFF_DEPARTMENT);

        long started = System.nanoTime();
        Page page = browser.signIn("staff", "Staff@2026");
        assertTrue(page.url().endsWith("#/work/tickets"), "staff land on 我的工单: " + page.url());
        page.locator("#ticket-queue[data-loaded=true] .total").waitFor();
        System.out.printf("console: sign-in to the ticket queue in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        // Find it in the queue: every department, 已受理 (no running limit, so the newest first); open it.
        page.locator("#ticket-filters select[name=department]").selectOption("all");
        page.locator("#ticket-filters select[name=status]").selectOption("REGISTERED");
        page.locator("#ticket-filters button[type=submit]").click();
        page.locator("#ticket-queue[data-scope=all][data-loaded=true] a[data-ticket='" + number + "']").click();
        awaitStatus(page, "REGISTERED");

        // 派单 without a department: refused, the reason under the field; then to the staff member's department.
        move(page, "dispatch");
        submit(page, "dispatch");
        assertChinese(fieldError(page, "dispatch", "department"));
        assertEquals("REGISTERED", ticket(staff, id).getString("status"));
        page.locator("form[data-move=dispatch] select[name=department]").selectOption(STAFF_DEPARTMENT);
        submit(page, "dispatch");
        awaitStatus(page, "DISPATCHED");
        JsonPath dispatched = ticket(staff, id);
        assertEquals("DISPATCHED", dispatched.getString("status"));
        assertEquals(STAFF_DEPARTMENT, dispatched.getString("department"));
        assertEquals(dispatched.getString("sla.colour"), page.locator(".work-head .work-deadline").getAttribute("data-colour"));

        // Meanwhile a manager urges it (催办) on the same page in a browser of their own: a manager is offered 催办 and
        // 督办, not the department's moves. The staff page's 签收 then names a stale version and is refused.
        Page managerPage = browser.signIn("manager", "Manager@2026");
        managerPage.navigate(gateway + "/#/work/tickets/" + id);
        awaitStatus(managerPage, "DISPATCHED");
        assertEquals(0, managerPage.locator("button[data-move=sign]").count(), "a manager does not sign");
        assertTrue(managerPage.locator("button[data-move=supervise]").isVisible(), "a manager may supervise");
        move(managerPage, "urge");
        managerPage.locator("form[data-move=urge] textarea[name=note]").fill("请尽快签收");
        submit(managerPage, "urge");
        managerPage.locator("[data-notice]").waitFor();
        JsonPath urged = ticket(staff, id);
        assertEquals(1, urged.getInt("urgeCount"));
        assertEquals(dispatched.getLong("version") + 1, urged.getLong("version"));
        managerPage.context().close();
        move(page, "sign");
        submit(page, "sign");
        Locator stale = page.locator("form[data-move=sign] hc-problem .detail");
        stale.waitFor();
        assertChinese(stale.innerText());
        assertEquals("DISPATCHED", ticket(staff, id).getString("status"));
        page.locator("form[data-move=sign] button[data-action=reload]").click();
        page.locator("[data-notice]").waitFor();
        move(page, "sign");
        submit(page, "sign");
        awaitStatus(page, "SIGNED");
        assertEquals("SIGNED", ticket(staff, id).getString("status"));

        // 申请延期 of 2 working days, and a dispatcher's 批准延期: the resolve deadline moves on.
        move(page, "extension");
        page.locator("form[data-move=extension] input[name=days]").fill("2");
        page.locator("form[data-move=extension] textarea[name=reason]").fill("需协调物业采购灯具");
        submit(page, "extension");
        page.locator("button[data-move=approve-extension]").waitFor();
        assertEquals(2, ticket(staff, id).getInt("extensionDaysAsked"));
        move(page, "approve-extension");
        submit(page, "approve-extension");
        page.locator("button[data-move=extension]").waitFor();
        JsonPath extended = ticket(staff, id);
        assertEquals(2, extended.getInt("extensionDaysGranted"));
        assertTrue(Instant.parse(extended.getString("deadlines.resolveBy"))
                .isAfter(Instant.parse(dispatched.getString("deadlines.resolveBy"))), "the resolve deadline moved on");

        // 办结 with an empty reply: the field's error; then with the reply.
        move(page, "resolve");
        submit(page, "resolve");
        assertChinese(fieldError(page, "resolve", "reply"));
        assertEquals("SIGNED", ticket(staff, id).getString("status"));
        String reply = "已协调物业更换路灯，夜间照明恢复正常。";
        page.locator("form[data-move=resolve] textarea[name=reply]").fill(reply);
        page.locator("form[data-move=resolve] input[name=outcome]").fill("已解决");
        submit(page, "resolve");
        awaitStatus(page, "RESOLVED");
        JsonPath resolved = ticket(staff, id);
        assertEquals("RESOLVED", resolved.getString("status"));
        assertEquals(reply, resolved.getString("reply"));
        assertEquals(reply, page.locator("[data-reply]").innerText().strip());
        page.locator("#ticket-timeline li[data-move=resolve]").waitFor();
        assertTrue(page.locator("button[data-move=call-back]").isVisible(), "回访 is offered once resolved");
        assertEquals(0, page.locator("button[data-move=resolve]").count(), "办结 is no longer offered");
        ConsoleBrowser.screenshot(page, "staff-ticket-resolved");
        page.context().close();
        // The suite runs on real time: close the ticket (回访), so no call-back limit of a test ticket runs red on the demo.
        given().auth().oauth2(staff).contentType("application/json").header("If-Match", "\"" + resolved.getLong("version") + "\"")
                .body("{\"satisfaction\": \"SATISFIED\", \"solved\": true}").when().post("/api/tickets/" + id + "/call-back")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void staffAcceptAOneThingApplicationAndApproveOneItemStep() {
        String enterprise = PackagedSuite.login("enterprise", "Enterprise@2026");
        String staff = PackagedSuite.login("staff", "Staff@2026");
        JsonPath submitted = given().auth().oauth2(enterprise).contentType("application/json").body("""
                {"thing": "ENTERPRISE_INQUIRY", "answers": {"enterpriseName": "山推工程机械股份有限公司", "creditCode": "%s",
                 "purpose": "OTHER", "agentName": "刘经办", "agentId": "370811199001011236", "inquiryScope": "BASIC",
                 "contactPhone": "13805370003"}}""".formatted(DEMO_ENTERPRISE))
                .when().post("/api/approvals/applications").then().statusCode(201).body("status", equalTo("SUBMITTED"))
                .extract().jsonPath();
        String id = submitted.getString("id");
        String number = submitted.getString("number");
        String item = submitted.getString("items[0].code");

        Page page = browser.signIn("staff", "Staff@2026");
        page.locator("nav.side a", new Page.LocatorOptions().setHasText("一件事审批任务")).click();
        page.locator("#approval-filters select[name=scope]").selectOption("all");
        page.locator("#approval-filters select[name=status]").selectOption("SUBMITTED");
        page.locator("#approval-filters button[type=submit]").click();
        page.locator("#approval-list a[data-application='" + number + "']").click();
        page.locator("#application-state[data-status=SUBMITTED]").waitFor(attached());

        // 一次性告知补正 naming no material: refused under the field; the window accepts instead.
        move(page, "request-correction");
        submit(page, "request-correction");
        assertChinese(fieldError(page, "request-correction", "materials"));
        move(page, "accept");
        submit(page, "accept");
        page.locator("#application-state[data-status=IN_PROGRESS]").waitFor(attached());
        JsonPath accepted = application(staff, id);
        assertEquals("IN_PROGRESS", accepted.getString("status"));
        String firstStep = accepted.getString("items.find { it.code == '" + item + "' }.steps[0].code");
        String secondStep = accepted.getString("items.find { it.code == '" + item + "' }.steps[1].code");

        // The department approves the item's first step.
        Locator section = page.locator("section[data-item='" + item + "']");
        section.locator("button[data-move=approve]").click();
        section.locator("form[data-move=approve] textarea[name=note]").fill("材料齐全，同意受理");
        section.locator("form[data-move=approve] button[type=submit]").click();
        section.locator("li[data-step='" + firstStep + "'][data-state=DONE]").waitFor();
        JsonPath approved = application(staff, id);
        String path = "items.find { it.code == '" + item + "' }.";
        assertEquals("IN_PROGRESS", approved.getString(path + "status"));
        assertEquals("DONE", approved.getString(path + "steps.find { it.code == '" + firstStep + "' }.state"));
        assertEquals("CURRENT", approved.getString(path + "steps.find { it.code == '" + secondStep + "' }.state"));
        assertEquals(accepted.getLong("version") + 1, approved.getLong("version"));
        assertTrue(section.locator("li[data-step='" + secondStep + "'][data-state=CURRENT]").isVisible());
        ConsoleBrowser.screenshot(page, "staff-approval-step");
        page.context().close();
        // The suite runs on real time: finish every item, so no item of a test application runs red on the demo.
        approveEverything(staff, id);
    }

    /** Approves every remaining step of every item (signing off 会签), each naming the version just read. */
    private static void approveEverything(String token, String id) {
        for (int guard = 0; guard < 50; guard++) {
            Response current = given().auth().oauth2(token).when().get("/api/approvals/applications/" + id);
            JsonPath a = current.jsonPath();
            String item = a.getString("items.find { it.status == 'IN_PROGRESS' }.code");
            if (item == null) {
                return;
            }
            String waiting = a.getString("items.find { it.code == '" + item + "' }.steps.find { it.state == 'CURRENT' }"
                    + ".countersign.find { !it.signed }.department");
            String move = waiting == null ? "approve" : "sign-off";
            String body = waiting == null ? "{}" : "{\"department\": \"" + waiting + "\"}";
            given().auth().oauth2(token).contentType("application/json").header("If-Match", current.header("ETag")).body(body)
                    .when().post("/api/approvals/applications/" + id + "/items/" + item + "/" + move).then().statusCode(200);
        }
    }

    @Test
    void theQueueAtTabletWidthHoldsEveryTicketInHandOrderedByTheApisDeadlinesWithTheirColours() {
        String staff = PackagedSuite.login("staff", "Staff@2026");
        Page page = browser.open(768, 1024);
        ConsoleBrowser.signIn(page, "staff", "Staff@2026");
        long before = ticketsInHand(staff);
        long started = System.nanoTime();
        page.navigate(gateway + "/#/work/tickets?department=all");
        page.locator("#ticket-queue[data-scope=all][data-loaded=true] .total").waitFor();
        System.out.printf("console: the ticket queue (every ticket in hand, first page) shown in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        long shown = Long.parseLong(page.locator("#ticket-queue[data-scope=all] .total").getAttribute("data-total"));
        long after = ticketsInHand(staff);
        assertBetween(before, after, shown, "every ticket in hand, as the API counts them");
        assertInDeadlineOrder(page, staff);

        // The filter bar narrows through the API: the queue's total is the API's for the same filter, the page its first
        // page (when nothing changed meanwhile), in deadline order; the export takes the same filter.
        page.locator("#ticket-filters select[name=overdue]").selectOption("false");
        page.locator("#ticket-filters select[name=supervised]").selectOption("false");
        Map<String, Object> filter = Map.of("overdue", "false", "supervised", "false");
        JsonPath firstBefore = queue(staff, filter);
        page.locator("#ticket-filters button[type=submit]").click();
        Locator filtered = page.locator("#ticket-queue[data-scope=all][data-loaded=true][data-filter*='\"overdue\":\"false\"']");
        filtered.locator(".total").waitFor();
        long filteredShown = Long.parseLong(filtered.locator(".total").getAttribute("data-total"));
        JsonPath firstAfter = queue(staff, filter);
        assertBetween(firstBefore.getLong("total"), firstAfter.getLong("total"), filteredShown, "the API's total for overdue=false&supervised=false");
        List<String> pageNumbers = filtered.locator("tbody a[data-ticket]").all().stream().map(a -> a.getAttribute("data-ticket")).toList();
        if (firstBefore.getList("items.number").equals(firstAfter.getList("items.number"))) {
            assertEquals(firstAfter.getList("items.number"), pageNumbers, "the page is the API's first page, in its order");
        }
        assertInDeadlineOrder(page, staff);
        Download csv = page.waitForDownload(() -> filtered.locator("button[data-export=csv]").click());
        assertTrue(csv.suggestedFilename().endsWith(".csv"), csv.suggestedFilename());
        try {
            String table = java.nio.file.Files.readString(csv.path(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(table.contains("工单编号"), "zh-CN headers");
            if (!pageNumbers.isEmpty()) {
                assertTrue(table.contains(pageNumbers.get(0)), "the export holds the queue's first ticket " + pageNumbers.get(0));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ConsoleBrowser.screenshot(page, "staff-ticket-queue-filtered-tablet");

        // The side menu folds away at tablet width and opens from the toggle.
        page.locator("button.menu-toggle").click();
        page.locator("nav.side.open a", new Page.LocatorOptions().setHasText("一件事审批任务")).waitFor();
        page.locator("button.menu-toggle").click();
        ConsoleBrowser.screenshot(page, "staff-ticket-queue-tablet");
        page.context().close();
    }

    /** The queue's first page as the API answers it: every ticket in hand, deadline first, with {@code filter}. */
    private static JsonPath queue(String token, Map<String, Object> filter) {
        return given().auth().oauth2(token).queryParam("status", (Object[]) IN_HAND).queryParam("sort", "deadline").queryParams(filter)
                .queryParam("size", 20).when().get("/api/tickets").then().statusCode(200).extract().jsonPath();
    }

    /** A figure read while the data may change (real time, other journeys): between the API's before and after. */
    private static void assertBetween(long before, long after, long shown, String what) {
        if (before == after) {
            assertEquals(before, shown, what);
        } else {
            assertTrue(shown >= Math.min(before, after) && shown <= Math.max(before, after), what + ": " + shown + " between " + before + " and " + after);
        }
    }

    /** The first rows shown: each row's colour is the API's, and the running limits' deadlines come in order. */
    private static void assertInDeadlineOrder(Page page, String staff) {
        Locator rows = page.locator("#ticket-queue tbody tr:has(a[data-ticket])");
        String previous = null;
        boolean undated = false;
        for (int i = 0; i < Math.min(rows.count(), 10); i++) {
            String href = rows.nth(i).locator("a[data-ticket]").getAttribute("href");
            JsonPath ticket = ticket(staff, href.substring(href.lastIndexOf('/') + 1));
            String deadline = ticket.getString("sla.deadline");
            if (deadline == null) {
                undated = true;
                continue;
            }
            assertTrue(!undated, "tickets without a running limit come last");
            assertEquals(ticket.getString("sla.colour"), rows.nth(i).locator(".work-deadline").getAttribute("data-colour"));
            assertTrue(previous == null || Instant.parse(previous).compareTo(Instant.parse(deadline)) <= 0,
                    previous + " before " + deadline);
            previous = deadline;
        }
    }

    private static long ticketsInHand(String token) {
        return given().auth().oauth2(token).queryParam("status", (Object[]) IN_HAND).queryParam("size", 1).when().get("/api/tickets")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static List<String> departmentCodes(String token) {
        return given().auth().oauth2(token).when().get("/api/tickets/departments").then().statusCode(200).extract().jsonPath()
                .getList("code");
    }

    private static JsonPath application(String token, String id) {
        Response r = given().auth().oauth2(token).when().get("/api/approvals/applications/" + id);
        r.then().statusCode(200);
        return r.jsonPath();
    }

    private static Locator.WaitForOptions attached() {
        return new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED);
    }
}
