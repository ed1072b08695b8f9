package cn.hitech.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;

import io.restassured.path.json.JsonPath;

/**
 * The manager dashboards for the 8951234 hotline, 一件事一次办 and 企业服务 in a real browser: each one's charts are drawn,
 * its figures are what the API answers at that moment (the suite runs on real time and other journeys write, so a
 * figure may be the API's answer from just before the page loaded or just after), one chart's list opens with the
 * API's total, and one report downloads as a file.
 */
class ConsoleDashboardsIT extends ConsoleJourney {

    private static final String[] CHANNELS = {"HOTLINE", "WEB", "QR_CODE", "GRID_STAFF", "TRANSFER_12345", "PROJECT_PROBLEM"};
    private static final String[] TICKET_STATUSES = {"REGISTERED", "DISPATCHED", "RETURNED", "SIGNED", "SUSPENDED", "RESOLVED", "CLOSED", "MERGED"};
    private static final String[] APPLICATION_STATUSES = {"SUBMITTED", "CORRECTION_REQUESTED", "IN_PROGRESS", "COMPLETED", "PARTLY_REFUSED"};
    private static final String[] SCALES = {"ABOVE_SCALE", "BELOW_SCALE"};

    private String manager;

    @BeforeAll
    void signInTheManager() {
        manager = PackagedSuite.login("manager", "Manager@2026");
    }

    @Test
    void theHotlineDashboardShowsTheServiceDesksFiguresAndDrillsDownToTheTicketList() throws Exception {
        Map<String, String> period = lastNinetyDays();
        Map<String, Long> channelsBefore = totals("/api/tickets", "channel", CHANNELS);
        Map<String, Long> statusesBefore = totals("/api/tickets", "status", TICKET_STATUSES);
        Map<String, Long> countsBefore = counts("/api/tickets", "channel");
        Page page = signedInAndSettled();
        long started = System.nanoTime();
        page.locator("nav.side a[href='#/dashboard/tickets']").click();
        assertChartsDrawn(page, started, "the hotline dashboard",
                List.of("#channel-chart", "#status-chart", "#department-chart", "#trend-chart", "#topic-chart"));
        Map<String, Long> channelsAfter = totals("/api/tickets", "channel", CHANNELS);
        Map<String, Long> statusesAfter = totals("/api/tickets", "status", TICKET_STATUSES);
        for (String channel : CHANNELS) {
            assertShown(channelsBefore.get(channel), shownIn(page, "#channel-legend [data-key=" + channel + "]"), channelsAfter.get(channel), channel);
        }
        for (String status : TICKET_STATUSES) {
            assertShown(statusesBefore.get(status), shownIn(page, "#status-legend [data-key=" + status + "]"), statusesAfter.get(status), status);
        }
        // The channel chart's bars are the counts endpoint's answer (one call for the chart), and a bar's count is the list's total.
        Map<String, Long> countsAfter = counts("/api/tickets", "channel");
        List<?> bars = (List<?>) page.locator("#channel-chart").evaluate("el => el.chart.getOption().series[0].data");
        for (int i = 0; i < CHANNELS.length; i++) {
            String shown = shownIn(page, "#channel-legend [data-key=" + CHANNELS[i] + "]");
            assertEquals(shown, String.valueOf(((Number) bars.get(i)).longValue()), "the bar of " + CHANNELS[i] + " is its figure");
            assertShown(countsBefore.getOrDefault(CHANNELS[i], 0L), shown, countsAfter.getOrDefault(CHANNELS[i], 0L), "counted " + CHANNELS[i]);
        }
        assertCountIsTheListsTotal("/api/tickets", "channel", "HOTLINE");
        int departments = api("/api/tickets/reports/ranking", period).getList("rows").size();
        assertEquals(String.valueOf(departments), page.locator("#ranking-list .total").getAttribute("data-total"), "one ranking row per department");
        long clusters = api("/api/tickets/reports/repeats", period).getLong("totalClusters");
        waitForTotal(page, "#repeat-list", () -> clusters);

        Download csv = page.waitForDownload(() -> page.locator("#ranking-list button[data-export=csv]").click());
        String text = new String(Files.readAllBytes(csv.path()), StandardCharsets.UTF_8);
        assertTrue(text.contains("名次") && text.contains("满意率"), "the ranking as CSV with its header row: " + text.lines().findFirst().orElse(""));
        ConsoleBrowser.screenshot(page, "manager-tickets-dashboard");
        assertFitsATablet(page, "manager-tickets-dashboard-tablet");

        // Drill down: a click on the hotline channel's bar opens the ticket list of that channel, as long as the API's.
        clickChart(page, "#channel-chart", 0, List.of(0, Long.parseLong(shownIn(page, "#channel-legend [data-key=HOTLINE]")) / 2.0));
        waitForTotal(page, "#ticket-list", () -> total("/api/tickets", Map.of("channel", "HOTLINE")));
        // Its export carries the table's filter: as many rows as the table's total, every one of the hotline channel.
        Download filtered = page.waitForDownload(() -> page.locator("#ticket-list button[data-export=csv]").click());
        List<String> rows = csvRows(filtered);
        assertRowsAreTheTotal(rows.size(), page.locator("#ticket-list .total").getAttribute("data-total"),
                total("/api/tickets", Map.of("channel", "HOTLINE")), "the hotline tickets' export");
        assertEquals(1, rows.stream().map(r -> r.split(",", -1)[2]).distinct().count(), "one channel in the export: " + rows.stream().limit(3).toList());
        ConsoleBrowser.screenshot(page, "manager-tickets-list");
        page.context().close();
    }

    @Test
    void theOneThingDashboardShowsApplicationsAndTheMeasuredReductions() throws Exception {
        Map<String, String> period = lastNinetyDays();
        long allBefore = total("/api/approvals/applications", Map.of());
        JsonPath reductionsBefore = api("/api/approvals/reports/reductions", period);
        Map<String, Long> statusesBefore = totals("/api/approvals/applications", "status", APPLICATION_STATUSES);
        Page page = signedInAndSettled();
        long started = System.nanoTime();
        page.locator("nav.side a[href='#/dashboard/approvals']").click();
        assertChartsDrawn(page, started, "the one-thing dashboard",
                List.of("#thing-chart", "#state-chart", "#reduction-chart"));
        long allAfter = total("/api/approvals/applications", Map.of());
        Map<String, Long> statusesAfter = totals("/api/approvals/applications", "status", APPLICATION_STATUSES);
        assertShown(allBefore, page.locator("#application-total").getAttribute("data-total"), allAfter, "all applications");
        for (String status : APPLICATION_STATUSES) {
            assertShown(statusesBefore.get(status), shownIn(page, "[data-status=" + status + "]"), statusesAfter.get(status), status);
        }

        // The measured reductions in all: the stat cards are the report's total row (before the page loaded, or after).
        JsonPath reductionsAfter = api("/api/approvals/reports/reductions", period);
        String decided = shownIn(page, "#reduction-totals [data-figure=applications]");
        JsonPath reductions = decided.equals(String.valueOf(reductionsAfter.getLong("total.applications"))) ? reductionsAfter : reductionsBefore;
        assertEquals(String.valueOf(reductions.getLong("total.applications")), decided, "applications decided in the period");
        for (String rate : List.of("stepReduction", "promisedTimeCompression", "actualTimeCompression", "materialReduction", "visitReduction")) {
            assertEquals(percent(reductions.getString("total." + rate)), page.locator("#reduction-totals [data-rate=" + rate + "]").innerText(),
                    rate);
        }

        Download workbook = page.waitForDownload(() -> page.locator("#reduction-list button[data-export=xlsx]").click());
        byte[] bytes = Files.readAllBytes(workbook.path());
        assertEquals("PK", new String(bytes, 0, 2, StandardCharsets.US_ASCII), "the reductions as an XLSX workbook");
        ConsoleBrowser.screenshot(page, "manager-approvals-dashboard");
        assertFitsATablet(page, "manager-approvals-dashboard-tablet");

        // A period that ends before it starts: the service's zh-CN reason, under the field it names.
        String today = period.get("to");
        String before = LocalDate.parse(today).minusDays(30).toString();
        page.locator("#reduction-period input[name=from]").fill(today);
        page.locator("#reduction-period input[name=to]").fill(before);
        page.locator("#reduction-period button[type=submit]").click();
        String reason = given().auth().oauth2(manager).queryParams(Map.of("from", today, "to", before))
                .when().get("/api/approvals/reports/reductions").then().statusCode(400).extract().path("errors[0].message");
        assertEquals(reason, page.locator("#reduction-period .field-error[data-field=to]").innerText());

        // Drill down: a click on one thing's 已办结 part of its bar opens the list of that thing's completed applications.
        List<String> things = api("/api/approvals/things", Map.of()).getList("code");
        int index = -1;
        long below = 0;
        long completed = 0;
        for (int i = 0; i < things.size() && index < 0; i++) {
            Map<String, Long> states = totals("/api/approvals/applications", Map.of("thing", things.get(i)), "status", APPLICATION_STATUSES);
            if (states.get("COMPLETED") > 0) {
                index = i;
                below = states.get("SUBMITTED") + states.get("CORRECTION_REQUESTED") + states.get("IN_PROGRESS");
                completed = states.get("COMPLETED");
            }
        }
        assertTrue(index >= 0, "a thing with completed applications");
        clickChart(page, "#thing-chart", 3, List.of(index, below + completed / 2.0));
        String thing = things.get(index);
        waitForTotal(page, "#application-list", () -> total("/api/approvals/applications", Map.of("thing", thing, "status", "COMPLETED")));
        assertTrue(page.url().contains("thing=" + thing) && page.url().contains("status=COMPLETED"), page.url());
        ConsoleBrowser.screenshot(page, "manager-approvals-list");
        page.context().close();
    }

    @Test
    void theEnterpriseDashboardShowsTheRegisterTheCommissionersPoliciesAndThePool() throws Exception {
        long allBefore = total("/api/enterprises", Map.of());
        Map<String, Long> scalesBefore = totals("/api/enterprises", "scale", SCALES);
        Page page = signedInAndSettled();
        long started = System.nanoTime();
        page.locator("nav.side a[href='#/dashboard/enterprises']").click();
        assertChartsDrawn(page, started, "the enterprise dashboard",
                List.of("#industry-chart", "#scale-chart", "#qualification-chart", "#load-chart", "#policy-chart"));
        long allAfter = total("/api/enterprises", Map.of());
        Map<String, Long> scalesAfter = totals("/api/enterprises", "scale", SCALES);
        assertShown(allBefore, page.locator("#enterprise-total").getAttribute("data-total"), allAfter, "all enterprises");
        for (String scale : SCALES) {
            assertShown(scalesBefore.get(scale), shownIn(page, "[data-scale=" + scale + "]"), scalesAfter.get(scale), scale);
        }
        List<?> sections = (List<?>) page.locator("#industry-legend [data-key]").evaluateAll("els => els.map(e => e.dataset.key)");
        assertTrue(!sections.isEmpty(), "the register's industries");
        for (Object section : sections) {
            assertEquals(String.valueOf(total("/api/enterprises", Map.of("industry", String.valueOf(section)))),
                    shownIn(page, "#industry-legend [data-key=" + section + "]"), "industry " + section);
        }
        int commissioners = api("/api/enterprises/reports/commissioner-load", Map.of()).getList("rows").size();
        assertEquals(String.valueOf(commissioners), page.locator("#commissioner-list .total").getAttribute("data-total"));
        int policies = api("/api/enterprises/reports/policies", Map.of()).getList("byPolicy").size();
        assertEquals(String.valueOf(policies), page.locator("#policy-list .total").getAttribute("data-total"));
        long pool = api("/api/enterprises/cultivation-pool", Map.of()).getLong("total");
        assertEquals(String.valueOf(pool), page.locator("#pool-list .total").getAttribute("data-total"));
        // The 培育库 exports as the table shows it: every member, then only the chosen target's.
        Download members = page.waitForDownload(() -> page.locator("#pool-list button[data-export=csv]").click());
        assertRowsAreTheTotal(csvRows(members).size(), page.locator("#pool-list .total").getAttribute("data-total"),
                api("/api/enterprises/cultivation-pool", Map.of()).getLong("total"), "the pool's export");
        List<?> targets = (List<?>) page.locator("#pool-target option").evaluateAll("els => els.map(e => e.value).filter(v => v)");
        if (!targets.isEmpty()) {
            String target = String.valueOf(targets.get(0));
            long ofTarget = api("/api/enterprises/cultivation-pool", Map.of("target", target)).getLong("total");
            page.locator("#pool-target").selectOption(target);
            page.locator("#pool-list .total[data-total='" + ofTarget + "']").waitFor();
            Download chosen = page.waitForDownload(() -> page.locator("#pool-list button[data-export=csv]").click());
            List<String> rows = csvRows(chosen);
            assertRowsAreTheTotal(rows.size(), page.locator("#pool-list .total").getAttribute("data-total"), ofTarget, "the pool's export of " + target);
            assertTrue(ofTarget == 0 || rows.stream().map(r -> r.split(",", -1)[0]).distinct().count() == 1, "one target: " + rows);
        }

        Download csv = page.waitForDownload(() -> page.locator("#policy-list button[data-export=csv]").click());
        String text = new String(Files.readAllBytes(csv.path()), StandardCharsets.UTF_8);
        assertTrue(text.contains("符合条件企业") && text.contains("拨付金额"), "policy uptake as CSV with its header row: "
                + text.lines().findFirst().orElse(""));
        ConsoleBrowser.screenshot(page, "manager-enterprises-dashboard");
        assertFitsATablet(page, "manager-enterprises-dashboard-tablet");

        // Drill down: a click on the largest industry's bar opens the register filtered by that industry, as long as the API's.
        String largest = String.valueOf(sections.get(0));
        clickChart(page, "#industry-chart", 0, List.of(Long.parseLong(shownIn(page, "#industry-legend [data-key=" + largest + "]")) / 2.0, 0));
        waitForTotal(page, "#enterprise-list", () -> total("/api/enterprises", Map.of("industry", largest)));
        assertTrue(page.url().contains("industry=" + largest), page.url());
        ConsoleBrowser.screenshot(page, "manager-enterprises-list");
        page.context().close();
    }

    /** A manager signed in, the landing page's own requests done, so what is timed is the dashboard alone. */
    private Page signedInAndSettled() {
        Page page = browser.signIn("manager", "Manager@2026");
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return page;
    }

    /** Waits until every chart has been drawn (and prints how long the dashboard took), then checks each canvas holds ink. */
    private static void assertChartsDrawn(Page page, long started, String dashboard, List<String> charts) {
        for (String chart : charts) {
            page.locator(chart + "[data-drawn=true]").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        }
        System.out.printf("console: %s drawn in %d ms%n", dashboard, (System.nanoTime() - started) / 1_000_000);
        for (String chart : charts) {
            assertTrue(ConsoleBrowser.chartDrawn(page, chart), chart + " is drawn");
        }
    }

    /** At tablet width (768 px) the page needs no sideways scrolling (wide tables scroll inside their card). */
    private static void assertFitsATablet(Page page, String screenshot) {
        page.setViewportSize(768, 1024);
        // The side menu folds away (a short slide) and the charts redraw at the new width.
        page.waitForFunction("() => document.documentElement.scrollWidth <= 768"
                + " && document.querySelector('nav.side').getBoundingClientRect().right <= 0", null,
                new Page.WaitForFunctionOptions().setTimeout(5_000));
        ConsoleBrowser.screenshot(page, screenshot);
        page.setViewportSize(1366, 900);
    }

    /** Clicks a chart where the series draws the point (in data coordinates), as a user clicks a bar. */
    private static void clickChart(Page page, String chart, int seriesIndex, List<? extends Number> point) {
        List<?> xy = (List<?>) page.locator(chart).evaluate("(el, [series, point]) => el.chart.convertToPixel({seriesIndex: series}, point)",
                List.of(seriesIndex, point));
        page.locator(chart).scrollIntoViewIfNeeded();
        BoundingBox box = page.locator(chart + " .chart-canvas").boundingBox();
        page.mouse().click(box.x + ((Number) xy.get(0)).doubleValue(), box.y + ((Number) xy.get(1)).doubleValue());
    }

    /** The default period of the dashboards: the last 90 days in Jining, today included. */
    private static Map<String, String> lastNinetyDays() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return Map.of("from", today.minusDays(89).toString(), "to", today.toString());
    }

    private JsonPath api(String path, Map<String, ?> params) {
        return given().auth().oauth2(manager).queryParams(params).when().get(path).then().statusCode(200).extract().jsonPath();
    }

    private long total(String path, Map<String, String> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("size", 1);
        return api(path, all).getLong("total");
    }

    private Map<String, Long> totals(String path, String param, String[] codes) {
        return totals(path, Map.of(), param, codes);
    }

    private Map<String, Long> totals(String path, Map<String, String> base, String param, String[] codes) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String code : codes) {
            Map<String, String> params = new LinkedHashMap<>(base);
            params.put(param, code);
            totals.put(code, total(path, params));
        }
        return totals;
    }

    /** GET {path}/counts?by=…: the list's totals by one dimension, as key → count. */
    private Map<String, Long> counts(String path, String by) {
        List<Map<String, Object>> rows = given().auth().oauth2(manager).queryParam("by", by).when().get(path + "/counts").then()
                .statusCode(200).extract().jsonPath().getList("$");
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put(String.valueOf(r.get("key")), ((Number) r.get("count")).longValue()));
        return counts;
    }

    /** One group's count is the list's total for that filter (asked again while other journeys write). */
    private void assertCountIsTheListsTotal(String path, String by, String key) {
        long counted = -1;
        long listed = -2;
        for (int i = 0; i < 20 && counted != listed; i++) {
            counted = counts(path, by).getOrDefault(key, 0L);
            listed = total(path, Map.of(by, key));
        }
        assertEquals(listed, counted, by + "=" + key + ": the count and the list's total");
    }

    /** The data rows of a downloaded CSV (the header row left out). */
    private static List<String> csvRows(Download download) throws java.io.IOException {
        String text = new String(Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
        List<String> lines = text.lines().filter(l -> !l.isEmpty()).toList();
        return lines.subList(1, lines.size());
    }

    /** An export holds the table's total (as shown, or as the API answers now: other journeys write meanwhile). */
    private static void assertRowsAreTheTotal(int rows, String shown, long api, String what) {
        assertTrue(String.valueOf(rows).equals(shown) || rows == api, what + ": " + rows + " rows, the table shows " + shown
                + ", the API answers " + api);
    }

    /** A figure as the page writes it (zh-CN grouping), as digits. */
    private static String shownIn(Page page, String selector) {
        return page.locator(selector).innerText().replace(",", "").strip();
    }

    /** The page's figure is the API's, as answered just before the page loaded or just after it. */
    private static void assertShown(long before, String shown, long after, String what) {
        assertTrue(String.valueOf(before).equals(shown) || String.valueOf(after).equals(shown),
                what + ": the page shows " + shown + ", the API answered " + before + " before and " + after + " after");
    }

    /** The list's total equals the API's (asked again while the page loads, since journeys run beside this one). */
    private static void waitForTotal(Page page, String list, LongSupplier api) {
        page.locator(list + " .total").waitFor();
        String shown = null;
        long expected = -1;
        for (int i = 0; i < 50; i++) {
            expected = api.getAsLong();
            shown = page.locator(list + " .total").getAttribute("data-total");
            if (String.valueOf(expected).equals(shown)) {
                return;
            }
            page.waitForTimeout(200);
        }
        assertEquals(String.valueOf(expected), shown, list + " total");
    }

    /** A rate (a decimal fraction) as the console writes it: a percentage with at most two decimals. */
    private static String percent(String fraction) {
        if (fraction == null) {
            return "—";
        }
        return new BigDecimal(fraction).movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
