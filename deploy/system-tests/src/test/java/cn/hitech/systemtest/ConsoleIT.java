package cn.hitech.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

/**
 * The web console's journeys in a real browser, on the packaged suite with its demo data (the shared real-time suite,
 * or, for working on the pages, a running one named by {@code -Dconsole.gateway=http://localhost:8080}). What a page
 * shows is checked against what the API answers at the same moment, never against fixed numbers.
 */
class ConsoleIT extends ConsoleJourney {

    private static final String[] STAGES = {"RESERVE", "SIGNED", "STARTED", "COMPLETED", "IN_OPERATION", "AT_CAPACITY"};

    @Test
    void aManagerSeesTheProjectDashboardDrawnWithTheApisFiguresAndDrillsDownToTheList() throws Exception {
        String manager = PackagedSuite.login("manager", "Manager@2026");
        long started = System.nanoTime();
        Page page = browser.signIn("manager", "Manager@2026");
        assertTrue(page.url().endsWith("#/dashboard/projects"), "a manager lands on the project dashboard: " + page.url());
        assertTrue(ConsoleBrowser.chartDrawn(page, "#stage-chart"), "the stage chart is drawn");
        System.out.printf("console: sign-in to the project dashboard drawn in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertTrue(ConsoleBrowser.chartDrawn(page, "#rates-chart"), "the rates chart is drawn");
        assertTrue(ConsoleBrowser.chartDrawn(page, "#investment-chart"), "the investment chart is drawn");

        for (String stage : STAGES) {
            long api = given().auth().oauth2(manager).queryParam("status", stage).queryParam("size", 1).when().get("/api/projects")
                    .then().statusCode(200).extract().jsonPath().getLong("total");
            assertEquals(String.valueOf(api), page.locator("[data-stage=" + stage + "]").innerText().replace(",", ""), stage);
        }
        int warnings = given().auth().oauth2(manager).when().get("/api/projects/reports/warnings").then().statusCode(200)
                .extract().jsonPath().getList("rows").size();
        assertEquals(String.valueOf(warnings), page.locator("#warning-list .total").getAttribute("data-total"));

        Download workbook = page.waitForDownload(() -> page.locator("#warning-list button[data-export=xlsx]").click());
        byte[] bytes = Files.readAllBytes(workbook.path());
        assertEquals("PK", new String(bytes, 0, 2, java.nio.charset.StandardCharsets.US_ASCII), "an XLSX workbook");

        ConsoleBrowser.screenshot(page, "manager-projects-dashboard");
        // Drill down: the 开工 figure opens the list behind it, as long as the API's.
        page.locator("a.stat-link[href*='status=STARTED']").click();
        page.locator("#project-list .total").waitFor();
        long startedProjects = given().auth().oauth2(manager).queryParam("status", "STARTED").queryParam("size", 1)
                .when().get("/api/projects").then().extract().jsonPath().getLong("total");
        page.waitForCondition(() -> String.valueOf(startedProjects).equals(page.locator("#project-list .total").getAttribute("data-total")));
        ConsoleBrowser.screenshot(page, "manager-projects");

        // The menu follows the role: no enterprise portal for a manager.
        List<String> menu = page.locator("nav.side a").allInnerTexts();
        assertTrue(menu.contains("重大项目"), "menu: " + menu);

        page.locator("#sign-out").click();
        page.locator("hc-login").waitFor();
        page.context().close();
    }

    /**
     * A page loads in under a second over loopback on the demo data: the dashboard reloaded (bundle cached, as for a
     * user who works in it) until every chart is drawn, five times; the median is held to the target.
     */
    @Test
    void theProjectDashboardLoadsInUnderOneSecond() {
        Page page = browser.signIn("manager", "Manager@2026");
        ConsoleBrowser.chartDrawn(page, "#investment-chart");
        long[] loads = new long[5];
        for (int i = 0; i < loads.length; i++) {
            long started = System.nanoTime();
            page.reload();
            for (String chart : List.of("#stage-chart", "#rates-chart", "#investment-chart")) {
                assertTrue(ConsoleBrowser.chartDrawn(page, chart), chart);
            }
            loads[i] = (System.nanoTime() - started) / 1_000_000;
        }
        long[] sorted = loads.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("console: project dashboard loads %s ms, median %d ms (target < 1000 ms)%n", java.util.Arrays.toString(loads),
                sorted[2]);
        assertTrue(sorted[2] < 1000, "median load " + sorted[2] + " ms");
        page.context().close();
    }

    /** At tablet width the menu folds behind a button; everything is reachable by keyboard, from the login on. */
    @Test
    void onATabletTheMenuFoldsAndTheKeyboardReachesEverything() {
        Page page = browser.open(768, 1024);
        page.locator("hc-login input[name=username]").focus();
        page.keyboard().type("manager");
        page.keyboard().press("Tab");
        page.keyboard().type("Manager@2026");
        page.keyboard().press("Enter");
        page.locator("header.topbar .who").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        assertTrue(ConsoleBrowser.chartDrawn(page, "#stage-chart"), "drawn at tablet width");
        assertTrue(!page.locator("nav.side").isVisible() || page.locator("nav.side").boundingBox().x < 0, "the menu is folded");
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, ((Number) overflow).intValue(), "no sideways scrolling at 768 px");
        page.locator("button.menu-toggle").focus();
        page.keyboard().press("Enter");
        page.locator("nav.side.open").waitFor();
        page.locator("nav.side a", new Page.LocatorOptions().setHasText("项目清单")).focus();
        page.keyboard().press("Enter");
        page.locator("#project-list .total").waitFor();
        page.locator("#project-list tbody tr[tabindex]").first().focus();
        page.keyboard().press("Enter");
        page.waitForCondition(() -> page.url().matches(".*#/projects/[0-9a-f-]{36}$"));
        ConsoleBrowser.screenshot(page, "tablet-keyboard");
        page.context().close();
    }

    @Test
    void anExpiredSessionReturnsToTheLoginPageWithAMessage() {
        Page page = browser.signIn("manager", "Manager@2026");
        // The landing dashboard's requests must be answered first: one still in flight when the tokens go bad would sign
        // the page out before the click this test makes (its charts are drawn once all of them have answered).
        for (String chart : new String[] {"#stage-chart", "#rates-chart", "#investment-chart"}) {
            assertTrue(ConsoleBrowser.chartDrawn(page, chart), chart + " is drawn before the session expires");
        }
        page.evaluate("""
                () => {
                  const s = JSON.parse(sessionStorage.getItem('hitech.session'));
                  s.accessToken = s.accessToken.replace(/\\.[^.]*$/, '.invalid');
                  s.refreshToken = 'revoked';
                  sessionStorage.setItem('hitech.session', JSON.stringify(s));
                }""");
        page.locator("nav.side a", new Page.LocatorOptions().setHasText("项目清单")).click();
        page.locator("hc-login .notice").waitFor();
        assertEquals("登录已过期，请重新登录", page.locator("hc-login .notice").innerText());
        ConsoleBrowser.screenshot(page, "expired-session");
        page.context().close();
    }

    @Test
    void aWrongPasswordShowsTheGatewaysReasonInChinese() {
        Page page = browser.open(1024, 768);
        page.locator("hc-login input[name=username]").fill("manager");
        page.locator("hc-login input[name=password]").fill("not-the-password");
        page.locator("hc-login button[type=submit]").click();
        page.locator("hc-login .problem .detail").waitFor();
        String detail = page.locator("hc-login .problem .detail").innerText();
        assertChinese(detail);
        page.context().close();
    }
}
