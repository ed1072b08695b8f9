package cn.hitech.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

import io.restassured.path.json.JsonPath;

/**
 * The project page of the staff workbench ({@code #/projects/:id}) in a real browser: staff log a milestone with
 * evidence and a monthly progress report, a refused report shows the service's Chinese detail next to its field, the
 * Gantt-like milestone chart is drawn, and a manager reads the same page without a single write button. Outcomes are
 * checked against what the API answers at that moment.
 */
class ConsoleProjectIT extends ConsoleJourney {

    private static final ZoneId JINING = ZoneId.of("Asia/Shanghai");
    /** Every button and form of the project page but the tables' pagers: a manager sees none of them. */
    private static final String WRITE_CONTROLS = "hc-project-page button:not(.pager button), hc-project-page form";

    /** A demo project under way whose next milestone is open and whose reports leave room below and above the last one. */
    private record Candidate(String id, BigDecimal total, Map<String, Object> nextMilestone, Optional<Map<String, Object>> previousReport,
            Optional<Map<String, Object>> thisMonth) {
    }

    private static Candidate pickProject(String token, YearMonth month) {
        List<Map<String, Object>> projects = given().auth().oauth2(token).queryParam("status", "STARTED").queryParam("size", 100)
                .when().get("/api/projects").then().statusCode(200).extract().jsonPath().getList("items");
        for (Map<String, Object> project : projects) {
            String id = (String) project.get("id");
            BigDecimal total = new BigDecimal(String.valueOf(project.get("totalInvestment")));
            List<Map<String, Object>> milestones = given().auth().oauth2(token).when().get("/api/projects/" + id + "/milestones")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            Optional<Map<String, Object>> next = milestones.stream().filter(m -> m.get("actualDate") == null).findFirst();
            List<Map<String, Object>> reports = given().auth().oauth2(token).when().get("/api/projects/" + id + "/progress")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            Optional<Map<String, Object>> previous = reports.stream().filter(r -> ((String) r.get("month")).compareTo(month.toString()) < 0)
                    .findFirst();
            Optional<Map<String, Object>> current = reports.stream().filter(r -> month.toString().equals(r.get("month"))).findFirst();
            BigDecimal last = current.or(() -> previous).map(ConsoleProjectIT::cumulative).orElse(BigDecimal.ZERO);
            if (next.isPresent() && previous.isPresent() && cumulative(previous.get()).compareTo(BigDecimal.ONE) > 0
                    && last.add(new BigDecimal("100")).compareTo(total) < 0) {
                return new Candidate(id, total, next.get(), previous, current);
            }
        }
        throw new AssertionError("no demo project under way with an open milestone and room for a report");
    }

    private static BigDecimal cumulative(Map<String, Object> report) {
        return new BigDecimal(String.valueOf(report.get("cumulativeInvestment")));
    }

    private void openProject(Page page, String id) {
        long started = System.nanoTime();
        page.evaluate("hash => { location.hash = hash; }", "#/projects/" + id);
        page.locator("hc-project-page [data-project='" + id + "']").waitFor();
        page.locator("#milestone-table .total").waitFor();
        System.out.printf("console: project page %s shown in %d ms%n", id, (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void staffLogAMilestoneWithEvidenceAndAMonthlyReportAndAManagerOnlyReads() {
        String staff = PackagedSuite.login("staff", "Staff@2026");
        YearMonth month = YearMonth.now(JINING);
        String today = LocalDate.now(JINING).toString();
        Candidate project = pickProject(staff, month);
        String milestoneId = (String) project.nextMilestone().get("id");

        Page page = browser.signIn("staff", "Staff@2026");
        openProject(page, project.id());
        assertTrue(ConsoleBrowser.chartDrawn(page, "#milestone-gantt"), "the Gantt-like milestone chart is drawn");

        // Reach the next milestone with a date and evidence (text and a link).
        String evidence = "监理单位现场确认，验收记录编号 " + UUID.randomUUID().toString().substring(0, 8);
        String link = "https://files.example.org/evidence/" + UUID.randomUUID() + ".pdf";
        page.locator("button[data-reach='" + milestoneId + "']").click();
        Locator reach = page.locator("#milestone-form[data-kind=reach]");
        reach.locator("input[name=actualDate]").fill(today);
        reach.locator("textarea[name=evidence]").fill(evidence);
        reach.locator("textarea[name=evidenceLinks]").fill(link);
        reach.locator("button[type=submit]").click();
        page.locator("#milestones [data-evidence='" + milestoneId + "']").waitFor();
        JsonPath reached = given().auth().oauth2(staff).when().get("/api/projects/" + project.id() + "/milestones/" + milestoneId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(today, reached.getString("actualDate"), "reached today");
        assertEquals(evidence, reached.getString("evidence"));
        assertEquals(List.of(link), reached.getList("evidenceLinks"));
        assertEquals("staff", reached.getString("loggedBy"));
        assertTrue(ConsoleBrowser.chartDrawn(page, "#milestone-gantt"), "the chart is drawn again with the actual date");

        // A cumulative below last month's report is refused, and the service's Chinese detail shows next to the field.
        Locator form = page.locator("#progress-form[data-month='" + month + "']");
        BigDecimal previous = cumulative(project.previousReport().orElseThrow());
        form.locator("input[name=cumulativeInvestment]").fill(previous.subtract(BigDecimal.ONE).toPlainString());
        form.locator("textarea[name=imageProgress]").fill("设备基础施工");
        form.locator("button[type=submit]").click();
        Locator refusal = form.locator(".field-error[data-field=cumulativeInvestment]");
        refusal.waitFor();
        String detail = refusal.innerText();
        assertTrue(detail.contains("低于") && detail.contains(project.previousReport().get().get("month").toString()), "the rule's detail: " + detail);
        assertChinese(detail);

        // This month's report, above the last one: a first report names no version, a correction the report's.
        BigDecimal last = project.thisMonth().map(ConsoleProjectIT::cumulative).orElse(previous);
        BigDecimal filed = last.add(new BigDecimal("37.25")).setScale(2, RoundingMode.UNNECESSARY);
        String imageProgress = "主体结构施工，完成至 " + UUID.randomUUID().toString().substring(0, 6) + " 段";
        form.locator("input[name=cumulativeInvestment]").fill(filed.toPlainString());
        form.locator("textarea[name=imageProgress]").fill(imageProgress);
        form.locator("button[type=submit]").click();
        page.locator("#progress-form .notice").waitFor();
        JsonPath report = given().auth().oauth2(staff).when().get("/api/projects/" + project.id() + "/progress/" + month)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, filed.compareTo(new BigDecimal(report.getString("cumulativeInvestment"))), "the cumulative filed");
        assertEquals(imageProgress, report.getString("imageProgress"));
        assertEquals("staff", report.getString("reporter"));
        assertEquals(project.thisMonth().isPresent() ? (int) project.thisMonth().get().get("version") + 1 : 0, report.getInt("version"),
                "a first report, or a correction of the one there was");
        assertTrue(ConsoleBrowser.chartDrawn(page, "#progress-chart"), "the cumulative line is drawn");
        ConsoleBrowser.screenshot(page, "staff-project-page");
        page.context().close();

        // The manager reads the same page, on a tablet: the figures, the chart, and no write button.
        Page managerPage = browser.open(768, 1024);
        ConsoleBrowser.signIn(managerPage, "manager", "Manager@2026");
        openProject(managerPage, project.id());
        assertTrue(ConsoleBrowser.chartDrawn(managerPage, "#milestone-gantt"), "the manager sees the Gantt chart");
        managerPage.locator("#progress-table .total").waitFor();
        assertNotNull(managerPage.locator("#milestones [data-evidence='" + milestoneId + "']").textContent());
        assertEquals(0, managerPage.locator(WRITE_CONTROLS).count(), "a manager has no write controls");
        ConsoleBrowser.screenshot(managerPage, "manager-project-page");
        managerPage.context().close();
    }

    @Test
    void staffMoveTheStageAndAPackageOfTheirOwnProjectAndAFutureDateIsRefusedNextToTheField() {
        String staff = PackagedSuite.login("staff", "Staff@2026");
        LocalDate today = LocalDate.now(JINING);
        String id = given().auth().oauth2(staff).contentType("application/json").body(Map.of(
                        "name", "控制台项目页测试 " + UUID.randomUUID().toString().substring(0, 8), "level", "DISTRICT_KEY",
                        "industryChain", "HIGH_END_EQUIPMENT", "totalInvestment", 12000, "annualPlannedInvestment", 3000,
                        "plannedStart", today.plusMonths(2).toString(), "plannedEnd", today.plusYears(2).toString()))
                .when().post("/api/projects").then().statusCode(201).extract().jsonPath().getString("id");

        Page page = browser.signIn("staff", "Staff@2026");
        openProject(page, id);
        assertEquals("RESERVE", page.locator("#project-stage").getAttribute("data-status"));

        // 签约 with tomorrow's date: refused, with the service's Chinese detail under the date field; then today's.
        page.locator("#stage-move[data-move=sign]").click();
        Locator stage = page.locator("#stage-form");
        stage.locator("input[name=date]").fill(today.plusDays(1).toString());
        stage.locator("button[type=submit]").click();
        Locator refusal = stage.locator(".field-error[data-field=date]");
        refusal.waitFor();
        assertTrue(refusal.innerText().contains("不能晚于今天"), "the rule's detail: " + refusal.innerText());
        stage.locator("input[name=date]").fill(today.toString());
        stage.locator("button[type=submit]").click();
        page.locator("#project-stage[data-status=SIGNED]").waitFor();
        JsonPath signed = given().auth().oauth2(staff).when().get("/api/projects/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("SIGNED", signed.getString("status"));
        assertEquals(today.toString(), signed.getString("signedDate"));
        assertEquals("start", page.locator("#stage-move").getAttribute("data-move"), "the next move the stage allows is 开工");

        // 五包: start 包力量统筹, then complete it (a future date is refused next to the field first).
        page.locator("[data-package=RESOURCES][data-move=start]").click();
        page.locator("#package-form[data-move=start] button[type=submit]").click();
        page.locator("#packages .notice", new Page.LocatorOptions().setHasText("已开始推进")).waitFor();
        // The row shows the package as read again after the move (its new version), not the one the move started from.
        page.locator("[data-package=RESOURCES][data-move=start]").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        assertEquals("IN_PROGRESS", packageStatus(staff, id, "RESOURCES"));
        page.locator("[data-package=RESOURCES][data-move=complete]").click();
        Locator complete = page.locator("#package-form[data-move=complete]");
        complete.locator("input[name=date]").fill(today.plusDays(3).toString());
        complete.locator("button[type=submit]").click();
        complete.locator(".field-error[data-field=date]").waitFor();
        complete.locator("input[name=date]").fill(today.toString());
        complete.locator("button[type=submit]").click();
        page.locator("[data-package=RESOURCES][data-move=reopen]").waitFor();
        assertEquals("DONE", packageStatus(staff, id, "RESOURCES"));
        ConsoleBrowser.screenshot(page, "staff-project-stage-and-package");
        page.context().close();
    }

    private static String packageStatus(String token, String project, String kind) {
        return given().auth().oauth2(token).when().get("/api/projects/" + project + "/packages/" + kind).then().statusCode(200)
                .extract().jsonPath().getString("status");
    }
}
