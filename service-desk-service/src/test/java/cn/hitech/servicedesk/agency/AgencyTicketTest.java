package cn.hitech.servicedesk.agency;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.agency.Grants.AGENT;
import static cn.hitech.servicedesk.agency.Grants.asAgent;
import static cn.hitech.servicedesk.agency.Grants.grant;
import static cn.hitech.servicedesk.agency.Grants.granted;
import static cn.hitech.servicedesk.agency.Grants.withdrawn;
import static cn.hitech.servicedesk.support.Tickets.get;
import static cn.hitech.servicedesk.support.Tickets.move;
import static cn.hitech.servicedesk.support.Tickets.register;
import static cn.hitech.servicedesk.support.Tickets.signed;
import static cn.hitech.servicedesk.support.Tickets.version;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.servicedesk.support.TestClock;

/**
 * 帮办代办 on tickets: an authorised agent files a ticket, supplies material and gives the call-back as the enterprise
 * would, recorded as the agent for the enterprise; without an authorisation that covers the act on the acceptance clock's
 * date, the act is refused and changes nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AgencyTicketTest {

    private static final String FILING = """
            {"channel": "WEB", "category": "REQUEST", "title": "代办：新厂房用电报装", "description": "帮办员代企业提交用电报装诉求。",
             "contactName": "王经理", "contactPhone": "13812345678"%s}""";

    @Inject
    TestClock clock;

    @BeforeEach
    void fridayBeforeTheSpringFestival() {
        clock.at("2026-02-13T10:00+08:00");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void anAgentFilesATicketAsTheEnterpriseWouldAndTheHistoryNamesBoth() {
        String code = TestData.creditCode();
        granted(grant(code));

        JsonPath created = file(asAgent(code), "").statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        assertEquals(code, created.getString("enterpriseCreditCode"), "filed in the enterprise's name");
        assertEquals("WEB", created.getString("channel"));

        List<Map<String, Object>> moves = moves(id);
        assertEquals("register", moves.get(0).get("move"));
        assertEquals(AGENT, moves.get(0).get("actor"));
        assertEquals("STAFF", moves.get(0).get("actorRole"));
        assertEquals(code, moves.get(0).get("onBehalfOf"));

        JsonPath timeline = asEnterprise(code).get("/api/tickets/" + id + "/timeline").then().statusCode(200).extract().jsonPath();
        assertEquals(1, timeline.getList("findAll { it.move == 'register' }").size(), "the register move is the 受理 entry, not a second one");
        assertTrue(timeline.getString("[0].text").startsWith(AGENT + " 代 "), timeline.getString("[0].text"));
        assertTrue(timeline.getString("[0].text").contains("提交诉求"));
        assertEquals("代办人", timeline.getString("[0].by"));
        assertEquals(code, timeline.getString("[0].onBehalfOf"));

        JsonPath audit = asAdmin().queryParam("entityId", id).get("/api/tickets/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(AGENT, audit.getString("items.find { it.action == 'register' }.actor"));
        assertEquals(code, audit.getString("items.find { it.action == 'register' }.summary.onBehalfOf"));

        // The enterprise's own rules hold for its agent: it files online only.
        asAgent(code).contentType("application/json").body(FILING.formatted("").replace("\"WEB\"", "\"HOTLINE\""))
                .post("/api/tickets").then().statusCode(422).body("code", equalTo("CHANNEL_NOT_ALLOWED"));
    }

    @Test
    void materialAndCallBackOnBehalfAreRecordedWithTheAgentForTheEnterprise() {
        String code = TestData.creditCode();
        granted(grant(code));
        String id = suspended(code);

        JsonPath resumed = attempt(asAgent(code), id, "material", "{\"text\": \"营业执照副本已补充\"}").statusCode(200).extract().jsonPath();
        assertEquals("SIGNED", resumed.getString("status"), "the ticket resumes as when the enterprise supplies it");
        List<Map<String, Object>> moves = moves(id);
        Map<String, Object> supplied = moves.get(moves.size() - 2);
        assertEquals("supply-material", supplied.get("move"));
        assertEquals(AGENT, supplied.get("actor"));
        assertEquals(code, supplied.get("onBehalfOf"));
        assertEquals("system", moves.get(moves.size() - 1).get("actor"));
        assertNull(moves.get(moves.size() - 1).get("onBehalfOf"), "the resume that follows is the system's");
        assertNull(moves.get(0).get("onBehalfOf"), "the staff's own dispatch names nobody");
        assertEquals(AGENT + "（代办人，代企业提交）", asStaff().get("/api/tickets/" + id + "/material").then().statusCode(200)
                .extract().jsonPath().getString("[0].by"));

        move(id, "resolve", "{\"reply\": \"已协调供电公司于2月16日接电\"}");
        JsonPath closed = attempt(asAgent(code), id, "call-back", "{\"satisfaction\": \"SATISFIED\", \"solved\": true}")
                .statusCode(200).extract().jsonPath();
        assertEquals("CLOSED", closed.getString("status"));
        moves = moves(id);
        assertEquals("call-back", moves.get(moves.size() - 1).get("move"));
        assertEquals(code, moves.get(moves.size() - 1).get("onBehalfOf"));

        JsonPath timeline = asEnterprise(code).get("/api/tickets/" + id + "/timeline").then().statusCode(200).extract().jsonPath();
        assertTrue(timeline.getString("find { it.move == 'supply-material' }.text").startsWith(AGENT + " 代 "));
        assertTrue(timeline.getString("find { it.move == 'call-back' }.text").endsWith("回访：满意，已解决"));
        assertEquals(code, timeline.getString("find { it.move == 'call-back' }.onBehalfOf"));
        assertNull(timeline.get("find { it.move == 'sign' }.onBehalfOf"));
        assertEquals(code, asAdmin().queryParam("entityId", id).get("/api/tickets/audit").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.action == 'call-back' }.summary.onBehalfOf"));
    }

    @Test
    void staffWithoutTheHeaderKeepRecordingInTheirOwnName() {
        String code = TestData.creditCode();
        String id = suspended(code);
        attempt(asStaff(), id, "material", "{\"text\": \"窗口代收材料\"}").statusCode(200);
        List<Map<String, Object>> moves = moves(id);
        assertEquals("staff.test", moves.get(moves.size() - 2).get("actor"));
        assertNull(moves.get(moves.size() - 2).get("onBehalfOf"));
        assertEquals("热线受理员（代企业提交）", asStaff().get("/api/tickets/" + id + "/material").then().extract().jsonPath()
                .getString("[0].by"));
    }

    @Test
    void noAuthorisationAnotherAgentsOneOfAnotherEnterpriseOrForApprovalsOnlyIsRefusedAndChangesNothing() {
        String code = TestData.creditCode();
        String id = suspended(code);

        refusedUnchanged(asAgent("helper02", code), id);
        granted(grant(code, "helper09", List.of("TICKETS"), null, "2026-02-01", "2026-03-31"));
        // helper01 has none of this enterprise: helper09's grant is helper09's alone.
        refusedUnchanged(asAgent(code), id);
        granted(grant(TestData.creditCode()));
        refusedUnchanged(asAgent(code), id);
        granted(grant(code, AGENT, List.of("APPROVALS", "POLICIES"), null, "2026-02-01", "2026-03-31"));
        refusedUnchanged(asAgent(code), id);
        file(asAgent(code), "").statusCode(403).body("code", equalTo("NOT_AUTHORISED_AGENT"));
        asEnterprise(code).get("/api/tickets").then().statusCode(200).body("total", equalTo(1));

        attempt(asAgent("helper09", code), id, "material", "{\"text\": \"补充\"}").statusCode(200);
    }

    @Test
    void aGrantForOneTicketCoversThatTicketAndNoOtherNorAFiling() {
        String code = TestData.creditCode();
        String mine = suspended(code);
        String other = suspended(code);
        granted(grant(code, AGENT, List.of("TICKETS"), mine, "2026-02-01", "2026-03-31"));

        refusedUnchanged(asAgent(code), other);
        file(asAgent(code), "").statusCode(403).body("code", equalTo("NOT_AUTHORISED_AGENT"));
        attempt(asAgent(code), mine, "material", "{\"text\": \"补充\"}").statusCode(200);
    }

    @Test
    void aWithdrawnAuthorisationNoLongerCovers() {
        String code = TestData.creditCode();
        Grants.Grant g = granted(grant(code));
        file(asAgent(code), "").statusCode(201);
        String id = suspended(code);

        withdrawn(g.revised(1));
        refusedUnchanged(asAgent(code), id);
        file(asAgent(code), "").statusCode(403).body("code", equalTo("NOT_AUTHORISED_AGENT"));
        asEnterprise(code).get("/api/tickets").then().body("total", equalTo(2));
    }

    @Test
    void theAuthorisationHoldsFromItsFirstToItsLastDayOnTheAcceptanceClockAcrossTheSpringFestival() {
        String code = TestData.creditCode();
        granted(grant(code, AGENT, List.of("TICKETS"), null, "2026-02-09", "2026-02-20"));

        clock.today(LocalDate.parse("2026-02-08"));
        file(asAgent(code), "").statusCode(403).body("code", equalTo("NOT_AUTHORISED_AGENT"));
        clock.today(LocalDate.parse("2026-02-21"));
        file(asAgent(code), "").statusCode(403).body("code", equalTo("NOT_AUTHORISED_AGENT"));
        clock.at("2026-02-20T23:30+08:00");
        file(asAgent(code), "").statusCode(201);
        // Just after midnight in Beijing it is the 21st, though UTC still has the 20th: the day is Shanghai's.
        clock.at("2026-02-21T00:30+08:00");
        file(asAgent(code), "").statusCode(403);
        // 调休: the Saturday before the festival is a working day; any day of the period counts alike.
        clock.today(LocalDate.parse("2026-02-14"));
        file(asAgent(code), "").statusCode(201);
        asEnterprise(code).get("/api/tickets").then().body("total", equalTo(2));
    }

    @Test
    void aTicketOfAnotherEnterpriseIsNotFoundForItsAgent() {
        String code = TestData.creditCode();
        granted(grant(code));
        String theirs = suspended(TestData.creditCode());
        long before = version(theirs);
        attempt(asAgent(code), theirs, "material", "{\"text\": \"补充\"}").statusCode(404);
        assertEquals(before, version(theirs));
        assertEquals("SUSPENDED", get(theirs).getString("status"));
    }

    @Test
    void aBodyNamingAnotherEnterpriseThanTheOneActedForIsRefused() {
        String code = TestData.creditCode();
        String other = TestData.creditCode();
        granted(grant(code));
        file(asAgent(code), ", \"enterpriseCreditCode\": \"" + other + "\"").statusCode(422)
                .body("code", equalTo("ON_BEHALF_MISMATCH")).body("errors[0].field", equalTo("enterpriseCreditCode"));
        asEnterprise(other).get("/api/tickets").then().body("total", equalTo(0));
        asEnterprise(code).get("/api/tickets").then().body("total", equalTo(0));
        file(asAgent(code), ", \"enterpriseCreditCode\": \"" + code + "\"").statusCode(201);
    }

    private static ValidatableResponse file(RequestSpecification who, String extra) {
        return who.contentType("application/json").body(FILING.formatted(extra)).post("/api/tickets").then();
    }

    /** A hotline ticket of {@code code}, dispatched, signed and suspended for material by staff. */
    private static String suspended(String code) {
        String id = signed(code, "REQUEST");
        move(id, "suspend", "{\"reason\": \"请补充营业执照副本\"}");
        return id;
    }

    private static ValidatableResponse attempt(RequestSpecification who, String id, String move, String body) {
        return who.contentType("application/json").header("If-Match", "\"" + version(id) + "\"").body(body)
                .post("/api/tickets/" + id + "/" + move).then();
    }

    private static List<Map<String, Object>> moves(String id) {
        return asStaff().get("/api/tickets/" + id + "/moves").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The material refused with 403 NOT_AUTHORISED_AGENT, and the ticket as it was. */
    private static void refusedUnchanged(RequestSpecification agent, String id) {
        long before = version(id);
        int moves = moves(id).size();
        attempt(agent, id, "material", "{\"text\": \"补充\"}").statusCode(403).body("code", equalTo("NOT_AUTHORISED_AGENT"))
                .body("detail", containsString("工单"));
        assertEquals(before, version(id));
        assertEquals(moves, moves(id).size());
        assertEquals("SUSPENDED", get(id).getString("status"));
    }
}
