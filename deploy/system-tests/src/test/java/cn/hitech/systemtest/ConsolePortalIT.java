package cn.hitech.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

import io.restassured.path.json.JsonPath;

/**
 * The enterprise portal (企业门户) in a real browser, signed in as the demo enterprise (山推, 913708005DJJR2UA03): it files
 * a ticket, supplies the material the department asks for and rates the call-back once staff (through the API) have
 * resolved it; it applies for a one-thing with the merged form, mending the field the check refuses; it sees only the
 * portal; and its 一企一档 shows the API's figures. Each journey makes its own ticket or application.
 */
class ConsolePortalIT extends ConsoleJourney {

    private static final String ENTERPRISE = "913708005DJJR2UA03";
    private static final String[] PORTAL_MENU = {"我的诉求", "提交诉求", "一件事", "政策与兑现", "一企一档"};

    /** A staff move of the ticket, naming the version it read; the ticket after it. */
    private static JsonPath move(String staff, String id, String move, Map<String, Object> body) {
        long version = ticket(staff, id).getLong("version");
        return given().auth().oauth2(staff).contentType("application/json").header("If-Match", "\"" + version + "\"").body(body)
                .when().post("/api/tickets/" + id + "/" + move).then().statusCode(200).extract().jsonPath();
    }

    /** The figures the 一企一档 page shows at the top, as the API's profile gives them. */
    private static Map<String, String> profileFigures(JsonPath profile) {
        return Map.of(
                "projects", profile.getString("projects.total"),
                "tickets", profile.getString("tickets.total"),
                "tickets-open", profile.getString("tickets.open"),
                "applications", profile.getString("applications.total"),
                "certificates", String.valueOf(profile.getList("certificates").size()),
                "qualifications", String.valueOf(profile.getList("qualifications").size()),
                "policies", String.valueOf(profile.getList("sections.policies.eligible").size()));
    }

    private static void menu(Page page, String title) {
        page.locator("nav.side a", new Page.LocatorOptions().setHasText(title)).first().click();
    }

    private static String idFromUrl(Page page) {
        String url = page.url();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void anEnterpriseFilesATicketSuppliesMaterialAndRatesTheCallBack() {
        String enterprise = PackagedSuite.login("enterprise", "Enterprise@2026");
        String staff = PackagedSuite.login("staff", "Staff@2026");
        long started = System.nanoTime();
        Page page = browser.signIn("enterprise", "Enterprise@2026");
        assertTrue(page.url().endsWith("#/portal/tickets"), "an enterprise lands on 我的诉求: " + page.url());
        page.locator("#portal-tickets .total").waitFor();
        System.out.printf("console: sign-in to 我的诉求 listed in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        long listed = given().auth().oauth2(enterprise).queryParam("size", 1).when().get("/api/tickets").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        page.waitForCondition(() -> String.valueOf(listed).equals(page.locator("#portal-tickets .total").getAttribute("data-total")));

        ConsoleBrowser.screenshot(page, "portal-tickets");

        // 提交诉求 in the browser.
        String title = "门户诉求 " + UUID.randomUUID().toString().substring(0, 8);
        menu(page, "提交诉求");
        page.locator("#ticket-form select[name=category]").selectOption("REQUEST");
        page.locator("#ticket-form input[name=title]").fill(title);
        page.locator("#ticket-form textarea[name=description]").fill("新建厂房需要临时用电，请协调供电公司尽快报装。");
        page.locator("#ticket-form input[name=contactName]").fill("李经理");
        // A malformed phone is refused in place, next to the field, in the gateway's words.
        page.locator("#ticket-form input[name=contactPhone]").fill("电话未知");
        page.locator("#ticket-form button[type=submit]").click();
        page.locator("#ticket-form .field-error[data-field=contactPhone]").waitFor();
        assertEquals("联系电话格式不正确", page.locator("#ticket-form .field-error[data-field=contactPhone]").innerText());
        ConsoleBrowser.screenshot(page, "portal-ticket-form");
        page.locator("#ticket-form input[name=contactPhone]").fill("13805371234");
        page.locator("#ticket-form button[type=submit]").click();
        page.locator("#ticket-summary").waitFor();
        String id = idFromUrl(page);

        JsonPath filed = ticket(staff, id);
        assertEquals(ENTERPRISE, filed.getString("enterpriseCreditCode"));
        assertEquals(title, filed.getString("title"));
        assertEquals("WEB", filed.getString("channel"));
        assertEquals("REQUEST", filed.getString("category"));
        assertEquals("李经理", filed.getString("contactName"));

        // Staff take it up and ask for material: the enterprise supplies it in the browser.
        if ("REGISTERED".equals(filed.getString("status"))) {
            String department = given().auth().oauth2(staff).when().get("/api/tickets/departments").then().statusCode(200)
                    .extract().jsonPath().getString("[0].code");
            move(staff, id, "dispatch", Map.of("department", department, "note", "门户测试派单"));
        }
        move(staff, id, "sign", Map.of());
        move(staff, id, "suspend", Map.of("reason", "请补充临时用电负荷清单"));
        page.reload();
        page.locator("#material-form").waitFor();
        ConsoleBrowser.screenshot(page, "portal-ticket-material");
        assertTrue(page.locator("#ticket-material .notice").innerText().contains("临时用电负荷清单"), "the page says what is asked");
        page.locator("#material-form textarea[name=text]").fill("临时用电负荷约 400 千瓦，清单见附件。");
        page.locator("#material-form input[name=attachmentName]").fill("负荷清单.pdf");
        page.locator("#material-form input[name=attachmentUrl]").fill("https://files.example.cn/load-list.pdf");
        page.locator("#material-form button[type=submit]").click();
        page.locator("#ticket-summary[data-status=SIGNED]").waitFor();
        JsonPath materials = given().auth().oauth2(enterprise).when().get("/api/tickets/" + id + "/material").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("临时用电负荷约 400 千瓦，清单见附件。"), materials.getList("text"));
        assertEquals("SIGNED", ticket(enterprise, id).getString("status"), "the ticket runs again");

        // Staff resolve it; the enterprise rates the call-back 满意 in the browser.
        move(staff, id, "resolve", Map.of("reply", "已协调供电公司现场勘查，临时用电已于本周接通。", "outcome", "已解决"));
        page.reload();
        page.locator("#call-back-form").waitFor();
        assertTrue(page.locator("#ticket-reply").innerText().contains("临时用电已于本周接通"), "the reply is shown");
        page.locator("#call-back-form input[name=satisfaction][value=SATISFIED]").check();
        page.locator("#call-back-form select[name=solved]").selectOption("true");
        page.locator("#call-back-form textarea[name=note]").fill("响应及时，非常满意。");
        page.locator("#call-back-form button[type=submit]").click();
        page.locator("[data-satisfaction=SATISFIED]").waitFor();

        JsonPath rated = ticket(enterprise, id);
        assertEquals("SATISFIED", rated.getString("satisfaction"));
        assertTrue(rated.getBoolean("solved"));
        assertEquals("CLOSED", rated.getString("status"));
        List<String> timeline = given().auth().oauth2(enterprise).when().get("/api/tickets/" + id + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("text");
        page.waitForCondition(() -> page.locator("#ticket-timeline li").count() == timeline.size());
        ConsoleBrowser.screenshot(page, "portal-ticket");
        page.context().close();
    }

    @Test
    void anEnterpriseAppliesForAOneThingWithThePrefilledMergedForm() {
        String enterprise = PackagedSuite.login("enterprise", "Enterprise@2026");
        String thing = "ENTERPRISE_INFO_CHANGE";
        Page page = browser.signIn("enterprise", "Enterprise@2026");
        menu(page, "一件事");
        page.locator("[data-thing=" + thing + "] a.portal-button").click();
        page.locator("#thing-form").waitFor();

        // 一次告知: the promised time beside the old way, as the API gives them.
        JsonPath notice = given().auth().oauth2(enterprise).when().get("/api/approvals/things/" + thing + "/notice").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(notice.getInt("promisedDays") + " 个工作日", page.locator("#thing-notice [data-figure=promised]").innerText());
        assertEquals(notice.getInt("oldWay.days") + " 个工作日", page.locator("#thing-notice [data-figure=old-days]").innerText());
        assertEquals(notice.getList("materials").size(), page.locator("#notice-materials li").count());

        // 一表申请: prefilled from the register.
        JsonPath form = given().auth().oauth2(enterprise).when().get("/api/approvals/things/" + thing + "/form").then()
                .statusCode(200).extract().jsonPath();
        for (String field : List.of("enterpriseName", "creditCode", "legalRepresentative")) {
            String prefilled = form.getString("fields.find { it.code == '" + field + "' }.value");
            assertEquals(prefilled, page.locator("#thing-form [name=" + field + "]").inputValue(), field + " is prefilled");
        }
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String newAddress = "济宁高新区海川路" + (100 + (int) (Math.random() * 800)) + "号";
        page.locator("#thing-form select[name=changesName]").selectOption("false");
        page.locator("#thing-form select[name=hasHousingFund]").selectOption("false");
        page.locator("#thing-form [data-field-code=housingFundAccount]").waitFor(
                new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        page.locator("#thing-form [name=legalRepresentativeId]").fill("370811199001011237");
        page.locator("#thing-form [name=newAddress]").fill(newAddress);
        page.locator("#thing-form [name=changeDate]").fill(today);
        page.locator("#thing-form [name=contactPhone]").fill("13805370000");

        // The check refuses the ID number; its message in Chinese stands next to the field, as the API words it.
        page.locator("#check-form").click();
        page.locator("#thing-form .field-error[data-field=legalRepresentativeId]").waitFor();
        String refused = given().auth().oauth2(enterprise).contentType("application/json")
                .body(Map.of("answers", Map.of("enterpriseName", form.getString("fields.find { it.code == 'enterpriseName' }.value"),
                        "creditCode", ENTERPRISE, "legalRepresentative", form.getString("fields.find { it.code == 'legalRepresentative' }.value"),
                        "legalRepresentativeId", "370811199001011237", "changesName", false, "hasHousingFund", false,
                        "newAddress", newAddress, "changeDate", today, "contactPhone", "13805370000")))
                .when().post("/api/approvals/things/" + thing + "/form/check").then().statusCode(422).extract().jsonPath()
                .getString("errors.find { it.field == 'answers.legalRepresentativeId' }.message");
        assertEquals(refused, page.locator("#thing-form .field-error[data-field=legalRepresentativeId]").innerText());
        assertEquals(1, page.locator("#thing-form .field-error").count(), "only the refused field is marked");
        ConsoleBrowser.screenshot(page, "portal-one-thing-form");

        page.locator("#thing-form [name=legalRepresentativeId]").fill("370811199001011236");
        page.locator("#check-form").click();
        page.locator("#form-checked").waitFor();
        page.locator("#submit-application").click();
        page.locator("#application-summary").waitFor();
        String id = idFromUrl(page);

        JsonPath application = given().auth().oauth2(enterprise).when().get("/api/approvals/applications/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(thing, application.getString("thing"));
        assertEquals(ENTERPRISE, application.getString("applicantCreditCode"));
        assertEquals("SUBMITTED", application.getString("status"));
        assertEquals(newAddress, application.getString("answers.newAddress"));
        assertEquals(today, application.getString("answers.changeDate"));
        assertEquals("13805370000", application.getString("answers.contactPhone"));
        assertEquals(false, application.getBoolean("answers.changesName"));
        assertEquals("370811********1236", application.getString("answers.legalRepresentativeId"), "the ID number, masked");
        assertEquals(application.getString("number"), page.locator("#application-summary").getAttribute("data-number"));
        assertEquals(application.getList("items").size(), page.locator("#application-items tbody tr").count());
        assertEquals(newAddress, page.locator("#application-answers [data-answer=newAddress]").innerText());

        // The window asks once for a material (一次性告知补正): the applicant supplies it on the page.
        String asked = application.getString("materials.find { it.state == 'SUBMITTED' }.code");
        String staff = PackagedSuite.login("staff", "Staff@2026");
        given().auth().oauth2(staff).contentType("application/json").header("If-Match", "\"" + application.getLong("version") + "\"")
                .body(Map.of("materials", List.of(asked), "note", "请提交清晰的扫描件")).when()
                .post("/api/approvals/applications/" + id + "/request-correction").then().statusCode(200);
        page.reload();
        page.locator("#asked-of-applicant form[data-scope=APPLICATION] input[value=" + asked + "]").waitFor();
        page.locator("#asked-of-applicant form[data-scope=APPLICATION] button[type=submit]").click();
        page.locator("#application-summary[data-status=SUBMITTED]").waitFor();
        JsonPath supplied = given().auth().oauth2(enterprise).when().get("/api/approvals/applications/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("SUBMITTED", supplied.getString("status"));
        assertTrue(supplied.getList("askedOfApplicant").isEmpty(), "nothing is asked any more");
        assertEquals(0, page.locator("#asked-of-applicant").count());

        // Accepted at the window, every item runs at once: the page shows each item's state and deadline as the API does.
        JsonPath accepted = given().auth().oauth2(staff).contentType("application/json")
                .header("If-Match", "\"" + supplied.getLong("version") + "\"").body(Map.of("note", "预审通过")).when()
                .post("/api/approvals/applications/" + id + "/accept").then().statusCode(200).extract().jsonPath();
        page.reload();
        page.locator("#application-summary[data-status=IN_PROGRESS]").waitFor();
        List<Map<String, Object>> items = accepted.getList("items");
        for (Map<String, Object> item : items) {
            String row = "#application-items tr[data-item=" + item.get("code") + "]";
            assertEquals(item.get("status"), page.locator(row).getAttribute("data-status"), item.get("code") + " state");
            assertEquals(item.get("dueBy"), page.locator(row).getAttribute("data-due"), item.get("code") + " deadline");
        }
        ConsoleBrowser.screenshot(page, "portal-one-thing");
        page.context().close();
    }

    @Test
    void anEnterpriseSeesOnlyThePortalAndItsProfileShowsTheApisFigures() {
        String enterprise = PackagedSuite.login("enterprise", "Enterprise@2026");
        Page page = browser.signIn("enterprise", "Enterprise@2026");
        assertEquals(List.of("企业门户"), page.locator("nav.side .menu-title").allInnerTexts());
        List<String> menu = page.locator("nav.side a").allInnerTexts();
        assertEquals(List.of(PORTAL_MENU), menu);
        assertFalse(menu.contains("重大项目") || menu.contains("管理驾驶舱"), "menu: " + menu);

        // A manager's page typed by hand does not open: the portal's landing page does.
        page.navigate(gateway + "/#/dashboard/projects");
        page.waitForCondition(() -> page.url().endsWith("#/portal/tickets"));
        page.locator("hc-portal-tickets").waitFor();
        assertEquals(0, page.locator("hc-projects-dashboard").count());

        // 政策与兑现: every published policy with its rule outcomes, as the API matched them.
        menu(page, "政策与兑现");
        page.locator("#eligible-policies").waitFor();
        JsonPath matches = given().auth().oauth2(enterprise).when().get("/api/enterprises/" + ENTERPRISE + "/policies").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> policies = matches.getList("$");
        long eligible = policies.stream().filter(m -> Boolean.TRUE.equals(m.get("eligible"))).count();
        assertEquals(String.valueOf(eligible), page.locator("[data-figure=eligible]").innerText());
        assertEquals(policies.size(), page.locator(".portal-policy").count());
        for (Map<String, Object> m : policies) {
            int rules = ((List<?>) m.get("rules")).size();
            assertEquals(rules, page.locator(".portal-policy[data-policy='" + m.get("policyId") + "'] .portal-rules li").count());
        }
        // A bank account in another name is refused in place, next to the field, and changes nothing.
        List<Map<String, Object>> benefits = given().auth().oauth2(enterprise).when().get("/api/enterprises/" + ENTERPRISE + "/benefits")
                .then().statusCode(200).extract().jsonPath().getList("$");
        benefits.stream().filter(b -> "OFFERED".equals(b.get("status"))).findFirst().ifPresent(offered -> {
            String form = "[data-benefit='" + offered.get("id") + "'] form.confirm-account";
            page.locator(form + " input[name=bankName]").fill("中国工商银行济宁高新区支行");
            page.locator(form + " input[name=accountName]").fill("另一家公司");
            page.locator(form + " input[name=accountNumber]").fill("6222020000123456789");
            page.locator(form + " button[type=submit]").click();
            page.locator(form + " .field-error[data-field=accountName]").waitFor();
            assertEquals("须与企业名称一致", page.locator(form + " .field-error[data-field=accountName]").innerText());
            assertEquals("OFFERED", given().auth().oauth2(enterprise).when().get("/api/enterprises/benefits/" + offered.get("id"))
                    .then().statusCode(200).extract().path("status"));
        });
        ConsoleBrowser.screenshot(page, "portal-policies");

        // 一企一档: the figures of the API's profile at this moment.
        long opened = System.nanoTime();
        menu(page, "一企一档");
        page.locator("#profile-figures").waitFor();
        System.out.printf("console: 一企一档 shown in %d ms%n", (System.nanoTime() - opened) / 1_000_000);
        // Other journeys may file for the same enterprise meanwhile: a figure that moved is read again, page and API together.
        JsonPath profile = null;
        Map<String, String> expected = Map.of();
        Map<String, String> shown = Map.of();
        for (int attempt = 0; attempt < 3 && (profile == null || !expected.equals(shown)); attempt++) {
            if (attempt > 0) {
                page.reload();
                page.locator("#profile-figures").waitFor();
            }
            profile = given().auth().oauth2(enterprise).when().get("/api/enterprises/" + ENTERPRISE + "/profile").then()
                    .statusCode(200).extract().jsonPath();
            expected = profileFigures(profile);
            shown = expected.keySet().stream().collect(Collectors.toMap(f -> f,
                    f -> page.locator("#profile-figures [data-figure=" + f + "]").innerText().replace(",", "")));
        }
        assertEquals(expected, shown, "the profile's figures, page against API");
        assertEquals(Math.min(20, profile.getList("projects.items").size()), page.locator("#profile-projects tbody tr").count());
        assertEquals(profile.getString("sections.commissioner.name") != null, page.locator("#profile-commissioner dd").count() > 0);
        ConsoleBrowser.screenshot(page, "portal-profile");

        // At tablet width the menu folds behind its button, and a thing opens from the keyboard.
        page.setViewportSize(768, 1024);
        page.locator(".menu-toggle").click();
        menu(page, "一件事");
        page.locator("#thing-catalogue a.portal-button").first().focus();
        page.keyboard().press("Enter");
        page.locator("#thing-form").waitFor();
        ConsoleBrowser.screenshot(page, "portal-tablet-one-thing");
        page.context().close();
    }
}
