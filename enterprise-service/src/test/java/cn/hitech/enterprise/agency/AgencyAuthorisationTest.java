package cn.hitech.enterprise.agency;

import static cn.hitech.enterprise.agency.AgencyFixtures.asAgent;
import static cn.hitech.enterprise.agency.AgencyFixtures.grant;
import static cn.hitech.enterprise.agency.AgencyFixtures.granted;
import static cn.hitech.enterprise.agency.AgencyFixtures.path;
import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import cn.hitech.enterprise.support.TestClock;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/**
 * 帮办代办授权 through the API: each rule of a grant refused with its own code and nothing saved; the list, the agent's
 * own list, withdrawal with the version read, expiry by the clock; an enterprise sees and changes its own only; every
 * change published for the service desk.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AgencyAuthorisationTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static ValidatableResponse grantAs(String code, Map<String, Object> body) {
        return asEnterprise(code).contentType("application/json").body(body).post(path(code)).then();
    }

    private static void refused(String code, Map<String, Object> body, int status, String problem) {
        grantAs(code, body).statusCode(status).contentType("application/problem+json").body("code", equalTo(problem));
    }

    @Test
    void eachRuleOfAGrantIsItsOwnProblemAndSavesNothing() {
        clock.today(java.time.LocalDate.of(2026, 2, 9));
        String commissioner = AgencyFixtures.commissioner();
        String code = AgencyFixtures.enterprise("浩珂科技有限公司", "OPERATING", commissioner);
        String without = AgencyFixtures.operating("拓新电气有限公司");
        String movedOut = AgencyFixtures.enterprise("已迁出企业有限公司", "MOVED_OUT", commissioner);
        String helper = AgencyFixtures.fresh("bangban.");
        List<String> tickets = List.of("TICKETS");

        asAdmin().contentType("application/json").body(grant("HELPER", helper, tickets, null, "2026-02-23"))
                .post(path(TestData.creditCode())).then().statusCode(404);
        refused(movedOut, grant("HELPER", helper, tickets, null, "2026-02-23"), 422, "ENTERPRISE_NOT_OPERATING");
        refused(without, grant("COMMISSIONER", null, tickets, null, "2026-02-23"), 422, "NO_COMMISSIONER");
        refused(code, grant("COMMISSIONER", "someone.else", tickets, null, "2026-02-23"), 422, "AGENT_NOT_COMMISSIONER");
        refused(code, grant("HELPER", null, tickets, null, "2026-02-23"), 400, "VALIDATION_FAILED");
        refused(code, grant("HELPER", "不是账号 x", tickets, null, "2026-02-23"), 400, "VALIDATION_FAILED");
        refused(code, grant("HELPER", "a".repeat(65), tickets, null, "2026-02-23"), 400, "VALIDATION_FAILED");
        refused(code, grant("AGENT", helper, tickets, null, "2026-02-23"), 400, "VALIDATION_FAILED");
        refused(code, grant("HELPER", helper, List.of(), null, "2026-02-23"), 400, "VALIDATION_FAILED");
        refused(code, grant("HELPER", helper, List.of("TICKETS", "TICKETS"), null, "2026-02-23"), 400, "VALIDATION_FAILED");
        refused(code, grant("HELPER", helper, List.of("PAYMENTS"), null, "2026-02-23"), 400, "VALIDATION_FAILED");
        Map<String, Object> twoScopes = grant("HELPER", helper, List.of("TICKETS", "APPROVALS"), null, "2026-02-23");
        twoScopes.put("reference", "0b9e7d3c-6a43-4f5e-9a55-2d8c3f1e7a10");
        refused(code, twoScopes, 422, "REFERENCE_NEEDS_ONE_SCOPE");
        Map<String, Object> policies = grant("HELPER", helper, List.of("POLICIES"), null, "2026-02-23");
        policies.put("reference", "0b9e7d3c-6a43-4f5e-9a55-2d8c3f1e7a10");
        refused(code, policies, 422, "REFERENCE_NEEDS_ONE_SCOPE");
        Map<String, Object> notAnId = grant("HELPER", helper, tickets, null, "2026-02-23");
        notAnId.put("reference", "工单 42");
        refused(code, notAnId, 400, "VALIDATION_FAILED");
        refused(code, grant("HELPER", helper, tickets, "2026-02-08", "2026-02-23"), 422, "VALID_FROM_IN_PAST");
        refused(code, grant("HELPER", helper, tickets, "2026-02-16", "2026-02-15"), 422, "VALID_UNTIL_BEFORE_FROM");
        refused(code, grant("HELPER", helper, tickets, null, "2027-02-10"), 422, "AUTHORISATION_TOO_LONG");
        grantAs(code, grant("HELPER", helper, tickets, null, null)).statusCode(400);
        asStaff().contentType("application/json").body(grant("HELPER", helper, tickets, null, "2026-02-23")).post(path(code)).then()
                .statusCode(403);
        asStaff().get(path(code)).then().statusCode(200).body("total", equalTo(0));

        // The commissioner by default, scopes in their order, valid from today; the same again is a duplicate.
        String id = grantAs(code, grant("COMMISSIONER", null, List.of("APPROVALS", "TICKETS"), null, "2026-02-23")).statusCode(201)
                .header("ETag", "\"0\"").header("Location", org.hamcrest.Matchers.containsString(path(code) + "/"))
                .body("agent", equalTo(commissioner)).body("agentKind", equalTo("COMMISSIONER"))
                .body("scopes", contains("TICKETS", "APPROVALS")).body("reference", nullValue())
                .body("validFrom", equalTo("2026-02-09")).body("validUntil", equalTo("2026-02-23"))
                .body("status", equalTo("ACTIVE")).body("statusLabel", equalTo("有效")).body("enterpriseName", equalTo("浩珂科技有限公司"))
                .body("grantedBy", equalTo("ent-" + code)).body("version", equalTo(0)).extract().path("id");
        refused(code, grant("COMMISSIONER", commissioner, List.of("TICKETS", "APPROVALS"), "2026-02-16", "2026-03-31"), 409,
                "DUPLICATE_AUTHORISATION");
        grantAs(code, grant("COMMISSIONER", commissioner, tickets, null, "2026-02-23")).statusCode(201);
        // A year at most, to the day.
        grantAs(code, grant("HELPER", helper, List.of("POLICIES"), null, "2027-02-09")).statusCode(201).body("status", equalTo("ACTIVE"));
        asStaff().get(path(code)).then().statusCode(200).body("total", equalTo(3));

        Map<?, ?> event = AgencyFixtures.event(code, id, "enterprise.authorisation.granted");
        assertEquals(commissioner, event.get("agent"));
        assertEquals("COMMISSIONER", event.get("agentKind"));
        assertEquals(List.of("TICKETS", "APPROVALS"), event.get("scopes"));
        assertEquals("2026-02-23", event.get("validUntil"));
        assertEquals(false, event.get("withdrawn"));
        assertEquals(0, ((Number) event.get("revision")).intValue());
    }

    @Test
    void aReferenceNarrowsAGrantToOneTicket() {
        clock.today(java.time.LocalDate.of(2026, 2, 9));
        String code = AgencyFixtures.operating("山推股份有限公司");
        String helper = AgencyFixtures.fresh("bangban.");
        Map<String, Object> one = grant("HELPER", helper, List.of("TICKETS"), null, "2026-02-23");
        one.put("reference", "0b9e7d3c-6a43-4f5e-9a55-2d8c3f1e7a10");
        grantAs(code, one).statusCode(201).body("reference", equalTo("0b9e7d3c-6a43-4f5e-9a55-2d8c3f1e7a10"));
        refused(code, one, 409, "DUPLICATE_AUTHORISATION");
        one.put("reference", "5f0a4a38-1f1b-4f43-b1d5-1c1e9f0e2b77");
        grantAs(code, one).statusCode(201);
        grantAs(code, grant("HELPER", helper, List.of("TICKETS"), null, "2026-02-23")).statusCode(201).body("reference", nullValue());
        asAgent(helper).get("/api/enterprises/authorisations/mine").then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    void listsMineAndWithdrawalNameTheVersionAndAnEnterpriseTouchesItsOwnOnly() {
        clock.at("2026-02-09T09:00+08:00");
        String code = AgencyFixtures.operating("鲁抗医药股份有限公司");
        String other = AgencyFixtures.operating("辰欣药业股份有限公司");
        String helper = AgencyFixtures.fresh("bangban.");
        String active = granted(code, grant("HELPER", helper, List.of("POLICIES"), null, "2026-02-23"));
        clock.at("2026-02-09T09:05+08:00");
        String pending = granted(code, grant("HELPER", helper, List.of("TICKETS"), "2026-02-16", "2026-02-23"));

        asEnterprise(code).get(path(code)).then().statusCode(200).body("total", equalTo(2))
                .body("items[0].id", equalTo(pending)).body("items[0].status", equalTo("PENDING")).body("items[0].statusLabel", equalTo("未生效"))
                .body("items[1].id", equalTo(active)).body("items[1].status", equalTo("ACTIVE"))
                .body("items[1].grantedBy", equalTo("admin.test"));
        asEnterprise(code).queryParam("status", "ACTIVE").get(path(code)).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(active));
        asManager().get(path(code)).then().statusCode(200).body("total", equalTo(2));
        asAdmin().get(path(code)).then().statusCode(200).body("total", equalTo(2));

        // another enterprise: not found, whatever it tries
        asEnterprise(other).get(path(code)).then().statusCode(404);
        asEnterprise(other).contentType("application/json").body(grant("HELPER", helper, List.of("TICKETS"), null, "2026-02-23"))
                .post(path(code)).then().statusCode(404);
        asEnterprise(other).contentType("application/json").header("If-Match", "\"0\"").post(path(code) + "/" + active + "/withdraw")
                .then().statusCode(404);
        asEnterprise(other).contentType("application/json").header("If-Match", "\"0\"").post(path(other) + "/" + active + "/withdraw")
                .then().statusCode(404);
        asAdmin().contentType("application/json").header("If-Match", "\"0\"").post(path(other) + "/" + active + "/withdraw")
                .then().statusCode(404);

        asAgent(helper).get("/api/enterprises/authorisations/mine").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(active)).body("items[0].creditCode", equalTo(code))
                .body("items[0].enterpriseName", equalTo("鲁抗医药股份有限公司"));
        asAgent(helper).queryParam("status", "PENDING").get("/api/enterprises/authorisations/mine").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(pending));
        asStaff().get("/api/enterprises/authorisations/mine").then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(active)));
        asManager().get("/api/enterprises/authorisations/mine").then().statusCode(403);
        asEnterprise(code).get("/api/enterprises/authorisations/mine").then().statusCode(403);

        String withdraw = path(code) + "/" + active + "/withdraw";
        asStaff().contentType("application/json").header("If-Match", "\"0\"").post(withdraw).then().statusCode(403);
        asEnterprise(code).contentType("application/json").post(withdraw).then().statusCode(428);
        asEnterprise(code).contentType("application/json").header("If-Match", "\"3\"").post(withdraw).then().statusCode(409)
                .body("code", equalTo("CONCURRENT_MODIFICATION"));
        asEnterprise(code).get(path(code)).then().body("items[1].status", equalTo("ACTIVE"));
        asEnterprise(code).contentType("application/json").body(Map.of("version", 0, "reason", "改由本企业自办")).post(withdraw).then()
                .statusCode(200).header("ETag", "\"1\"").body("status", equalTo("WITHDRAWN")).body("statusLabel", equalTo("已撤回"))
                .body("withdrawnBy", equalTo("ent-" + code)).body("reason", equalTo("改由本企业自办"))
                .body("withdrawnAt", org.hamcrest.Matchers.notNullValue()).body("version", equalTo(1));
        asEnterprise(code).contentType("application/json").header("If-Match", "\"1\"").post(withdraw).then().statusCode(409)
                .body("code", equalTo("AUTHORISATION_WITHDRAWN"));
        asAgent(helper).get("/api/enterprises/authorisations/mine").then().statusCode(200).body("total", equalTo(0));
        asAdmin().contentType("application/json").header("If-Match", "\"0\"").post(path(code) + "/" + pending + "/withdraw").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN")).body("withdrawnBy", equalTo("admin.test"));

        Map<?, ?> event = AgencyFixtures.event(code, active, "enterprise.authorisation.withdrawn");
        assertEquals(true, event.get("withdrawn"));
        assertEquals(1, ((Number) event.get("revision")).intValue());
        assertEquals(helper, event.get("agent"));
    }

    @Test
    void aGrantExpiresAfterItsLastDayAndCannotThenBeWithdrawn() {
        clock.today(java.time.LocalDate.of(2026, 2, 9));
        String code = AgencyFixtures.operating("泰丰液压股份有限公司");
        String helper = AgencyFixtures.fresh("bangban.");
        String id = granted(code, grant("HELPER", helper, List.of("APPROVALS"), null, "2026-02-23"));

        clock.today(java.time.LocalDate.of(2026, 2, 23));
        asEnterprise(code).get(path(code)).then().body("items[0].status", equalTo("ACTIVE"));
        clock.today(java.time.LocalDate.of(2026, 2, 24));
        asEnterprise(code).get(path(code)).then().body("items[0].status", equalTo("EXPIRED")).body("items[0].statusLabel", equalTo("已过期"));
        asEnterprise(code).queryParam("status", "EXPIRED").get(path(code)).then().body("total", equalTo(1));
        asAgent(helper).get("/api/enterprises/authorisations/mine").then().body("total", equalTo(0));
        asEnterprise(code).contentType("application/json").header("If-Match", "\"0\"").post(path(code) + "/" + id + "/withdraw").then()
                .statusCode(409).body("code", equalTo("AUTHORISATION_EXPIRED"));
        // expired, so the same grant may be given anew
        granted(code, grant("HELPER", helper, List.of("APPROVALS"), null, "2026-03-09"));
    }

    @Test
    void theProfileShowsTheAuthorisations() {
        clock.today(java.time.LocalDate.of(2026, 2, 9));
        String code = AgencyFixtures.operating("莱恩光电科技股份有限公司");
        String helper = AgencyFixtures.fresh("bangban.");
        granted(code, grant("HELPER", helper, List.of("TICKETS", "POLICIES"), null, "2026-02-23"));
        asEnterprise(code).get("/api/enterprises/" + code + "/profile").then().statusCode(200)
                .body("sections.authorisations[0].agent", equalTo(helper))
                .body("sections.authorisations[0].agentKind", equalTo("HELPER"))
                .body("sections.authorisations[0].scopes", contains("TICKETS", "POLICIES"))
                .body("sections.authorisations[0].validUntil", equalTo("2026-02-23"))
                .body("sections.authorisations[0].status", equalTo("ACTIVE"));
    }
}
