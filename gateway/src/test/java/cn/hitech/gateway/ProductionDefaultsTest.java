package cn.hitech.gateway;

import static cn.hitech.gateway.Logins.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import cn.hitech.gateway.identity.FirstAccounts;
import cn.hitech.platform.testkit.RealInfrastructureResource;

/**
 * The gateway under the {@code prod} profile with nothing set about accounts (the {@code %test} switches that turn demo
 * accounts on and select the acceptance mode do not apply): it starts in production mode with no account at all, and
 * warns that nobody can sign in.
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

    @Inject
    FirstAccounts firstAccounts;

    @Test
    void aProductionStartCreatesNoDemoAccount() {
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() ->
                entityManager.createQuery("select count(a) from Account a", Long.class).getSingleResult()));
        login("admin", "Admin@2026").then().statusCode(401);
        login("staff", "Staff@2026").then().statusCode(401);
    }

    /**
     * The start's account step, run again on the same empty table and settings, warns that nobody can sign in and
     * names the settings that fix it. (The start's own log line is written before a test can listen.)
     */
    @Test
    void anEmptyAccountTableWithoutBootstrapSettingWarnsThatNobodyCanSignIn() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger identityLog = Logger.getLogger("cn.hitech.gateway.identity");
        identityLog.addHandler(capture);
        try {
            firstAccounts.ensureFirstAccounts();
        } finally {
            identityLog.removeHandler(capture);
        }
        List<String> warnings = records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(ProductionDefaultsTest::textOf).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("nobody can sign in")
                && w.contains("HITECH_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD_HASH")), "warnings: " + warnings);
    }

    /** The pattern and its arguments: JBoss Logging's printf-style records are not formatted by JUL's formatter. */
    private static String textOf(LogRecord record) {
        return record.getMessage() + " " + Arrays.toString(record.getParameters());
    }
}
