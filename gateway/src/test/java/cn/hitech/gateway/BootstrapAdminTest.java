package cn.hitech.gateway;

import static cn.hitech.gateway.Logins.auditedEvents;
import static cn.hitech.gateway.Logins.login;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.auth.principal.JWTParser;

import cn.hitech.platform.testkit.RealInfrastructureResource;

/** A production start with an empty account table: no demo account, the first ADMIN from the bootstrap setting. */
@QuarkusTest
@TestProfile(ProductionIdentity.class)
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandInServices.class, scope = TestResourceScope.GLOBAL)
class BootstrapAdminTest {

    @Inject
    EntityManager entityManager;

    @Inject
    JWTParser parser;

    @Test
    void theBootstrapAdministratorSignsInAndNoDemoAccountExists() throws Exception {
        for (String[] demo : new String[][] {{"admin", "Admin@2026"}, {"manager", "Manager@2026"}, {"staff", "Staff@2026"},
                {"hotline", "Hotline@2026"}, {"enterprise", "Enterprise@2026"}}) {
            login(demo[0], demo[1]).then().statusCode(401).body("code", equalTo("BAD_CREDENTIALS"));
        }
        List<String> demoNames = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select a.username from Account a where a.username in ('manager', 'staff', 'hotline', 'enterprise')", String.class)
                .getResultList());
        assertEquals(List.of(), demoNames);

        String access = login("admin", ProductionIdentity.BOOTSTRAP_PASSWORD).then().statusCode(200).extract().path("accessToken");
        JsonWebToken token = parser.parse(access);
        assertEquals("admin", token.getName());
        assertTrue(token.getGroups().contains("ADMIN"));
        List<String> events = auditedEvents("admin");
        assertEquals("LOGIN_SUCCEEDED", events.get(0));
        assertEquals("ACCOUNT_CREATED", events.get(events.size() - 1));
    }
}
