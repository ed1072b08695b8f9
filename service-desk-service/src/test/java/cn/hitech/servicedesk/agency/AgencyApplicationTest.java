package cn.hitech.servicedesk.agency;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.agency.Grants.AGENT;
import static cn.hitech.servicedesk.agency.Grants.asAgent;
import static cn.hitech.servicedesk.agency.Grants.grant;
import static cn.hitech.servicedesk.agency.Grants.granted;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
 * 帮办代办 on one-thing applications: an authorised agent applies and supplies corrections as the enterprise would (in its
 * name, online, its own applications only), recorded as the agent for the enterprise; without a covering authorisation
 * nothing is stored.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AgencyApplicationTest {

    private static final String BASE = "/api/approvals/applications";
    private static final String THING = "TCM_CLINIC_OPENING";

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
    void anAgentAppliesAsTheEnterpriseWouldAndTheMoveNamesBoth() {
        String code = TestData.creditCode();
        granted(grant(code));
        asAgent(code).get("/api/approvals/things/" + THING + "/form").then().statusCode(200)
                .body("fields.find { it.code == 'creditCode' }.value", equalTo(code));

        JsonPath created = submit(asAgent(code), clinic(code), null).statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        assertEquals(code, created.getString("applicantCreditCode"));
        assertEquals(0, created.getInt("visits"), "applied online for the enterprise: nobody came to the window");
        Map<String, Object> submitted = moves(id).get(0);
        assertEquals("submit", submitted.get("move"));
        assertEquals(AGENT, submitted.get("actor"));
        assertEquals("STAFF", submitted.get("actorRole"));
        assertEquals(code, submitted.get("onBehalfOf"));
        assertEquals(code, asAdmin().queryParam("entityId", id).get("/api/tickets/audit").then().statusCode(200).extract()
                .jsonPath().getString("items.find { it.action == 'submit' }.summary.onBehalfOf"));
        asEnterprise(code).get(BASE + "/" + id).then().statusCode(200);
    }

    @Test
    void theAgentSuppliesTheWindowsAndAnItemsCorrection() {
        String code = TestData.creditCode();
        granted(grant(code));
        String id = submit(asAgent(code), clinic(code), null).statusCode(201).extract().path("id");

        attempt(asStaff(), id, "request-correction", "{\"materials\": [\"PREMISES_PROOF\"], \"note\": \"请补充场所证明\"}").statusCode(200);
        JsonPath supplied = attempt(asAgent(code), id, "supply", "{\"materials\": [\"PREMISES_PROOF\"]}").statusCode(200)
                .extract().jsonPath();
        assertEquals("SUBMITTED", supplied.getString("status"));
        assertEquals(0, supplied.getInt("visits"));
        assertEquals(code, last(id).get("onBehalfOf"));

        attempt(asStaff(), id, "accept", "{}").statusCode(200);
        attempt(asStaff(), id, "items/CLINIC_FILING/request-correction", "{\"materials\": [\"CLINIC_FLOOR_PLAN\"]}").statusCode(200);
        JsonPath resumed = attempt(asAgent(code), id, "items/CLINIC_FILING/supply", "{\"materials\": [\"CLINIC_FLOOR_PLAN\"]}")
                .statusCode(200).extract().jsonPath();
        assertEquals("IN_PROGRESS", resumed.getString("items.find { it.code == 'CLINIC_FILING' }.status"));
        Map<String, Object> move = last(id);
        assertEquals("supply", move.get("move"));
        assertEquals("CLINIC_FILING", move.get("itemCode"));
        assertEquals(AGENT, move.get("actor"));
        assertEquals(code, move.get("onBehalfOf"));
        assertNull(moves(id).stream().filter(m -> "accept".equals(m.get("move"))).findFirst().orElseThrow().get("onBehalfOf"),
                "the window's own acceptance names nobody");
    }

    @Test
    void withoutACoveringAuthorisationNothingIsStored() {
        String code = TestData.creditCode();
        granted(grant(code, AGENT, List.of("TICKETS"), null, "2026-02-01", "2026-03-31"));
        submit(asAgent(code), clinic(code), null).statusCode(403).body("code", equalTo("NOT_AUTHORISED_AGENT"))
                .body("detail", containsString("一件事"));
        asAgent(code).get("/api/approvals/things/" + THING + "/form").then().statusCode(403);
        asStaff().queryParam("creditCode", code).get(BASE).then().body("total", equalTo(0));

        String id = submit(asEnterprise(code), clinic(code), null).statusCode(201).extract().path("id");
        attempt(asStaff(), id, "request-correction", "{\"materials\": [\"PREMISES_PROOF\"]}").statusCode(200);
        String other = submit(asEnterprise(code), clinic(code), null).statusCode(201).extract().path("id");
        granted(grant(code, AGENT, List.of("APPROVALS"), other, "2026-02-01", "2026-03-31"));
        long before = version(id);
        attempt(asAgent(code), id, "supply", "{\"materials\": [\"PREMISES_PROOF\"]}").statusCode(403)
                .body("code", equalTo("NOT_AUTHORISED_AGENT"));
        assertEquals(before, version(id));
        assertEquals("CORRECTION_REQUESTED", get(id).getString("status"));
        submit(asAgent(code), clinic(code), null).statusCode(403);
    }

    @Test
    void anApplicationOfAnotherEnterpriseIsNotFoundAndAnotherApplicantIsRefused() {
        String code = TestData.creditCode();
        String other = TestData.creditCode();
        granted(grant(code));
        String theirs = submit(asEnterprise(other), clinic(other), null).statusCode(201).extract().path("id");
        attempt(asStaff(), theirs, "request-correction", "{\"materials\": [\"PREMISES_PROOF\"]}").statusCode(200);
        long before = version(theirs);
        attempt(asAgent(code), theirs, "supply", "{\"materials\": [\"PREMISES_PROOF\"]}").statusCode(404);
        assertEquals(before, version(theirs));

        submit(asAgent(code), clinic(other), "\"applicantCreditCode\": \"" + other + "\"").statusCode(422)
                .body("code", equalTo("ON_BEHALF_MISMATCH")).body("errors[0].field", equalTo("applicantCreditCode"));
        asStaff().queryParam("creditCode", code).get(BASE).then().body("total", equalTo(0));
        asStaff().queryParam("creditCode", other).get(BASE).then().body("total", equalTo(1));
    }

    /** 开办中医诊所一件事 without a physician moving in: 诊所备案 and 刻制公章备案. */
    private static String clinic(String creditCode) {
        return """
                {"clinicName": "济宁仁和中医诊所", "creditCode": "%s", "legalRepresentative": "陈明",
                 "legalRepresentativeId": "370811199001011236", "address": "济宁高新区火炬路1号", "practiceCategory": "TCM",
                 "principalPhysician": "陈明", "sealCount": 2, "physicianMovesIn": false, "contactPhone": "13800000000"}"""
                .formatted(creditCode);
    }

    private static ValidatableResponse submit(RequestSpecification who, String answers, String extra) {
        return who.contentType("application/json").body("{\"thing\": \"" + THING + "\", \"answers\": " + answers
                + (extra == null ? "" : ", " + extra) + "}").post(BASE).then();
    }

    private static JsonPath get(String id) {
        return asStaff().get(BASE + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static long version(String id) {
        return get(id).getLong("version");
    }

    private static ValidatableResponse attempt(RequestSpecification who, String id, String path, String body) {
        return who.contentType("application/json").header("If-Match", "\"" + version(id) + "\"").body(body)
                .post(BASE + "/" + id + "/" + path).then();
    }

    private static List<Map<String, Object>> moves(String id) {
        return asStaff().get(BASE + "/" + id + "/moves").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> last(String id) {
        List<Map<String, Object>> moves = moves(id);
        return moves.get(moves.size() - 1);
    }
}
