package cn.hitech.servicedesk.history;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.web.Problem;
import cn.hitech.servicedesk.support.TestClock;
import cn.hitech.servicedesk.support.Tickets;

/**
 * 历史工单导入 through the API, on the acceptance clock after the 2026 Spring Festival: an imported ticket meets the
 * rules a live one made at the same instants meets; a legacy number is imported once; a bad batch changes nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TicketImportTest {

    private static final String NOW = "2026-03-06T10:00+08:00";

    /** A ticket's history across the festival: dispatched Fri 13 Feb, signed late, extended, suspended, resolved, rated. */
    private static final List<String[]> FESTIVAL_HISTORY = List.of(
            new String[] {"2026-02-13T10:00:00+08:00", "dispatch", "{\"department\": \"POWER_SUPPLY\", \"note\": \"双回路供电\"}"},
            new String[] {"2026-02-13T13:45:00+08:00", "sign", "{}"},
            new String[] {"2026-02-14T10:00:00+08:00", "extension", "{\"days\": 2, \"reason\": \"需供电公司现场勘查\"}"},
            new String[] {"2026-02-24T09:30:00+08:00", "approve-extension", "{}"},
            new String[] {"2026-02-25T10:00:00+08:00", "suspend", "{\"reason\": \"等待企业补充用电负荷材料\"}"},
            new String[] {"2026-02-26T10:00:00+08:00", "resume", "{}"},
            new String[] {"2026-03-03T16:00:00+08:00", "resolve", "{\"reply\": \"已完成双回路接入\", \"outcome\": \"已通电\"}"},
            new String[] {"2026-03-04T10:00:00+08:00", "call-back", "{\"satisfaction\": \"SATISFIED\", \"solved\": true}"});

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    @BeforeEach
    void afterTheSpringFestival() {
        clock.at(NOW);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anImportedTicketGetsTheDeadlinesAndInTimeFlagsOfALiveOneMadeAtTheSameInstants() {
        String legacy = "OLD-" + UUID.randomUUID();
        String body = "[" + ticket(legacy, TestData.creditCode(), "2026-02-13T09:30:00+08:00", "用电报装进度咨询", FESTIVAL_HISTORY) + "]";
        JsonPath report = asAdmin().contentType("application/json").body(body).post("/api/tickets/import").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(true, report.getBoolean("written"));
        assertEquals(List.of(), report.getList("failed"));
        String imported = report.getString("imported[0].id");
        assertEquals("CLOSED", report.getString("imported[0].status"));
        assertTrue(report.getString("imported[0].number").startsWith("GD20260213"), "numbered on the day it was registered");

        String live = live(TestData.creditCode(), "2026-02-13T09:30:00+08:00", FESTIVAL_HISTORY);
        clock.at(NOW);

        JsonPath importedTicket = Tickets.get(imported);
        JsonPath liveTicket = Tickets.get(live);
        assertEquals(liveTicket.getMap("deadlines"), importedTicket.getMap("deadlines"));
        assertEquals("2026-02-13T04:00:00Z", importedTicket.getString("deadlines.signBy"), "2 working hours from 10:00: noon");
        assertEquals(2, importedTicket.getInt("extensionDaysGranted"));
        assertEquals(liveTicket.getString("createdAt"), importedTicket.getString("createdAt"));

        List<Map<String, Object>> importedMoves = moves(imported);
        List<Map<String, Object>> liveMoves = moves(live);
        assertEquals(FESTIVAL_HISTORY.stream().map(m -> m[1]).toList(), importedMoves.stream().map(m -> m.get("move")).toList());
        for (int i = 0; i < liveMoves.size(); i++) {
            for (String field : List.of("move", "from", "to", "department", "actor", "occurredAt", "details")) {
                assertEquals(liveMoves.get(i).get(field), importedMoves.get(i).get(field), "move " + i + " " + field);
            }
        }
        assertEquals(false, details(importedMoves, 1).get("inTime"), "signed at 13:45, after the noon limit");
        // Sat 28 Feb is a make-up working day: the 2 extension days are Sat 28 Feb and Mon 2 Mar.
        assertEquals(Tickets.instant("2026-02-27T17:30+08:00"), instant(details(importedMoves, 3).get("resolveByBefore")));
        assertEquals(Tickets.instant("2026-03-02T17:30+08:00"), instant(details(importedMoves, 3).get("resolveBy")));
        // Suspended Wed 10:00 to Thu 10:00: 7 working hours on, from Mon 2 Mar 17:30 to Tue 3 Mar 17:30.
        assertEquals(Tickets.instant("2026-03-03T17:30+08:00"), instant(details(importedMoves, 5).get("resolveBy")));
        assertEquals(true, details(importedMoves, 6).get("inTime"));
        assertEquals("admin.test", importedMoves.get(0).get("actor"), "the importing account makes the moves");

        assertEquals(FESTIVAL_HISTORY.stream().map(m -> m[1]).toList(), Tickets.events(imported, "ticket.status.changed").stream()
                .map(r -> JsonPath.from(r.value()).getString("move")).toList());
        JsonPath audit = asAdmin().queryParam("entityId", imported).get("/api/tickets/audit").then().statusCode(200).extract().jsonPath();
        assertEquals("import", audit.getString("items[0].action"));
        assertEquals("admin.test", audit.getString("items[0].actor"));
        assertEquals(legacy, audit.getString("items[0].summary.legacyNumber"));
        assertEquals("话务员 李敏", audit.getString("items[0].summary.registeredBy"));
        assertEquals("供电公司 张工", audit.getString("items[0].summary.moves[1].actor"), "the old system's actor of the sign");
    }

    @Test
    void aLegacyNumberIsImportedOnceAndAReImportIsSkippedAndReported() {
        String legacy = "OLD-" + UUID.randomUUID();
        String body = "[" + ticket(legacy, TestData.creditCode(), "2026-02-27T09:10:00+08:00", "高新技术企业认定条件咨询",
                List.<String[]>of(new String[] {"2026-02-27T09:20:00+08:00", "answer", "{\"answer\": \"研发费用占比须达到规定比例\"}"})) + "]";
        String number = asAdmin().contentType("application/json").body(body).post("/api/tickets/import").then().statusCode(200)
                .body("imported[0].status", equalTo("CLOSED")).extract().path("imported[0].number");

        JsonPath again = asAdmin().contentType("application/json").body(body).post("/api/tickets/import").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(), again.getList("imported"));
        assertEquals(false, again.getBoolean("written"));
        assertEquals(number, again.getString("skipped[0].number"));
        assertEquals(legacy, again.getString("skipped[0].legacyNumber"));
        assertEquals(1L, count("SELECT count(*) FROM ticket_import WHERE legacy_number = ?1", legacy));
        assertEquals(1L, count("SELECT count(*) FROM ticket WHERE title = ?1", "高新技术企业认定条件咨询 " + legacy));
    }

    @Test
    void aBadBatchChangesNothingAndGoodOnlyKeepsTheGoodTickets() {
        String run = UUID.randomUUID().toString().substring(24);
        String code = TestData.creditCode();
        String dispatch = "{\"department\": \"TAXATION\"}";
        List<String> batch = List.of(
                ticket("GOOD-" + run, code, "2026-02-13T09:00:00+08:00", "发票领用咨询", List.<String[]>of(
                        new String[] {"2026-02-13T09:30:00+08:00", "dispatch", dispatch},
                        new String[] {"2026-02-13T10:00:00+08:00", "sign", "{}"})),
                ticket("UNDISPATCHED-" + run, code, "2026-02-13T09:00:00+08:00", "发票领用咨询", List.<String[]>of(
                        new String[] {"2026-02-13T09:30:00+08:00", "sign", "{}"})),
                ticket("DISORDER-" + run, code, "2026-02-13T09:00:00+08:00", "发票领用咨询", List.<String[]>of(
                        new String[] {"2026-02-13T10:00:00+08:00", "dispatch", dispatch},
                        new String[] {"2026-02-13T09:45:00+08:00", "sign", "{}"})),
                ticket("FUTURE-" + run, code, "2026-03-06T09:00:00+08:00", "发票领用咨询", List.<String[]>of(
                        new String[] {"2026-03-06T09:30:00+08:00", "dispatch", dispatch},
                        new String[] {"2026-03-06T11:00:00+08:00", "sign", "{}"})),
                ticket("LATE-RETURN-" + run, code, "2026-02-13T09:00:00+08:00", "发票领用咨询", List.<String[]>of(
                        new String[] {"2026-02-13T09:30:00+08:00", "dispatch", dispatch},
                        new String[] {"2026-02-26T10:00:00+08:00", "return", "{\"reason\": \"非本单位职责\"}"})),
                ticket("NO-TITLE-" + run, code, "2026-02-13T09:00:00+08:00", "", List.of()));
        String body = "[" + String.join(",", batch) + "]";

        // A problem like every refusal (FuzzIT found it as plain JSON), whose extensions are the report.
        JsonPath refused = asAdmin().contentType("application/json").body(body).post("/api/tickets/import").then().statusCode(422)
                .contentType("application/problem+json").body("status", equalTo(422)).body("title", equalTo(Problem.titleFor(422)))
                .body("type", equalTo("urn:hitech:problem:import-refused"))
                .body("code", equalTo("IMPORT_REFUSED")).extract().jsonPath();
        assertEquals(false, refused.getBoolean("written"));
        assertEquals(List.of(), refused.getList("imported"));
        assertEquals(List.of(1, 2, 3, 4, 5), refused.getList("failed.index"), refused.prettify());
        assertEquals(List.of("TRANSITION_NOT_ALLOWED", "MOVES_OUT_OF_ORDER", "MOVE_IN_FUTURE", "RETURN_TOO_LATE", "VALIDATION_FAILED"),
                refused.getList("failed.code"));
        assertEquals(List.of(409, 422, 422, 422, 400), refused.getList("failed.status"));
        assertEquals(0, refused.getInt("failed[0].move"));
        assertEquals("sign", refused.getString("failed[0].moveName"));
        assertEquals(1, refused.getInt("failed[1].move"));
        assertEquals(1, refused.getInt("failed[3].move"));
        assertEquals("return", refused.getString("failed[3].moveName"));
        assertNull(refused.get("failed[4].move"), "the registration itself");
        assertEquals("title", refused.getString("failed[4].errors[0].field"));
        assertEquals(0L, count("SELECT count(*) FROM ticket WHERE title LIKE ?1", "%" + run));
        assertEquals(0L, count("SELECT count(*) FROM ticket_import WHERE legacy_number LIKE ?1", "%" + run));

        JsonPath goodOnly = asAdmin().contentType("application/json").queryParam("mode", "good-only").body(body)
                .post("/api/tickets/import").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(0), goodOnly.getList("imported.index"));
        assertEquals("SIGNED", goodOnly.getString("imported[0].status"));
        assertEquals(List.of(1, 2, 3, 4, 5), goodOnly.getList("failed.index"));
        assertEquals(1L, count("SELECT count(*) FROM ticket WHERE title LIKE ?1", "%" + run));
        assertEquals(1L, count("SELECT count(*) FROM ticket_import WHERE legacy_number LIKE ?1", "%" + run));
    }

    @Test
    void onlyAnAdministratorImportsAndTheModeMustBeKnown() {
        String body = "[" + ticket("OLD-" + UUID.randomUUID(), TestData.creditCode(), "2026-02-13T09:00:00+08:00", "发票领用咨询",
                List.of()) + "]";
        asStaff().contentType("application/json").body(body).post("/api/tickets/import").then().statusCode(403);
        asAdmin().contentType("application/json").queryParam("mode", "some").body(body).post("/api/tickets/import").then()
                .statusCode(400).body("errors[0].field", equalTo("mode"));
        asAdmin().contentType("application/json").body("[]").post("/api/tickets/import").then().statusCode(400);
    }

    /** The same ticket made live, each move at its instant on the test clock, by the same account; its id. */
    private String live(String creditCode, String registeredAt, List<String[]> history) {
        clock.at(registeredAt);
        String id = asAdmin().contentType("application/json").body(registration(creditCode, "用电报装进度咨询 live")).post("/api/tickets")
                .then().statusCode(201).extract().path("id");
        for (String[] move : history) {
            clock.at(move[0]);
            Tickets.attempt(asAdmin(), id, move[1], move[2]).statusCode(200);
        }
        return id;
    }

    private static String ticket(String legacy, String creditCode, String registeredAt, String title, List<String[]> history) {
        List<String> moves = new ArrayList<>();
        for (String[] move : history) {
            String fields = move[2].strip();
            String actor = move[1].equals("sign") ? "供电公司 张工" : "调度员 王强";
            moves.add("{\"move\": \"" + move[1] + "\", \"at\": \"" + move[0] + "\", \"actor\": \"" + actor + "\""
                    + (fields.equals("{}") ? "" : ", " + fields.substring(1, fields.length() - 1)) + "}");
        }
        String registration = registration(creditCode, title.isEmpty() ? "" : title + " " + legacy);
        return "{\"legacyNumber\": \"" + legacy + "\", \"registeredAt\": \"" + registeredAt + "\", \"registeredBy\": \"话务员 李敏\", "
                + registration.substring(1, registration.length() - 1) + ", \"moves\": [" + String.join(", ", moves) + "]}";
    }

    private static String registration(String creditCode, String title) {
        return """
                {"channel": "HOTLINE", "category": "REQUEST", "title": "%s",
                 "description": "企业来电反映新厂房用电报装已提交两周，询问办理进度。", "enterpriseCreditCode": "%s",
                 "contactName": "王经理", "contactPhone": "13812345678", "urgent": false}""".formatted(title, creditCode);
    }

    private static List<Map<String, Object>> moves(String id) {
        // Doubles, not JsonPath's default floats: the instants in the details are seconds since the epoch.
        return asAdmin().get("/api/tickets/" + id + "/moves").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE)).getList("$");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(List<Map<String, Object>> moves, int index) {
        return (Map<String, Object>) moves.get(index).get("details");
    }

    /** An instant in a move's details, as the JSON column keeps it (seconds since the epoch, or ISO text). */
    private static Instant instant(Object value) {
        return value instanceof Number seconds ? Instant.ofEpochMilli(Math.round(seconds.doubleValue() * 1000))
                : Instant.parse(value.toString());
    }

    private long count(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, parameter)
                .getSingleResult()).longValue());
    }
}
