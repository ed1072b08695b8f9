package cn.hitech.servicedesk.report;

import static cn.hitech.platform.testkit.Api.anonymous;
import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.support.Tickets.attempt;
import static cn.hitech.servicedesk.support.Tickets.dispatch;
import static cn.hitech.servicedesk.support.Tickets.move;
import static cn.hitech.servicedesk.support.Tickets.register;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.servicedesk.support.TestClock;

/**
 * 承办单位指标 against a hand-built set of tickets, every figure exact. Each test creates its own departments, so
 * tickets of other tests cannot change its rows. Times are Beijing time; March 2026 has no holidays, office hours
 * are 09:00–12:00 and 13:30–17:30: a dispatch at Mon 2 March 10:00 must be signed by 12:00 and resolved by Mon 9 March
 * 17:30.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class DepartmentMetricsReportTest {

    private static final String REPORT = "/api/tickets/reports/departments";
    private static final String RANKING = "/api/tickets/reports/ranking";
    private static final String TREND = "/api/tickets/reports/trend";
    private static final String REBUILD = "/api/tickets/reports/rebuild";

    @Inject
    TestClock clock;

    @Inject
    DepartmentMetricsService metrics;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void everyFigureIsRecountedFromTheMovesOfThePeriod() {
        String a = department("报表甲局");
        String b = department("报表乙局");
        String idle = department("报表丙局");
        String enterprise = TestData.creditCode();

        // T1 (A): signed and resolved in time; satisfied, solved.
        String t1 = dispatchedAt("2026-03-02T10:00+08:00", enterprise, a);
        at("2026-03-02T10:30+08:00", () -> move(t1, "sign", "{}"));
        at("2026-03-03T10:00+08:00", () -> resolve(t1));
        at("2026-03-03T11:00+08:00", () -> callBack(t1, "SATISFIED", true));

        // T2 (A): signed late (after 12:00) and resolved late (after 9 March 17:30); basically satisfied, not solved.
        String t2 = dispatchedAt("2026-03-02T10:00+08:00", enterprise, a);
        at("2026-03-02T14:00+08:00", () -> move(t2, "sign", "{}"));
        at("2026-03-10T10:00+08:00", () -> resolve(t2));
        at("2026-03-10T11:00+08:00", () -> callBack(t2, "BASICALLY_SATISFIED", false));

        // T3 (A): an approved extension of 2 working days (to 11 March) makes the resolve of 10 March in time; the
        // unsatisfied, unsolved call-back reopens it; resolved again in time and then satisfied.
        String t3 = dispatchedAt("2026-03-02T10:00+08:00", enterprise, a);
        at("2026-03-02T10:30+08:00", () -> move(t3, "sign", "{}"));
        at("2026-03-05T10:00+08:00", () -> move(t3, "extension", "{\"days\": 2, \"reason\": \"需现场勘查供电线路\"}"));
        at("2026-03-05T11:00+08:00", () -> attempt(asManager(), t3, "approve-extension", "{}").statusCode(200));
        at("2026-03-10T10:00+08:00", () -> resolve(t3));
        at("2026-03-10T11:00+08:00", () -> assertEquals("SIGNED", callBack(t3, "UNSATISFIED", false).getString("status"), "重办"));
        at("2026-03-12T10:00+08:00", () -> resolve(t3));
        at("2026-03-12T11:00+08:00", () -> callBack(t3, "SATISFIED", true));

        // T4: A returns it, B takes it, signs (by 15:30) and resolves in time; unsatisfied but solved: closed, not reopened.
        String t4 = dispatchedAt("2026-03-02T10:00+08:00", enterprise, a);
        at("2026-03-02T11:00+08:00", () -> move(t4, "return", "{\"reason\": \"属供电业务，非本单位职责\"}"));
        at("2026-03-02T13:30+08:00", () -> dispatch(t4, b));
        at("2026-03-02T14:00+08:00", () -> move(t4, "sign", "{}"));
        at("2026-03-04T10:00+08:00", () -> resolve(t4));
        at("2026-03-04T11:00+08:00", () -> assertEquals("CLOSED", callBack(t4, "UNSATISFIED", true).getString("status")));

        // T5 (A): dispatched at 23:30 on the last day of March (15:30 UTC), signed on 1 April: only the dispatch is March's.
        String t5 = dispatchedAt("2026-03-31T23:30+08:00", enterprise, a);
        at("2026-04-01T09:10+08:00", () -> move(t5, "sign", "{}"));

        // T6 (A): dispatched and signed in February, resolved in time on 2 March: only the resolve is March's.
        String t6 = dispatchedAt("2026-02-27T10:00+08:00", enterprise, a);
        at("2026-02-27T10:30+08:00", () -> move(t6, "sign", "{}"));
        at("2026-03-02T10:00+08:00", () -> resolve(t6));

        // T7 (B): dispatched at 00:30 on 1 April in Beijing, still 31 March in UTC: April's, not March's.
        dispatchedAt("2026-04-01T00:30+08:00", enterprise, b);

        // T8 (B): signed late, the next morning.
        String t8 = dispatchedAt("2026-03-02T10:00+08:00", enterprise, b);
        at("2026-03-03T10:00+08:00", () -> move(t8, "sign", "{}"));
        clock.reset();

        JsonPath march = report("2026-03-01", "2026-03-31");
        assertFigures(row(march, a), """
                dispatched=5 signed=3 signedInTime=2 resolved=5 resolvedInTime=4 resolvedWithoutReopening=3 returned=1 reopened=1
                callBacks=4 solved=2 satisfied=3 extensionsApproved=1 tickets=5 repeats=0
                signedOnTime=0.6667 resolvedOnTime=0.8000 responseRate=0.4000 solvedRate=0.5000 satisfactionRate=0.7500
                returnRate=0.2000 reopenRate=0.2000 firstTimeResolved=0.6000 repeatRate=0.0000""");
        assertFigures(row(march, b), """
                dispatched=2 signed=2 signedInTime=1 resolved=1 resolvedInTime=1 resolvedWithoutReopening=1 returned=0 reopened=0
                callBacks=1 solved=1 satisfied=0 extensionsApproved=0 tickets=1 repeats=0
                signedOnTime=0.5000 resolvedOnTime=1.0000 responseRate=0.5000 solvedRate=1.0000 satisfactionRate=0.0000
                returnRate=0.0000 reopenRate=0.0000 firstTimeResolved=1.0000 repeatRate=0.0000""");
        assertFigures(row(march, idle), """
                dispatched=0 signed=0 signedInTime=0 resolved=0 resolvedInTime=0 resolvedWithoutReopening=0 returned=0 reopened=0
                callBacks=0 solved=0 satisfied=0 extensionsApproved=0 tickets=0 repeats=0
                signedOnTime=null resolvedOnTime=null responseRate=null solvedRate=null satisfactionRate=null
                returnRate=null reopenRate=null firstTimeResolved=null repeatRate=null""");
        assertEquals("报表甲局" + a, row(march, a).get("departmentName"));
        assertEquals("2026-03-01", march.getString("period.from"));
        assertEquals("Asia/Shanghai", march.getString("period.zone"));
        List<String> codes = march.getList("rows.department");
        assertEquals(new ArrayList<>(new TreeSet<>(codes)), codes, "one row per department, by code");

        JsonPath april = report("2026-04-01", "2026-04-30");
        assertFigures(row(april, a), """
                dispatched=0 signed=1 signedInTime=1 resolved=0 resolvedInTime=0 resolvedWithoutReopening=0 returned=0 reopened=0
                callBacks=0 solved=0 satisfied=0 extensionsApproved=0 tickets=0 repeats=0
                signedOnTime=1.0000 resolvedOnTime=null responseRate=null solvedRate=null satisfactionRate=null
                returnRate=null reopenRate=null firstTimeResolved=null repeatRate=null""");
        assertFigures(row(april, b), """
                dispatched=1 signed=0 signedInTime=0 resolved=0 resolvedInTime=0 resolvedWithoutReopening=0 returned=0 reopened=0
                callBacks=0 solved=0 satisfied=0 extensionsApproved=0 tickets=1 repeats=0
                signedOnTime=null resolvedOnTime=null responseRate=0.0000 solvedRate=null satisfactionRate=null
                returnRate=0.0000 reopenRate=null firstTimeResolved=null repeatRate=0.0000""");

        // One day, both ends included, in Beijing dates: T5's dispatch at 23:30 is the 31st's, T7's at 00:30 is not.
        JsonPath lastDay = report("2026-03-31", "2026-03-31");
        assertEquals(1, ((Number) row(lastDay, a).get("dispatched")).intValue());
        assertEquals(0, ((Number) row(lastDay, b).get("dispatched")).intValue());
    }

    /**
     * 重复诉求率: the tickets first dispatched to a department in the period, and those of them whose enterprise registered
     * a ticket of the same topic in the 30 days (30 × 24 h) before. Held to the figure, and the day sums the reports read
     * held to the direct count over the move history, also after a ticket registered later with an older instant and
     * after the ADMIN rebuild.
     */
    @Test
    void repeatsAreTheSameEnterpriseAndTopicWithin30DaysAndTheDaySumsEqualTheHistory() {
        String a = department("重复甲局");
        String b = department("重复乙局");
        String e1 = TestData.creditCode();
        String e2 = TestData.creditCode();
        String e3 = TestData.creditCode();
        String e4 = TestData.creditCode();
        String e5 = TestData.creditCode();
        String e6 = TestData.creditCode();

        dispatchedAt("2026-02-20T10:00+08:00", e1, "RD_DEDUCTION", a);          // R1, February's
        dispatchedAt("2026-03-05T10:00+08:00", e1, "RD_DEDUCTION", a);          // R2 repeats R1 (13 days): A's repeat
        dispatchedAt("2026-03-06T10:00+08:00", e1, "TAX_REFUND", a);            // R3: another topic
        dispatchedAt("2026-03-06T11:00+08:00", e2, "RD_DEDUCTION", a);          // R4: another enterprise
        dispatchedAt("2026-03-02T10:00+08:00", e3, "RD_DEDUCTION", a);          // R9: the first of its enterprise and topic
        // R6 repeats R2 and goes first to B, which returns it; A gets it, but it stays B's ticket.
        String r6 = dispatchedAt("2026-03-20T10:00+08:00", e1, "RD_DEDUCTION", b);
        at("2026-03-20T10:30+08:00", () -> move(r6, "return", "{\"reason\": \"属研发费用政策，非本单位职责\"}"));
        at("2026-03-20T11:00+08:00", () -> dispatch(r6, a));
        registeredAt("2026-03-25T10:00+08:00", e1, "RD_DEDUCTION");             // R7: never dispatched, not counted
        String r8 = registeredAt("2026-03-31T23:00+08:00", e1, "RD_DEDUCTION"); // R8 repeats R7, dispatched in April
        at("2026-04-01T09:30+08:00", () -> dispatch(r8, a));
        registeredAt("2026-03-02T10:00+08:00", e4, "RD_DEDUCTION");
        dispatchedAt("2026-04-01T10:00+08:00", e4, "RD_DEDUCTION", a);          // R12: exactly 30 days later, a repeat
        registeredAt("2026-03-02T10:00+08:00", e5, "RD_DEDUCTION");
        dispatchedAt("2026-04-01T10:01+08:00", e5, "RD_DEDUCTION", a);          // R15: 30 days and a minute, not a repeat
        dispatchedAt("2026-03-10T10:00+08:00", e6, "TAX_REFUND", b);            // R16: no earlier one of e6 yet …
        clock.reset();

        JsonPath march = report("2026-03-01", "2026-03-31");
        assertRepeats(row(march, a), 5, 4, 1, "0.2500");
        assertRepeats(row(march, b), 2, 2, 1, "0.5000");
        assertRepeats(row(report("2026-04-01", "2026-04-30"), a), 3, 3, 2, "0.6667");

        registeredAt("2026-03-01T09:00+08:00", e6, "TAX_REFUND");              // … until one registered later is older
        clock.reset();
        assertRepeats(row(report("2026-03-01", "2026-03-31"), b), 2, 2, 2, "1.0000");

        List<ReportPeriod> periods = List.of(metrics.period(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-04-30")),
                metrics.period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")),
                metrics.period(LocalDate.parse("2026-03-31"), LocalDate.parse("2026-03-31")),
                metrics.period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")));
        assertDaySumsEqualTheHistory(periods, "day sums = history");
        asManager().post(REBUILD).then().statusCode(403);
        asAdmin().post(REBUILD).then().statusCode(200).body("moves", greaterThan(20)).body("days", greaterThan(5));
        assertDaySumsEqualTheHistory(periods, "rebuilt day sums = history");
        assertRepeats(row(report("2026-03-01", "2026-03-31"), b), 2, 2, 2, "1.0000");

        // The trend: one row per month, the first and last cut to the period, each month its own period.
        JsonPath trend = asManager().queryParam("from", "2026-02-15").queryParam("to", "2026-04-10").queryParam("department", a)
                .get(TREND).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2026-02", "2026-03", "2026-04"), trend.getList("months.month"));
        assertEquals(List.of("2026-02-15", "2026-03-01", "2026-04-01"), trend.getList("months.from"));
        assertEquals(List.of("2026-02-28", "2026-03-31", "2026-04-10"), trend.getList("months.to"));
        assertEquals(List.of(1, 4, 3), trend.getList("months.metrics.tickets"));
        assertEquals(List.of(0, 1, 2), trend.getList("months.metrics.repeats"));
        assertEquals(List.of(1, 5, 3), trend.getList("months.metrics.dispatched"));
        asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").queryParam("department", "NO_SUCH_UNIT")
                .get(TREND).then().statusCode(400).body("errors[0].field", equalTo("department"));
        String csv = asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").queryParam("department", a)
                .queryParam("format", "csv").get(TREND).then().statusCode(200).extract().asString();
        assertTrue(csv.contains("\r\n2026-03,2026-03-01,2026-03-31,5,0,0,0,0,0,0,0,0,0,0,0,4,1,,,0.0000,,,0.0000,,,0.2500\r\n"), csv);
    }

    /**
     * 承办单位排名 in June 2025, where no other test has moves: X does everything in time and to satisfaction; Y signs
     * late, leaves the matter unsolved and returns one of its two orders; Z has only signed. Default weights:
     * X = 1.0000; Z is scored on its signing and returns alone (0.10×1 + 0.05×1) / 0.15 = 1.0000 and shares rank 1;
     * Y = 0.30×1 + 0.25×1 + 0.20×0 + 0.10×0 + 0.05×1 + 0.05×(1 − 0.5) + 0.05×1 = 0.6750, rank 3. Departments without
     * moves follow, unranked.
     */
    @Test
    void departmentsAreRankedOnTheWeightedRatesTheyHave() {
        String x = department("排名甲局");
        String y = department("排名乙局");
        String z = department("排名丙局");
        String idle = department("排名丁局");
        String x1 = dispatchedAt("2025-06-09T10:00+08:00", TestData.creditCode(), x);
        at("2025-06-09T10:30+08:00", () -> move(x1, "sign", "{}"));
        at("2025-06-10T10:00+08:00", () -> resolve(x1));
        at("2025-06-10T11:00+08:00", () -> callBack(x1, "SATISFIED", true));
        String y1 = dispatchedAt("2025-06-09T10:00+08:00", TestData.creditCode(), y);
        at("2025-06-09T14:00+08:00", () -> move(y1, "sign", "{}"));
        at("2025-06-10T10:00+08:00", () -> resolve(y1));
        at("2025-06-10T11:00+08:00", () -> callBack(y1, "BASICALLY_SATISFIED", false));
        String y2 = dispatchedAt("2025-06-09T10:00+08:00", TestData.creditCode(), y);
        at("2025-06-09T10:30+08:00", () -> move(y2, "return", "{\"reason\": \"非本单位职责\"}"));
        String z1 = dispatchedAt("2025-06-09T10:00+08:00", TestData.creditCode(), z);
        at("2025-06-09T10:30+08:00", () -> move(z1, "sign", "{}"));
        clock.reset();

        JsonPath ranking = ranking(null);
        assertEquals("0.30", text(ranking.get("weights.satisfaction")));
        assertEquals("0", text(ranking.get("weights.repeats")));
        assertRanked(ranking, x, 1, "1.0000");
        assertRanked(ranking, z, 1, "1.0000");
        assertRanked(ranking, y, 3, "0.6750");
        assertRanked(ranking, idle, null, null);
        List<String> order = ranking.getList("rows.department");
        assertEquals(List.of(x.compareTo(z) < 0 ? x : z, x.compareTo(z) < 0 ? z : x, y), order.subList(0, 3),
                "by score, ties by code: " + order);
        assertTrue(order.indexOf(idle) > 2);
        assertEquals("0.15", text(row(ranking, z).get("weightCounted")));

        // Per request: satisfaction 3, solved 1, returns 2; Y = (3×1 + 1×0 + 2×0.5) / 6; Z only on its returns.
        JsonPath asked = ranking("satisfaction:3,solved:1,returns:2");
        assertEquals(Map.of("satisfaction", "3", "solved", "1", "returns", "2"), nonZero(asked.getMap("weights")));
        assertRanked(asked, x, 1, "1.0000");
        assertRanked(asked, z, 1, "1.0000");
        assertRanked(asked, y, 3, "0.6667");
        // Only the call-back rates: Z has none and drops out of the ranking.
        JsonPath callBacks = ranking("satisfaction:1,solved:1");
        assertRanked(callBacks, x, 1, "1.0000");
        assertRanked(callBacks, y, 2, "0.5000");
        assertRanked(callBacks, z, null, null);

        String csv = asManager().queryParam("from", "2025-06-01").queryParam("to", "2025-06-30").queryParam("format", "csv")
                .get(RANKING).then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertTrue(csv.startsWith("\uFEFF名次,单位代码,承办单位,综合得分,计分权重,满意率,按时办结率,解决率,按时签收率,一次办结率,退单率,重办率,响应率,"
                + "重复诉求率\r\n1,"), csv);
        assertTrue(csv.contains("\r\n3," + y + ",排名乙局" + y + ",0.6750,1.00,1.0000,1.0000,0.0000,0.0000,1.0000,0.5000,0.0000,"
                + "0.0000,0.0000\r\n"), csv);
        assertTrue(csv.contains("\r\n," + idle + ",排名丁局" + idle + ",,,,,,,,,,,\r\n"), csv);
        byte[] xlsx = asManager().queryParam("from", "2025-06-01").queryParam("to", "2025-06-30").queryParam("format", "xlsx")
                .get(RANKING).then().statusCode(200).extract().asByteArray();
        assertEquals("PK", new String(xlsx, 0, 2, StandardCharsets.US_ASCII));
    }

    @Test
    void badWeightsAreA400NamingTheEntry() {
        for (String[] bad : new String[][] {{"satisfaction:abc", "satisfaction:abc"}, {"speed:1", "speed"},
                {"satisfaction:0.5,satisfaction:0.5", "重复"}, {"satisfaction", "satisfaction"}, {"satisfaction:-1", "负数"},
                {"satisfaction:0", "全部为 0"}}) {
            asManager().queryParam("from", "2025-06-01").queryParam("to", "2025-06-30").queryParam("weights", bad[0]).get(RANKING)
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("weights")).body("detail", containsString(bad[1]));
        }
        asManager().queryParam("to", "2025-06-30").get(RANKING).then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void theReportLeavesAsCsvAndAsAWorkbook() {
        String d = department("报表丁局");
        String t = dispatchedAt("2026-03-02T10:00+08:00", TestData.creditCode(), d);
        at("2026-03-02T10:30+08:00", () -> move(t, "sign", "{}"));
        clock.reset();

        byte[] bytes = asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").queryParam("format", "csv")
                .get(REPORT).then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("attachment")).extract().asByteArray();
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF单位代码,承办单位,派单数,签收数,按时签收数,办结数,按时办结数,一次办结数,退单数,重办数,有效回访数,"
                + "解决数,满意数,批准延期数,工单数,重复诉求数,按时签收率,按时办结率,响应率,解决率,满意率,退单率,重办率,一次办结率,重复诉求率\r\n"),
                csv);
        assertTrue(csv.contains("\r\n" + d + ",报表丁局" + d + ",1,1,1,0,0,0,0,0,0,0,0,0,1,0,1.0000,,1.0000,,,0.0000,,,0.0000\r\n"), csv);

        byte[] xlsx = asStaff().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").get(REPORT).then().statusCode(200)
                .extract().asByteArray();
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);
        byte[] linked = asAdmin().queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").queryParam("format", "xlsx")
                .get(REPORT).then().statusCode(200).extract().asByteArray();
        assertEquals("PK", new String(linked, 0, 2, StandardCharsets.US_ASCII));
    }

    @Test
    void badDatesAreA400NamingTheParameter() {
        asManager().queryParam("from", "2026-02-30").queryParam("to", "2026-03-31").get(REPORT).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("from"))
                .body("detail", containsString("2026-02-30"));
        asManager().queryParam("from", "2026-03-01").queryParam("to", "31/03/2026").get(REPORT).then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        asManager().queryParam("from", "2026-03-31").queryParam("to", "2026-03-01").get(REPORT).then().statusCode(400)
                .body("errors[0].field", equalTo("to")).body("detail", containsString("早于"));
        asManager().queryParam("to", "2026-03-31").get(REPORT).then().statusCode(400).body("errors[0].field", equalTo("from"));
        asManager().queryParam("from", "2026-03-01").get(REPORT).then().statusCode(400).body("errors[0].field", equalTo("to"));
        asManager().queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").queryParam("format", "pdf").get(REPORT).then()
                .statusCode(400).body("errors[0].field", equalTo("format"));
    }

    @Test
    void managersStaffAndAdminsReadItEnterprisesDoNot() {
        asEnterprise(TestData.creditCode()).queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").get(REPORT).then()
                .statusCode(403);
        anonymous().queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").get(REPORT).then().statusCode(401);
        asStaff().queryParam("from", "2026-03-01").queryParam("to", "2026-03-31").get(REPORT).then().statusCode(200);
    }

    /** A fresh department of this test (code and name unique), created through the ADMIN API. */
    private static String department(String name) {
        String code = "RPT_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        asAdmin().contentType("application/json").body("{\"code\": \"" + code + "\", \"name\": \"" + name + code + "\"}")
                .post("/api/tickets/departments").then().statusCode(201);
        return code;
    }

    private String dispatchedAt(String at, String enterprise, String topic, String department) {
        String id = registeredAt(at, enterprise, topic);
        dispatch(id, department);
        return id;
    }

    /** A ticket of {@code topic} (a leaf of the 诉求分类) registered at {@code at}; the clock stays there. */
    private String registeredAt(String at, String enterprise, String topic) {
        clock.at(at);
        return asStaff().contentType("application/json").body("""
                {"channel": "HOTLINE", "category": "CONSULTATION", "title": "研发费用加计扣除政策咨询",
                 "description": "企业来电询问研发费用加计扣除的申报口径。", "enterpriseCreditCode": "%s",
                 "contactName": "李会计", "contactPhone": "13912345678", "urgent": false, "topicCode": "%s"}
                """.formatted(enterprise, topic)).post("/api/tickets").then().statusCode(201).extract().path("id");
    }

    private static JsonPath ranking(String weights) {
        var request = asManager().queryParam("from", "2025-06-01").queryParam("to", "2025-06-30");
        if (weights != null) {
            request = request.queryParam("weights", weights);
        }
        String body = request.get(RANKING).then().statusCode(200).contentType(startsWith("application/json")).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /**
     * 并单: C1, merged into P before A signed it, is not A's dispatch, nor is C4, merged the day after its dispatch (the
     * dispatch's day loses it); C2, signed before its merge, and C3, returned before it, keep what they counted; C3's
     * second dispatch, to B, was merged unsigned and is not B's. 响应率 and 退单率 of A are then 1/3, not 1/5. Exact, and
     * the day sums equal the direct count over the history, also rebuilt.
     */
    @Test
    void aDuplicateMergedBeforeItWasSignedIsNotDispatched() {
        String a = department("并单甲局");
        String b = department("并单乙局");
        String enterprise = TestData.creditCode();
        String parent = cn.hitech.servicedesk.support.Tickets.get(dispatchedAt("2026-03-02T10:00+08:00", enterprise, a))
                .getString("number");
        String c1 = dispatchedAt("2026-03-02T10:00+08:00", enterprise, a);
        at("2026-03-02T10:20+08:00", () -> merge(c1, parent));
        String c2 = dispatchedAt("2026-03-02T10:00+08:00", enterprise, a);
        at("2026-03-02T10:30+08:00", () -> move(c2, "sign", "{}"));
        at("2026-03-02T11:00+08:00", () -> merge(c2, parent));
        String c3 = dispatchedAt("2026-03-02T10:00+08:00", enterprise, a);
        at("2026-03-02T10:30+08:00", () -> move(c3, "return", "{\"reason\": \"属供电业务，非本单位职责\"}"));
        at("2026-03-02T11:00+08:00", () -> dispatch(c3, b));
        at("2026-03-02T11:10+08:00", () -> merge(c3, parent));
        String c4 = dispatchedAt("2026-03-02T10:00+08:00", enterprise, a);
        clock.reset();
        assertEquals(4, ((Number) row(report("2026-03-02", "2026-03-02"), a).get("dispatched")).intValue(), "C4 not merged yet");
        at("2026-03-03T10:00+08:00", () -> merge(c4, parent));
        clock.reset();

        JsonPath day = report("2026-03-02", "2026-03-02");
        assertFigures(row(day, a), """
                dispatched=3 signed=1 signedInTime=1 resolved=0 resolvedInTime=0 resolvedWithoutReopening=0 returned=1 reopened=0
                callBacks=0 solved=0 satisfied=0 extensionsApproved=0 tickets=5 repeats=0
                signedOnTime=1.0000 resolvedOnTime=null responseRate=0.3333 solvedRate=null satisfactionRate=null
                returnRate=0.3333 reopenRate=null firstTimeResolved=null repeatRate=0.0000""");
        assertFigures(row(day, b), """
                dispatched=0 signed=0 signedInTime=0 resolved=0 resolvedInTime=0 resolvedWithoutReopening=0 returned=0 reopened=0
                callBacks=0 solved=0 satisfied=0 extensionsApproved=0 tickets=0 repeats=0
                signedOnTime=null resolvedOnTime=null responseRate=null solvedRate=null satisfactionRate=null
                returnRate=null reopenRate=null firstTimeResolved=null repeatRate=null""");
        assertEquals(0, ((Number) row(report("2026-03-03", "2026-03-03"), a).get("dispatched")).intValue(), "the merge is no dispatch");
        List<ReportPeriod> periods = List.of(metrics.period(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-02")),
                metrics.period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")));
        assertDaySumsEqualTheHistory(periods, "merged: day sums = history");
        asAdmin().post(REBUILD).then().statusCode(200);
        assertDaySumsEqualTheHistory(periods, "merged: rebuilt day sums = history");
        assertEquals(3, ((Number) row(report("2026-03-02", "2026-03-02"), a).get("dispatched")).intValue(), "rebuilt");
    }

    /**
     * 分槽: two moves for one department on one day, in transactions open at the same time. Of tickets in different
     * slots the second inserts without waiting (a lock timeout of 2 s would fail it) and commits while the first is still
     * open; two moves of one ticket share its slot and the second does wait, which shows the check would catch a hot
     * row. The committed moves are counted exactly, and the day sums equal the direct count.
     */
    @Test
    void movesOfOneDepartmentAndDayInDifferentSlotsDoNotWaitForEachOther() throws SQLException {
        String d = department("分槽甲局");
        String first = register(TestData.creditCode());
        String other = register(TestData.creditCode());
        try (Connection one = connection(); Connection two = connection()) {
            for (int i = 0; slot(one, other) == slot(one, first); i++) {
                assertTrue(i < 40, "a ticket in another slot");
                other = register(TestData.creditCode());
            }
            one.setAutoCommit(false);
            two.setAutoCommit(false);
            try (Statement timeout = two.createStatement()) {
                timeout.execute("SET lock_timeout = '2s'");
            }
            insertMove(one, first, d, "dispatch", "REGISTERED", "DISPATCHED", "{}");
            insertMove(two, other, d, "dispatch", "REGISTERED", "DISPATCHED", "{}");
            two.commit();
            one.commit();

            insertMove(one, first, d, "sign", "DISPATCHED", "SIGNED", "{\"inTime\": true}");
            String again = first;
            SQLException waited = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> insertMove(two, again, d, "sign", "DISPATCHED", "SIGNED", "{\"inTime\": true}"));
            assertEquals("55P03", waited.getSQLState(), "lock_not_available: " + waited.getMessage());
            two.rollback();
            one.commit();
        }
        assertFigures(row(report("2024-11-11", "2024-11-11"), d), """
                dispatched=2 signed=1 signedInTime=1 resolved=0 resolvedInTime=0 resolvedWithoutReopening=0 returned=0 reopened=0
                callBacks=0 solved=0 satisfied=0 extensionsApproved=0 tickets=2 repeats=0
                signedOnTime=1.0000 resolvedOnTime=null responseRate=0.5000 solvedRate=null satisfactionRate=null
                returnRate=0.0000 reopenRate=null firstTimeResolved=null repeatRate=0.0000""");
        List<ReportPeriod> day = List.of(metrics.period(LocalDate.parse("2024-11-11"), LocalDate.parse("2024-11-11")));
        assertDaySumsEqualTheHistory(day, "slotted day sums = history");

        // The nightly fold: the past day's two slots become one row, with the same sums.
        assertEquals(2, dayRows(d), "one row per slot written");
        assertTrue(metrics.compact(LocalDate.parse("2024-11-12")) >= 1);
        assertEquals(1, dayRows(d), "folded into slot 0");
        assertDaySumsEqualTheHistory(day, "folded day sums = history");
        assertEquals("2", text(row(report("2024-11-11", "2024-11-11"), d).get("dispatched")));
    }

    private static long dayRows(String department) throws SQLException {
        try (Connection db = connection(); PreparedStatement q = db.prepareStatement(
                "SELECT count(*) FROM ticket_metrics_day WHERE department = ? AND day = DATE '2024-11-11'")) {
            q.setString(1, department);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Connection connection() throws SQLException {
        org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
    }

    private static int slot(Connection db, String ticket) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT ticket_metrics_slot(?::uuid)")) {
            q.setString(1, ticket);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** A move written as the lifecycle writes it, on 11 November 2024 (a day no other test uses). */
    private static void insertMove(Connection db, String ticket, String department, String move, String from, String to, String details)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO ticket_move (ticket_id, move, from_status, to_status, department, actor, actor_role, occurred_at, details)
                VALUES (?::uuid, ?, ?, ?, ?, 'slot-test', 'STAFF', TIMESTAMPTZ '2024-11-11 10:00:00+08', ?::jsonb)""")) {
            insert.setString(1, ticket);
            insert.setString(2, move);
            insert.setString(3, from);
            insert.setString(4, to);
            insert.setString(5, department);
            insert.setString(6, details);
            insert.executeUpdate();
        }
    }

    private static JsonPath merge(String child, String parentNumber) {
        return move(child, "merge", "{\"parent\": \"" + parentNumber + "\", \"reason\": \"同一诉求重复来电\"}");
    }

    private static void assertRanked(JsonPath ranking, String code, Integer rank, String score) {
        Map<String, Object> row = row(ranking, code);
        assertEquals(rank == null ? null : rank.toString(), text(row.get("rank")), "rank of " + code);
        assertEquals(score, text(row.get("score")), "score of " + code);
    }

    private static Map<String, String> nonZero(Map<String, Object> weights) {
        Map<String, String> named = new LinkedHashMap<>();
        weights.forEach((k, v) -> {
            if (new BigDecimal(text(v)).signum() != 0) {
                named.put(k, text(v));
            }
        });
        return named;
    }

    private static void assertRepeats(Map<String, Object> row, int dispatched, int tickets, int repeats, String rate) {
        assertEquals(List.of(String.valueOf(dispatched), String.valueOf(tickets), String.valueOf(repeats), rate),
                List.of(text(row.get("dispatched")), text(row.get("tickets")), text(row.get("repeats")), text(row.get("repeatRate"))),
                "dispatched, tickets, repeats, repeatRate of " + row.get("department"));
    }

    /** A JSON number as written (4-decimal rates keep their zeros), or null. */
    private static String text(Object value) {
        return value == null ? null : value instanceof BigDecimal dec ? dec.toPlainString() : value.toString();
    }

    /** The report as the service computes it, and as counted directly over the move history, in a transaction of their own. */
    private void assertDaySumsEqualTheHistory(List<ReportPeriod> periods, String when) {
        for (ReportPeriod period : periods) {
            assertEquals(QuarkusTransaction.requiringNew().call(() -> metrics.replayed(period)),
                    QuarkusTransaction.requiringNew().call(() -> metrics.departments(period)), when + ", " + period.label());
        }
    }

    private String dispatchedAt(String at, String enterprise, String department) {
        clock.at(at);
        String id = register(enterprise);
        dispatch(id, department);
        return id;
    }

    private void at(String at, Runnable move) {
        clock.at(at);
        move.run();
    }

    private static JsonPath resolve(String id) {
        return move(id, "resolve", "{\"reply\": \"已协调供电公司完成接入\"}");
    }

    private static JsonPath callBack(String id, String satisfaction, boolean solved) {
        return move(id, "call-back", "{\"satisfaction\": \"" + satisfaction + "\", \"solved\": " + solved + "}");
    }

    /** The report as JSON, its decimals read as BigDecimal so 4-decimal rates compare exactly. */
    private static JsonPath report(String from, String to) {
        String body = asManager().queryParam("from", from).queryParam("to", to).get(REPORT).then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static Map<String, Object> row(JsonPath report, String code) {
        Map<String, Object> row = report.getMap("rows.find { it.department == '" + code + "' }");
        assertTrue(row != null && !row.isEmpty(), "a row for " + code);
        return row;
    }

    /** Every figure of the row, exactly: {@code name=value} pairs cover all of them (rates with their 4 decimals, or null). */
    private static void assertFigures(Map<String, Object> row, String expected) {
        Map<String, String> want = new LinkedHashMap<>();
        for (String pair : expected.strip().split("\\s+")) {
            String[] kv = pair.split("=");
            want.put(kv[0], kv[1]);
        }
        Map<String, String> got = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (!k.equals("department") && !k.equals("departmentName")) {
                got.put(k, v == null ? "null" : v instanceof BigDecimal dec ? dec.toPlainString() : v.toString());
            }
        });
        assertEquals(want, got, "figures of " + row.get("department"));
    }
}
