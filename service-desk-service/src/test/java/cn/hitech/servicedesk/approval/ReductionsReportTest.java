package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.approval.Applications.accept;
import static cn.hitech.servicedesk.approval.Applications.approveAll;
import static cn.hitech.servicedesk.approval.Applications.attempt;
import static cn.hitech.servicedesk.approval.Applications.get;
import static cn.hitech.servicedesk.approval.Applications.move;
import static cn.hitech.servicedesk.approval.Applications.submit;
import static cn.hitech.servicedesk.approval.Applications.submitted;
import static cn.hitech.servicedesk.approval.Applications.toLastStep;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.servicedesk.support.TestClock;

/**
 * 实测压减率 from a hand-built set of 联合验收 applications on the acceptance clock, in late September 2026 (Sunday 20th a
 * make-up working day, 25th–27th 中秋 off; no other test uses these weeks), every figure worked out by hand.
 *
 * <p>Per 联合验收 application, from catalogue version 1: old way 4 + 4 + 3 + 3 = 14 steps, 3 + 8 + 2 + 2 = 15 days,
 * 5 + 6 + 4 + 4 = 19 materials, 2 + 2 + 2 + 2 = 8 visits; statutory 15 + 15 + 15 + 10 = 55 days; promised 8 (the longest
 * item, parallel); 7 materials once each; every item has 2 steps (受理, 联合现场验收).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ReductionsReportTest {

    private static final String REPORT = "/api/approvals/reports/reductions";
    private static final String THING = "JOINT_COMPLETION_ACCEPTANCE";
    private static final List<String> ITEMS = List.of("PLANNING_ACCEPTANCE", "FIRE_ACCEPTANCE", "CIVIL_AIR_DEFENCE_ACCEPTANCE",
            "ARCHIVES_ACCEPTANCE");

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String answers(String creditCode) {
        return """
                {"projectId": "%s", "projectName": "济宁高新区生物医药产业园二期", "enterpriseName": "济宁高新城建投资有限公司",
                 "creditCode": "%s", "siteAddress": "济宁高新区开源路以南、同济路以东", "completionDate": "2026-09-10",
                 "floorArea": 64000, "planningPermitNo": "建字第370811202600118号", "fireDesignApprovalNo": "济高消审字〔2026〕第061号",
                 "civilAirDefenceArea": 5200, "archivesVolumes": 46, "contactPhone": "13805370003"}"""
                .formatted(UUID.randomUUID(), creditCode);
    }

    @Test
    void theReductionsAreMeasuredFromTheApplicationsOwnTimings() {
        // A: at the window (1 visit), accepted Thu 17 Sep 09:00, completed Thu 24 Sep 09:00: 17, 18, Sun 20 (worked),
        // 21, 22, 23 = 6 working days.
        clock.at("2026-09-16T16:00+08:00");
        String a = TestData.creditCode();
        String first = submit(asStaff(), THING, answers(a), "\"applicantCreditCode\": \"" + a + "\"").statusCode(201)
                .extract().path("id");
        clock.at("2026-09-17T09:00+08:00");
        accept(first);
        clock.at("2026-09-18T10:00+08:00");
        ITEMS.forEach(item -> toLastStep(first, item));
        clock.at("2026-09-24T09:00+08:00");
        ITEMS.forEach(item -> approveAll(first, item));
        assertEquals("COMPLETED", get(first).getString("status"));

        // B: online (0 visits), one 补正 at the window supplied in person (1 visit), accepted Tue 22 Sep 09:00, 档案验收
        // refused at its 受理 step, the rest approved Thu 24 Sep 17:30: 22, 23, 24 = 3 working days; partly refused.
        clock.at("2026-09-21T09:00+08:00");
        String b = TestData.creditCode();
        String second = submitted(asEnterprise(b), THING, answers(b));
        clock.at("2026-09-21T10:00+08:00");
        move(second, "request-correction", "{\"materials\": [\"PROJECT_ARCHIVES\"], \"note\": \"档案移交目录未盖章\"}");
        clock.at("2026-09-21T11:00+08:00");
        attempt(asEnterprise(b), second, "supply", "{\"materials\": [\"PROJECT_ARCHIVES\"], \"inPerson\": true}").statusCode(200);
        clock.at("2026-09-22T09:00+08:00");
        accept(second);
        clock.at("2026-09-22T14:00+08:00");
        move(second, "items/ARCHIVES_ACCEPTANCE/refuse", "{\"reason\": \"城建档案未按规定整理归档\"}");
        clock.at("2026-09-23T10:00+08:00");
        ITEMS.subList(0, 3).forEach(item -> toLastStep(second, item));
        clock.at("2026-09-24T17:30+08:00");
        ITEMS.subList(0, 3).forEach(item -> approveAll(second, item));
        assertEquals("PARTLY_REFUSED", get(second).getString("status"));

        // C: submitted in the period, never accepted: counted as submitted only.
        clock.at("2026-09-22T15:00+08:00");
        String c = TestData.creditCode();
        submitted(asEnterprise(c), THING, answers(c));
        clock.reset();

        JsonPath report = asManager().queryParam("from", "2026-09-14").queryParam("to", "2026-09-30").get(REPORT).then()
                .statusCode(200).body("period.zone", equalTo("Asia/Shanghai")).extract().jsonPath();
        Map<String, Object> row = row(report, THING);
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("thingName", "联合验收");
        expected.put("submitted", 3);
        expected.put("applications", 2);
        expected.put("completed", 1);
        expected.put("partlyRefused", 1);
        expected.put("averageActualDays", 4.5f); // (6 + 3) / 2
        expected.put("maxActualDays", 6.0f);
        expected.put("oldSteps", 28);
        expected.put("newSteps", 4); // 2 + 2: the longest item path of each; the refused item went through 1
        expected.put("stepReduction", 0.8571f); // 24 / 28
        expected.put("statutoryDays", 110);
        expected.put("oldWayDays", 30);
        expected.put("promisedDays", 16);
        expected.put("actualDays", 9.0f);
        expected.put("promisedTimeCompression", 0.8545f); // 94 / 110
        expected.put("actualTimeCompression", 0.9182f); // 101 / 110
        expected.put("promisedTimeReduction", 0.4667f); // 14 / 30
        expected.put("actualTimeReduction", 0.7f); // 21 / 30
        expected.put("materialsItemByItem", 38);
        expected.put("materialsDeduplicated", 14);
        expected.put("materialsReused", 0);
        expected.put("materialReduction", 0.6316f); // 24 / 38
        expected.put("materialReductionWithReuse", 0.6316f);
        expected.put("oldVisits", 16);
        expected.put("visits", 2);
        expected.put("averageOldVisits", 8.0f);
        expected.put("averageVisits", 1.0f);
        expected.put("visitReduction", 0.875f); // 14 / 16
        expected.forEach((k, v) -> assertEquals(v, row.get(k), k));
        assertEquals(2, report.getInt("total.applications"), "nothing else was decided in these weeks");
        assertEquals(0.8571f, report.getFloat("total.stepReduction"));

        // The period is by the date of completion: both completed on the 24th; none by the 23rd.
        Map<String, Object> before = row(asStaff().queryParam("from", "2026-09-14").queryParam("to", "2026-09-23").get(REPORT)
                .then().statusCode(200).extract().jsonPath(), THING);
        assertEquals(3, before.get("submitted"));
        assertEquals(0, before.get("applications"));
        for (String rate : List.of("stepReduction", "promisedTimeCompression", "actualTimeCompression", "materialReduction",
                "visitReduction", "averageActualDays", "averageVisits")) {
            assertNull(before.get(rate), rate + " has no denominator");
        }
        Map<String, Object> day = row(asAdmin().queryParam("from", "2026-09-24").queryParam("to", "2026-09-24").get(REPORT)
                .then().statusCode(200).extract().jsonPath(), THING);
        assertEquals(0, day.get("submitted"));
        assertEquals(2, day.get("applications"));

        String csv = new String(asManager().queryParam("from", "2026-09-14").queryParam("to", "2026-09-30").queryParam("format", "csv")
                .get(REPORT).then().statusCode(200).contentType(startsWith("text/csv")).extract().asByteArray(),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF事项代码,一件事,申请数（期内提交）,办结数,准予办结,部分不予许可,"), csv);
        assertTrue(csv.contains("\r\n" + THING + ",联合验收,3,2,1,1,4.5000,6.0000,28,4,0.8571,110,30,16,9.0000,0.8545,0.9182,"
                + "0.4667,0.7000,38,14,0,0.6316,0.6316,16,2,8.0000,1.0000,0.8750\r\n"), csv);
        byte[] xlsx = asStaff().queryParam("from", "2026-09-14").queryParam("to", "2026-09-30").queryParam("format", "xlsx")
                .get(REPORT).then().statusCode(200).extract().asByteArray();
        assertEquals("PK", new String(xlsx, 0, 2, StandardCharsets.US_ASCII));
    }

    @Test
    void theReportIsForTheZoneAndNeedsAPeriod() {
        asEnterprise(TestData.creditCode()).queryParam("from", "2026-09-01").queryParam("to", "2026-09-30").get(REPORT).then()
                .statusCode(403);
        asManager().queryParam("to", "2026-09-30").get(REPORT).then().statusCode(400).body("errors[0].field", equalTo("from"));
        asManager().queryParam("from", "2026-09-30").queryParam("to", "2026-09-01").get(REPORT).then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    private static Map<String, Object> row(JsonPath report, String thing) {
        return report.getMap("rows.find { it.thing == '" + thing + "' }");
    }
}
