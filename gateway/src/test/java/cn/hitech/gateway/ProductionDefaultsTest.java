package cn.hitech.gateway;

import static cn.hitech.gateway.Logins.login;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import cn.hitech.platform.testkit.RealInfrastructureResource;

/**
 * The gateway under the {@code prod} profile with nothing set about accounts (the {@code %test} switch that turns demo
 * accounts on does not apply): it starts with no account at all, and warns that nobody can sign in.
 */
@QuarkusTest
@TestProfile(ProductionDefaultsTest.ProductionDefaults.class)
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandInServices.class, scope = TestResourceScope.GLOBAL)
class ProductionDefaultsTest {

    public static class ProductionDefaults implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }
    }

    @Inject
    EntityManager entityManager;

    @Test
    void aProductionStartCreatesNoDemoAccount() {
        Assertions.assertEquals(0L, QuarkusTransaction.requiringNew().call(() ->
                entityManager.createQuery("select count(a) from Account a", Long.class).getSingleResult()));
        login("admin", "Admin@2026").then().statusCode(401);
        login("staff", "Staff@2026").then().statusCode(401);
    }
}
