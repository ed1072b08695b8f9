package cn.hitech.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

import io.restassured.path.json.JsonPath;

/**
 * What the console's browser journeys share: one browser a class on the packaged suite's gateway (the shared real-time
 * suite, or a running one named by {@code -Dconsole.gateway=http://localhost:8080}), the ticket as the API answers it,
 * and the ticket page's move forms as the workbench draws them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleJourney {

    protected ConsoleBrowser browser;
    /** The gateway's base URL, for pages opened by their address. */
    protected String gateway;

    @BeforeAll
    void openBrowser() {
        gateway = PackagedSuite.consoleGateway();
        browser = new ConsoleBrowser(gateway);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    static JsonPath ticket(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/tickets/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the ticket page shows the ticket in this status. */
    static void awaitStatus(Page page, String status) {
        page.locator("#ticket-state[data-status=" + status + "]").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    }

    /** Opens a move's form by its button. */
    static void move(Page page, String move) {
        page.locator("button[data-move='" + move + "']").first().click();
        page.locator("form[data-move='" + move + "']").waitFor();
    }

    static void submit(Page page, String move) {
        page.locator("form[data-move='" + move + "'] button[type=submit]").click();
    }

    /** The refusal shown under a field of a move's form, once it is shown. */
    static String fieldError(Page page, String move, String field) {
        Locator error = page.locator("form[data-move='" + move + "'] .field-error[data-field='" + field + "']");
        error.waitFor();
        return error.innerText();
    }

    static void assertChinese(String text) {
        assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), "in Chinese: " + text);
    }
}
