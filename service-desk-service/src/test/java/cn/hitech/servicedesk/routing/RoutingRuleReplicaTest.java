package cn.hitech.servicedesk.routing;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.servicedesk.support.Tickets;

/**
 * The routing rules are kept between registrations, yet a rule changed by another replica (here: written straight into
 * the table, as that replica's commit would) routes the very next registration: the kept rules are no shortcut around
 * a change.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class RoutingRuleReplicaTest {

    @Inject
    EntityManager em;

    private static String suggested(String keyword) {
        String id = asStaff().contentType("application/json").body("""
                {"channel": "HOTLINE", "category": "REQUEST", "title": "企业反映%s问题", "description": "请相关单位协调处理。",
                 "enterpriseCreditCode": "%s", "contactName": "王经理", "contactPhone": "13812345678", "urgent": false}
                """.formatted(keyword, TestData.creditCode())).post("/api/tickets").then().statusCode(201).extract().path("id");
        return Tickets.get(id).getString("suggestedDepartment");
    }

    private void elsewhere(String sql, String ruleId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).setParameter(1, UUID.fromString(ruleId)).executeUpdate());
    }

    @Test
    void aRuleChangedOnAnotherReplicaRoutesTheNextRegistration() {
        String keyword = "RR" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String rule = asAdmin().contentType("application/json").body("""
                {"name": "副本测试规则", "keywords": ["%s"], "priority": 5, "department": "TAXATION", "autoDispatch": false}
                """.formatted(keyword)).post("/api/tickets/routing-rules").then().statusCode(201).body("version", equalTo(0))
                .extract().path("id");
        assertEquals("TAXATION", suggested(keyword));
        assertEquals("TAXATION", suggested(keyword));

        elsewhere("UPDATE routing_rule SET department_code = 'MARKET_REGULATION', version = version + 1, updated_at = now() WHERE id = ?1",
                rule);
        assertEquals("MARKET_REGULATION", suggested(keyword));

        elsewhere("UPDATE routing_rule SET active = false, version = version + 1, updated_at = now() WHERE id = ?1", rule);
        assertNull(suggested(keyword));
    }
}
