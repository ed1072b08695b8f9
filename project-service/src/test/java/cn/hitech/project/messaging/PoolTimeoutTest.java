package cn.hitech.project.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;

/**
 * The service started with the patient start-up wait (5 s, for Flyway's first connection on a loaded machine) and now
 * lends connections to requests within 1.5 s, so that with PostgreSQL away a caller has its 503 within 2 s.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PoolTimeoutTest {

    @Inject
    AgroalDataSource pool;

    @Test
    void onceStartedARequestWaitsAtMostOneAndAHalfSecondsForAConnection() {
        assertEquals(Duration.ofMillis(1500), pool.getConfiguration().connectionPoolConfiguration().acquisitionTimeout());
    }
}
