package cn.hitech.servicedesk.agency;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.servicedesk.agency.Grants.asAgent;
import static cn.hitech.servicedesk.agency.Grants.grant;
import static cn.hitech.servicedesk.agency.Grants.granted;
import static cn.hitech.servicedesk.support.Tickets.get;
import static cn.hitech.servicedesk.support.Tickets.register;
import static cn.hitech.servicedesk.support.Tickets.version;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.servicedesk.support.TestClock;

/**
 * The platform's check of {@code X-On-Behalf-Of}, as it holds on the service desk's endpoints: only staff send it, and
 * only to an act the enterprise itself could do; even an authorised agent cannot dispatch "for" an enterprise.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class OnBehalfHeaderTest {

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
    void anEnterpriseOrAManagerCannotActOnBehalf() {
        String code = TestData.creditCode();
        asEnterprise(code).header("X-On-Behalf-Of", TestData.creditCode()).contentType("application/json").body("""
                {"channel": "WEB", "category": "REQUEST", "title": "企业冒充代办", "description": "企业账号带代办头。"}""")
                .post("/api/tickets").then().statusCode(403).body("code", equalTo("ON_BEHALF_NOT_ALLOWED"));
        asEnterprise(code).get("/api/tickets").then().body("total", equalTo(0));
        asManager().header("X-On-Behalf-Of", code).get("/api/approvals/things/TCM_CLINIC_OPENING/form").then().statusCode(403)
                .body("code", equalTo("ON_BEHALF_NOT_ALLOWED"));
    }

    @Test
    void aStaffOnlyMoveTakesNoHeaderEvenFromAnAuthorisedAgent() {
        String code = TestData.creditCode();
        granted(grant(code));
        String id = register(code);
        long before = version(id);
        asAgent(code).contentType("application/json").header("If-Match", "\"" + before + "\"")
                .body("{\"department\": \"POWER_SUPPLY\"}").post("/api/tickets/" + id + "/dispatch").then().statusCode(400)
                .body("code", equalTo("ON_BEHALF_NOT_APPLICABLE"));
        assertEquals(before, version(id));
        assertEquals("REGISTERED", get(id).getString("status"));
        asAgent(code).get("/api/tickets/" + id + "/moves").then().statusCode(400).body("code", equalTo("ON_BEHALF_NOT_APPLICABLE"));
    }

    @Test
    void aHeaderThatIsNoCreditCodeIsRefused() {
        asAgent("not-a-credit-code").contentType("application/json").body("""
                {"channel": "WEB", "category": "REQUEST", "title": "代办", "description": "代办头格式错误。"}""")
                .post("/api/tickets").then().statusCode(400);
    }
}
