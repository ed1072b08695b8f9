package cn.hitech.servicedesk.repeat;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.repeat.RepeatDetectionTest.register;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.servicedesk.report.ReportPeriod;
import cn.hitech.servicedesk.support.TestClock;

/**
 * 重复诉求簇 and 热点诉求 of a period, against a hand-built set: the tickets sit under a topic subtree of their own and on
 * a day of 2025 no other test uses, so every figure asserted is exact.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class RepeatReportTest {

    private static final String DAY = "2025-07-08";

    @Inject
    TestClock clock;

    @Inject
    RepeatReportService reports;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private JsonPath at(String time, String enterprise, String topic, String title, String text) {
        clock.at(DAY + "T" + time + "+08:00");
        return register(enterprise, "13812345678", topic, title, text);
    }

    @Test
    void clustersAndHotTopicsOfThePeriodCountExactly() {
        String tag = cn.hitech.servicedesk.topic.TestTopics.tag("报表");
        List<String> codes = cn.hitech.servicedesk.topic.TestTopics.subtree(tag);
        String one = codes.get(0);
        String two = codes.get(1);
        String leafA = codes.get(2);
        asAdmin().get("/api/tickets/topics/" + one).then().statusCode(200).body("children.code", equalTo(List.of(two)))
                .body("children[0].children.code", equalTo(List.of(leafA)));
        String leafB = cn.hitech.servicedesk.topic.TestTopics.add(
                cn.hitech.servicedesk.topic.TestTopics.code("T3"), tag + "三级乙", two);
        String e = TestData.creditCode();
        String f = TestData.creditCode();
        JsonPath first = at("09:00", e, leafA, RepeatDetectionTest.LAMP, RepeatDetectionTest.LAMP_TEXT);
        JsonPath second = at("09:30", e, leafA, RepeatDetectionTest.LAMP_AGAIN, RepeatDetectionTest.LAMP_AGAIN_TEXT);
        JsonPath third = at("10:00", e, leafA, "路灯问题第三次反映", "仍未修好。");
        at("10:30", e, leafB, RepeatDetectionTest.WATER, RepeatDetectionTest.WATER_TEXT);
        JsonPath other = at("11:00", f, leafB, RepeatDetectionTest.WATER, RepeatDetectionTest.WATER_TEXT);
        // F's lamp ticket reads like E's, but E's tickets are not F's: F's first lamp ticket starts its own cluster.
        JsonPath similar = at("11:30", f, null, RepeatDetectionTest.LAMP, RepeatDetectionTest.LAMP_TEXT);
        JsonPath similarAgain = at("14:00", f, null, RepeatDetectionTest.LAMP_AGAIN, RepeatDetectionTest.LAMP_AGAIN_TEXT);
        org.junit.jupiter.api.Assertions.assertNull(similar.get("repeatOf"));
        org.junit.jupiter.api.Assertions.assertNull(other.get("repeatOf"), "F's first ticket of the topic");
        assertEquals(similar.getString("id"), similarAgain.getString("repeatOf.id"));

        JsonPath clusters = asManager().queryParam("from", DAY).queryParam("to", DAY).get("/api/tickets/reports/repeats").then()
                .statusCode(200).body("period.from", equalTo(DAY)).extract().jsonPath();
        Map<String, Object> lamp = clusters.getMap("clusters.find { it.firstNumber == '" + first.getString("number") + "' }");
        assertEquals(e, lamp.get("enterpriseCreditCode"));
        assertEquals(leafA, lamp.get("topicCode"));
        assertEquals(tag + "一级 / " + tag + "二级 / " + tag + "三级", lamp.get("topicLabel"));
        assertEquals(2, lamp.get("repeats"));
        assertEquals(2, lamp.get("sameTopicRepeats"));
        assertEquals(0, lamp.get("similarTextRepeats"));
        assertEquals(3, lamp.get("tickets"));
        assertEquals(List.of(second.getString("number"), third.getString("number")), lamp.get("repeatNumbers"));
        Map<String, Object> byText = clusters.getMap("clusters.find { it.firstNumber == '" + similar.getString("number") + "' }");
        assertEquals(1, byText.get("repeats"));
        assertEquals(1, byText.get("similarTextRepeats"));
        assertEquals(f, byText.get("enterpriseCreditCode"));

        JsonPath hot = asStaff().queryParam("from", DAY).queryParam("to", DAY).get("/api/tickets/reports/topics").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(3, hot.getInt("leaves.find { it.code == '" + leafA + "' }.tickets"));
        assertEquals(2, hot.getInt("leaves.find { it.code == '" + leafA + "' }.repeats"));
        assertEquals(2, hot.getInt("leaves.find { it.code == '" + leafB + "' }.tickets"));
        assertEquals(0, hot.getInt("leaves.find { it.code == '" + leafB + "' }.repeats"));
        assertEquals(one, hot.getString("leaves.find { it.code == '" + leafB + "' }.levelOneCode"));
        assertEquals(5, hot.getInt("levelOne.find { it.code == '" + one + "' }.tickets"));
        assertEquals(2, hot.getInt("levelOne.find { it.code == '" + one + "' }.repeats"));
        assertEquals(2, hot.getInt("levelOne.find { it.code == '" + one + "' }.sameTopicRepeats"));
        assertTrue(hot.getInt("unclassified") >= 2);
        List<Integer> counts = hot.getList("leaves.tickets");
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i - 1) >= counts.get(i), "hottest first: " + counts);
        }

        // The same figures as CSV and XLSX, without any phone number.
        String csv = new String(asManager().queryParam("from", DAY).queryParam("to", DAY).queryParam("format", "csv")
                .get("/api/tickets/reports/repeats").then().statusCode(200).header("Content-Type", startsWith("text/csv"))
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("首次工单编号,首次受理时间"), csv);
        String lampRow = csv.lines().filter(l -> l.contains(first.getString("number"))).findFirst().orElseThrow();
        assertTrue(lampRow.contains(DAY + " 09:00"), lampRow);
        assertTrue(lampRow.contains(second.getString("number") + "、" + third.getString("number")), lampRow);
        assertFalse(csv.contains("13812345678") || csv.contains("138****5678"), "no phone in the report");
        String topicsCsv = new String(asStaff().queryParam("from", DAY).queryParam("to", DAY).queryParam("format", "csv")
                .get("/api/tickets/reports/topics").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(topicsCsv.contains("一级," + one + "," + tag + "一级,5,2,2"), topicsCsv);
        assertTrue(topicsCsv.contains("三级," + leafA + "," + tag + "一级 / " + tag + "二级 / " + tag + "三级,3,2,2"), topicsCsv);
        asAdmin().queryParam("from", DAY).queryParam("to", DAY).queryParam("format", "xlsx").get("/api/tickets/reports/topics").then()
                .statusCode(200).header("Content-Type", startsWith("application/vnd.openxmlformats"));

        // A page at a time, largest first; the totals are the whole period's (7 tickets, 3 repeats in 2 clusters).
        assertEquals(List.of(2L, 7L, 3L, 0L, 50L), List.of(clusters.getLong("totalClusters"), clusters.getLong("tickets"),
                clusters.getLong("repeats"), clusters.getLong("offset"), clusters.getLong("limit")));
        assertEquals(List.of(first.getString("number"), similar.getString("number")), clusters.getList("clusters.firstNumber"));
        JsonPath secondPage = page(1, 1);
        assertEquals(List.of(similar.getString("number")), secondPage.getList("clusters.firstNumber"));
        assertEquals(2, secondPage.getInt("totalClusters"));
        JsonPath beyond = page(5, 1);
        assertEquals(List.of(), beyond.getList("clusters"));
        assertEquals(2, beyond.getInt("totalClusters"));
        asManager().queryParam("from", DAY).queryParam("to", DAY).queryParam("limit", 501).get("/api/tickets/reports/repeats").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        asManager().queryParam("from", DAY).queryParam("to", DAY).queryParam("limit", 0).get("/api/tickets/reports/repeats").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        asManager().queryParam("from", DAY).queryParam("to", DAY).queryParam("offset", -1).get("/api/tickets/reports/repeats").then()
                .statusCode(400).body("errors[0].field", equalTo("offset"));
        asManager().queryParam("from", DAY).queryParam("to", DAY).queryParam("limit", 10_000).queryParam("format", "csv")
                .get("/api/tickets/reports/repeats").then().statusCode(200);

        // The hot topics are read from day sums: equal to the direct count over the tickets, also after a rebuild.
        List<ReportPeriod> periods = List.of(reports.period(LocalDate.parse(DAY), LocalDate.parse(DAY)),
                reports.period(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-12-31")));
        assertTopicSumsEqualTheTickets(periods, "topic day sums = tickets");
        asAdmin().post("/api/tickets/reports/rebuild").then().statusCode(200);
        assertTopicSumsEqualTheTickets(periods, "rebuilt topic day sums = tickets");
    }

    private static JsonPath page(int offset, int limit) {
        return asManager().queryParam("from", DAY).queryParam("to", DAY).queryParam("offset", offset).queryParam("limit", limit)
                .get("/api/tickets/reports/repeats").then().statusCode(200).extract().jsonPath();
    }

    private void assertTopicSumsEqualTheTickets(List<ReportPeriod> periods, String when) {
        for (ReportPeriod period : periods) {
            assertEquals(QuarkusTransaction.requiringNew().call(() -> reports.countedTopics(period)),
                    QuarkusTransaction.requiringNew().call(() -> reports.hotTopics(period)), when + ", " + period.from() + "–" + period.to());
        }
    }

    @Test
    void theReportsAreForStaffAndNeedAPeriod() {
        asEnterprise(TestData.creditCode()).queryParam("from", DAY).queryParam("to", DAY).get("/api/tickets/reports/repeats").then()
                .statusCode(403);
        asEnterprise(TestData.creditCode()).queryParam("from", DAY).queryParam("to", DAY).get("/api/tickets/reports/topics").then()
                .statusCode(403);
        asManager().queryParam("to", DAY).get("/api/tickets/reports/repeats").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("from"));
        asManager().queryParam("from", DAY).queryParam("to", "2025-07-01").get("/api/tickets/reports/topics").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("to"));
    }
}
