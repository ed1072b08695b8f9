package cn.hitech.enterprise.agency;

import static cn.hitech.enterprise.agency.AgencyFixtures.asAgent;
import static cn.hitech.enterprise.agency.AgencyFixtures.grant;
import static cn.hitech.enterprise.agency.AgencyFixtures.granted;
import static cn.hitech.enterprise.agency.AgencyFixtures.path;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import cn.hitech.enterprise.support.TestClock;
import cn.hitech.platform.testkit.RealInfrastructureResource;

/**
 * 代办 of the policy acts (快申快享 application, 免申即享 account confirmation): an agent with an active POLICIES grant
 * acts as the enterprise, for that enterprise only, and the audit trail names both; without one (none, another
 * enterprise's, withdrawn, expired, another scope) it is a 403 that changes nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AgencyOnBehalfTest {

    private static final String HEADER = "X-On-Behalf-Of";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static RequestSpecification asAgentFor(String agent, String code) {
        return asAgent(agent).header(HEADER, code);
    }

    private static String apply(String policy) {
        return "/api/enterprises/policies/" + policy + "/applications";
    }

    private static int applications(String code, String policy) {
        return asEnterprise(code).queryParam("policyId", policy).get("/api/enterprises/policy-applications").then().statusCode(200)
                .extract().path("total");
    }

    private static String benefitOf(String code) {
        return asStaff().get("/api/enterprises/" + code + "/benefits").then().statusCode(200).extract().path("[0].id");
    }

    private static String statusOf(String benefit) {
        return asStaff().get("/api/enterprises/benefits/" + benefit).then().statusCode(200).extract().path("status");
    }

    private static Map<String, Object> account(String name) {
        return Map.of("bankName", "中国工商银行济宁高新区支行", "accountName", name, "accountNumber", "1608001234567890123");
    }

    @Test
    void anAuthorisedAgentAppliesAndConfirmsAsTheEnterpriseAndNobodyElseDoes() {
        clock.today(LocalDate.of(2026, 2, 9));
        String kind = AgencyFixtures.uniqueKind();
        String code = AgencyFixtures.operating("赛瓦特动力科技有限公司");
        String other = AgencyFixtures.operating("源根石油化工有限公司");
        String third = AgencyFixtures.operating("永生重工有限公司");
        for (String c : List.of(code, other, third)) {
            AgencyFixtures.qualifies(c, kind);
        }
        String policy = AgencyFixtures.policy("首台套研发补助", "APPLY", kind);
        String later = AgencyFixtures.policy("研发费用后补助", "APPLY", kind);
        AgencyFixtures.policy("绿色工厂奖励", "AUTO", kind);
        String benefit = benefitOf(code);
        String othersBenefit = benefitOf(other);
        String agent = AgencyFixtures.fresh("bangban.");
        String ticketsOnly = AgencyFixtures.fresh("bangban.");
        String grantId = granted(code, grant("HELPER", agent, List.of("POLICIES"), null, "2026-02-23"));
        granted(code, grant("HELPER", ticketsOnly, List.of("TICKETS"), null, "2026-02-23"));
        clock.today(LocalDate.of(2026, 2, 10));

        // without a covering grant: refused, nothing changed
        asAgentFor(agent, other).post(apply(policy)).then().statusCode(403).body("code", equalTo("NOT_AUTHORISED_AGENT"));
        asAgentFor(ticketsOnly, code).post(apply(policy)).then().statusCode(403).body("code", equalTo("NOT_AUTHORISED_AGENT"));
        asAgentFor(agent, other).header("If-Match", "\"0\"").body(account("源根石油化工有限公司"))
                .post("/api/enterprises/benefits/" + othersBenefit + "/confirm").then().statusCode(403)
                .body("code", equalTo("NOT_AUTHORISED_AGENT"));
        assertEquals(0, applications(other, policy));
        assertEquals("OFFERED", statusOf(othersBenefit));
        // the header where no act may be done for an enterprise, and from a manager
        asAgentFor(agent, code).header("If-Match", "\"0\"").body(Map.of("reference", "GK-1"))
                .post("/api/enterprises/benefits/" + benefit + "/pay").then().statusCode(400).body("code", equalTo("ON_BEHALF_NOT_APPLICABLE"));
        asManager().contentType("application/json").header(HEADER, code).post(apply(policy)).then().statusCode(403);
        assertEquals("OFFERED", statusOf(benefit));
        assertEquals(0, applications(code, policy));
        // the agent may only apply for the enterprise it acts for
        asAgentFor(agent, code).body(Map.of("creditCode", other)).post(apply(policy)).then().statusCode(400);

        // with the grant: as the enterprise, recorded with the agent
        String application = asAgentFor(agent, code).post(apply(policy)).then().statusCode(201).body("creditCode", equalTo(code))
                .body("status", equalTo("SUBMITTED")).extract().path("id");
        assertEquals(1, applications(code, policy));
        List<Object[]> trail = AgencyFixtures.audit("policy-application", application);
        assertEquals(agent, trail.get(0)[0]);
        assertTrue(((String) trail.get(0)[3]).contains("\"onBehalfOf\":\"" + code + "\""), (String) trail.get(0)[3]);
        assertTrue(((String) trail.get(0)[3]).contains("\"authorisation\":\"" + grantId + "\""), (String) trail.get(0)[3]);

        // its own benefit only: another's is not found, as for the enterprise's own account
        asAgentFor(agent, code).header("If-Match", "\"0\"").body(account("源根石油化工有限公司"))
                .post("/api/enterprises/benefits/" + othersBenefit + "/confirm").then().statusCode(404);
        assertEquals("OFFERED", statusOf(othersBenefit));
        asAgentFor(agent, code).header("If-Match", "\"0\"").body(account("赛瓦特动力科技有限公司"))
                .post("/api/enterprises/benefits/" + benefit + "/confirm").then().statusCode(200).body("status", equalTo("CONFIRMED"));
        List<Object[]> confirmed = AgencyFixtures.audit("policy-benefit", benefit);
        assertEquals(agent, confirmed.get(confirmed.size() - 1)[0]);
        assertTrue(((String) confirmed.get(confirmed.size() - 1)[3]).contains("\"actedBy\":\"" + agent + "\""));
        // staff in their own office still apply naming the enterprise, and still cannot confirm for it
        asStaff().contentType("application/json").body(Map.of("creditCode", third)).post(apply(policy)).then().statusCode(201)
                .body("creditCode", equalTo(third));
        asStaff().contentType("application/json").header("If-Match", "\"0\"").body(account("永生重工有限公司"))
                .post("/api/enterprises/benefits/" + benefitOf(third) + "/confirm").then().statusCode(403);

        // withdrawn: refused again
        asEnterprise(code).contentType("application/json").header("If-Match", "\"0\"").post(path(code) + "/" + grantId + "/withdraw")
                .then().statusCode(200);
        asAgentFor(agent, code).post(apply(later)).then().statusCode(403).body("code", equalTo("NOT_AUTHORISED_AGENT"));
        assertEquals(0, applications(code, later));

        // granted anew, then expired: refused after its last day
        granted(code, grant("HELPER", agent, List.of("POLICIES"), null, "2026-02-23"));
        clock.today(LocalDate.of(2026, 2, 24));
        asAgentFor(agent, code).post(apply(later)).then().statusCode(403).body("code", equalTo("NOT_AUTHORISED_AGENT"));
        assertEquals(0, applications(code, later));
        clock.today(LocalDate.of(2026, 2, 23));
        asAgentFor(agent, code).post(apply(later)).then().statusCode(201);
    }
}
