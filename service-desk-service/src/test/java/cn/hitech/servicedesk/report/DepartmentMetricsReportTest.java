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
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

    @Inject
    TestClock clock;

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
                callBacks=4 solved=2 satisfied=3 extensionsApproved=1
                signedOnTime=0.6667 resolvedOnTime=0.8000 responseRate=0.4000 solvedRate=0.5000 satisfactionRate=0.7500
                returnRate=0.2000 reopenRate=0.2000 firstTimeResolved=0.6000""");
        assertFigures(row(march, b), """
                dispatched=2 signed=2 signedInTime=1 resolved=1 resolvedInTime=1 resolvedWithoutReopening=1 returned=0 reopened=0
                callBacks=1 solved=1 satisfied=0 extensionsApproved=0
                signedOnTime=0.5000 resolvedOnTime=1.0000 responseRate=0.5000 solvedRate=1.0000 satisfactionRate=0.0000
                returnRate=0.0000 reopenRate=0.0000 firstTimeResolved=1.0000""");
        assertFigures(row(march, idle), """
                dispatched=0 signed=0 signedInTime=0 resolved=0 resolvedInTime=0 resolvedWithoutReopening=0 returned=0 reopened=0
                callBacks=0 solved=0 satisfied=0 extensionsApproved=0
                signedOnTime=null resolvedOnTime=null responseRate=null solvedRate=null satisfactionRate=null
                returnRate=null reopenRate=null firstTimeResolved=null""");
        assertEquals("报表甲局" + a, row(march, a).get("departmentName"));
        assertEquals("2026-03-01", march.getString("period.from"));
        assertEquals("Asia/Shanghai", march.getString("period.zone"));
        List<String> codes = march.getList("rows.department");
        assertEquals(new ArrayList<>(new TreeSet<>(codes)), codes, "one row per department, by code");

        JsonPath april = report("2026-04-01", "2026-04-30");
        assertFigures(row(april, a), """
                dispatched=0 signed=1 signedInTime=1 resolved=0 resolvedInTime=0 resolvedWithoutReopening=0 returned=0 reopened=0
                callBacks=0 solved=0 satisfied=0 extensionsApproved=0
                signedOnTime=1.0000 resolvedOnTime=null responseRate=null solvedRate=null satisfactionRate=null
                returnRate=null reopenRate=null firstTimeResolved=null""");
        assertFigures(row(april, b), """
                dispatched=1 signed=0 signedInTime=0 resolved=0 resolvedInTime=0 resolvedWithoutReopening=0 returned=0 reopened=0
                callBacks=0 solved=0 satisfied=0 extensionsApproved=0
                signedOnTime=null resolvedOnTime=null responseRate=0.0000 solvedRate=null satisfactionRate=null
                returnRate=0.0000 reopenRate=null firstTimeResolved=null""");

        // One day, both ends included, in Beijing dates: T5's dispatch at 23:30 is the 31st's, T7's at 00:30 is not.
        JsonPath lastDay = report("2026-03-31", "2026-03-31");
        assertEquals(1, ((Number) row(lastDay, a).get("dispatched")).intValue());
        assertEquals(0, ((Number) row(lastDay, b).get("dispatched")).intValue());
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
                + "解决数,满意数,批准延期数,按时签收率,按时办结率,响应率,解决率,满意率,退单率,重办率,一次办结率\r\n"), csv);
        assertTrue(csv.contains("\r\n" + d + ",报表丁局" + d + ",1,1,1,0,0,0,0,0,0,0,0,0,1.0000,,1.0000,,,0.0000,,\r\n"), csv);

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
