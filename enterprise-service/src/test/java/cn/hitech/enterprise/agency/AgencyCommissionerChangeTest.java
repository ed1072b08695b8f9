package cn.hitech.enterprise.agency;

import static cn.hitech.enterprise.agency.AgencyFixtures.asAgent;
import static cn.hitech.enterprise.agency.AgencyFixtures.grant;
import static cn.hitech.enterprise.agency.AgencyFixtures.path;
import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.enterprise.support.TestClock;
import cn.hitech.platform.testkit.RealInfrastructureResource;

/** A commissioner grant is the person's: when the commissioner leaves, the grants naming them end, evented; a 帮办员's stay. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AgencyCommissionerChangeTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String grantAs(String code, Map<String, Object> body) {
        return asEnterprise(code).contentType("application/json").body(body).post(path(code)).then().statusCode(201).extract().path("id");
    }

    @Test
    void theCommissionerLeavingWithdrawsTheirGrants() {
        clock.today(LocalDate.of(2026, 2, 9));
        String commissioner = AgencyFixtures.commissioner();
        String code = AgencyFixtures.enterprise("顶峰航空科技有限公司", "OPERATING", commissioner);
        String second = AgencyFixtures.enterprise("大京机械有限公司", "OPERATING", commissioner);
        String helper = AgencyFixtures.fresh("bangban.");
        String commissioners = grantAs(code, grant("COMMISSIONER", null, List.of("TICKETS"), null, "2026-02-23"));
        String pending = grantAs(code, grant("COMMISSIONER", null, List.of("APPROVALS"), "2026-02-16", "2026-02-23"));
        String helpers = grantAs(code, grant("HELPER", helper, List.of("TICKETS"), null, "2026-02-23"));
        String seconds = grantAs(second, grant("COMMISSIONER", commissioner, List.of("APPROVALS", "POLICIES"), null, "2026-02-23"));
        asAgent(commissioner).get("/api/enterprises/authorisations/mine").then().body("total", equalTo(2));

        asAdmin().contentType("application/json").header("If-Match", "\"0\"").post("/api/enterprises/commissioners/" + commissioner + "/leave")
                .then().statusCode(200);

        var list = asEnterprise(code).get(path(code)).then().statusCode(200).extract().jsonPath();
        for (String id : List.of(commissioners, pending)) {
            assertEquals("WITHDRAWN", list.getString("items.find { it.id == '" + id + "' }.status"));
            assertEquals("system", list.getString("items.find { it.id == '" + id + "' }.withdrawnBy"));
            assertEquals("服务专员已变更", list.getString("items.find { it.id == '" + id + "' }.reason"));
        }
        assertEquals("ACTIVE", list.getString("items.find { it.id == '" + helpers + "' }.status"));
        asEnterprise(second).get(path(second)).then().body("items[0].id", equalTo(seconds)).body("items[0].status", equalTo("WITHDRAWN"));
        asAgent(commissioner).get("/api/enterprises/authorisations/mine").then().body("total", equalTo(0));

        Map<?, ?> event = AgencyFixtures.event(code, commissioners, "enterprise.authorisation.withdrawn");
        assertEquals(true, event.get("withdrawn"));
        assertEquals(1, ((Number) event.get("revision")).intValue());
        assertEquals(commissioner, event.get("agent"));
    }

    @Test
    void staffNamingAnotherCommissionerInTheRecordWithdrawsTheFormersGrants() {
        clock.today(LocalDate.of(2026, 2, 9));
        String commissioner = AgencyFixtures.commissioner();
        String next = AgencyFixtures.commissioner();
        String code = AgencyFixtures.enterprise("济宁大京机械有限公司", "OPERATING", commissioner);
        String id = grantAs(code, grant("COMMISSIONER", null, List.of("TICKETS"), null, "2026-02-23"));

        asStaff().contentType("application/json").body(Map.of("version", 0, "name", "济宁大京机械有限公司", "commissioner", next))
                .put("/api/enterprises/" + code).then().statusCode(200);

        asEnterprise(code).get(path(code)).then().body("items[0].id", equalTo(id)).body("items[0].status", equalTo("WITHDRAWN"))
                .body("items[0].withdrawnBy", equalTo("system"));
        grantAs(code, grant("COMMISSIONER", next, List.of("TICKETS"), null, "2026-02-23"));
    }
}
