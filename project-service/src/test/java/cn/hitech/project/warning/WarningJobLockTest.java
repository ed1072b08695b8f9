package cn.hitech.project.warning;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.project.support.AnotherInstance;
import cn.hitech.project.support.Projects;
import cn.hitech.project.support.TestClock;

/**
 * The warning job runs on one instance at a time: while another instance recomputes (holds the advisory lock), this
 * one's scheduled run and a manual recomputation skip and change nothing; once the other is done, they work.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class WarningJobLockTest {

    @Inject
    WarningJob job;

    @Inject
    TestClock clock;

    @Test
    void theScheduledRunSkipsWhileAnotherInstanceRecomputesAndWorksAfterwards() {
        String id = Projects.register(TestData.creditCode(), Map.of("plannedStart", "\"2026-01-15\"", "plannedEnd", "null"));
        clock.today(LocalDate.of(2026, 2, 13));
        try {
            try (AnotherInstance other = AnotherInstance.holding(WarningService.LOCK)) {
                job.recompute();
                asStaff().get("/api/projects/" + id + "/warning").then().statusCode(200).body("colour", nullValue())
                        .body("colourLabel", equalTo("未计算"));
            }
            job.recompute();
            asStaff().get("/api/projects/" + id + "/warning").then().body("colour", notNullValue())
                    .body("asOf", equalTo("2026-02-13"))
                    .body("reasons.find { it.rule == 'START_OVERDUE' }.colour", equalTo("YELLOW"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void aManualRecomputationSaysItSkipped() {
        try (AnotherInstance other = AnotherInstance.holding(WarningService.LOCK)) {
            asAdmin().queryParam("asOf", "2026-02-13").post("/api/projects/warnings/recompute").then().statusCode(200)
                    .body("skipped", equalTo(true)).body("assessed", equalTo(0));
        }
        asAdmin().queryParam("asOf", "2026-02-13").post("/api/projects/warnings/recompute").then().statusCode(200)
                .body("skipped", equalTo(false));
    }
}
