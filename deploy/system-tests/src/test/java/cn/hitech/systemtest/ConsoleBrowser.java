package cn.hitech.systemtest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;

import cn.hitech.platform.infra.ChromiumBrowser;

/**
 * The console in a real browser: Debian's Chromium ({@link ChromiumBrowser}, never a downloaded one), headless, driven
 * by Playwright; each journey signs in in a context of its own (zh-CN, Asia/Shanghai, a desktop or tablet viewport).
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final Playwright playwright;
    private final Browser browser;
    private final String gateway;

    ConsoleBrowser(String gateway) {
        this.gateway = gateway;
        this.playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(ChromiumBrowser.executable())
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** A fresh context at the console's login page. */
    Page open(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setTimezoneId("Asia/Shanghai")
                .setViewportSize(width, height).setAcceptDownloads(true));
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.navigate(gateway + "/");
        return page;
    }

    /** Signs in through the login page and waits for the shell. */
    Page signIn(String username, String password) {
        Page page = open(1366, 900);
        signIn(page, username, password);
        return page;
    }

    static void signIn(Page page, String username, String password) {
        page.locator("hc-login input[name=username]").fill(username);
        page.locator("hc-login input[name=password]").fill(password);
        page.locator("hc-login button[type=submit]").click();
        page.locator("#sign-out").waitFor();
    }

    /** Waits until the chart has been drawn and answers whether its canvas holds any drawn (non-blank) pixel. */
    static boolean chartDrawn(Page page, String selector) {
        page.locator(selector + "[data-drawn=true]").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        Object drawn = page.locator(selector + " canvas").first().evaluate("""
                canvas => {
                  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  let inked = 0;
                  for (let i = 0; i < data.length; i += 4) {
                    if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) inked++;
                  }
                  return inked;
                }""");
        return ((Number) drawn).intValue() > 100;
    }

    /** Keeps the journey's last page as a test artefact under target/console-screenshots. */
    static void screenshot(Page page, String journey) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(journey + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
