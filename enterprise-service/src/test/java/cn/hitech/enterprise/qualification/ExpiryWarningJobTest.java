package cn.hitech.enterprise.qualification;

import static cn.hitech.enterprise.qualification.Fixtures.enterprise;
import static cn.hitech.enterprise.qualification.Fixtures.qualificationEvents;
import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.enterprise.support.TestClock;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestKafka;
import cn.hitech.platform.web.AdvisoryLocks;

/** 到期预警: the job publishes EXPIRING once per qualification and expiry date, on the domain clock, one instance at a time. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ExpiryWarningJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @Inject
    ExpiryWarningJob job;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String withExpiry(String code, String kind, String validUntil) {
        return asStaff().contentType("application/json").body(Map.of("kind", kind, "level", "PROVINCIAL", "year", 2030,
                "validUntil", validUntil)).post("/api/enterprises/" + code + "/qualifications").then().statusCode(201).extract().path("id");
    }

    private static List<ConsumerRecord<String, String>> expiring(String code) {
        return qualificationEvents(code).stream()
                .filter(r -> "enterprise.qualification.expiring".equals(TestKafka.header(r, "ce_type"))).toList();
    }

    private static String validUntilOf(ConsumerRecord<String, String> record) throws Exception {
        return JSON.readTree(record.value()).get("validUntil").asText();
    }

    @Test
    void eachExpiryIsWarnedOnceAndACorrectedExpiryIsWarnedAgain() throws Exception {
        clock.at("2033-03-01T08:00+08:00");
        String code = enterprise("大京机械");
        String soon = withExpiry(code, "SMART_FACTORY", "2033-04-15");
        withExpiry(code, "GREEN_FACTORY", "2033-12-31");
        String revoked = withExpiry(code, "DIGITAL_WORKSHOP", "2033-03-20");
        asStaff().contentType("application/json").body(Map.of("version", 0, "reason", "撤销"))
                .post("/api/enterprises/" + code + "/qualifications/" + revoked + "/revoke").then().statusCode(200);

        assertTrue(job.run().orElseThrow() >= 1);
        assertTrue(job.run().isPresent(), "a rerun runs, and publishes nothing twice");
        List<ConsumerRecord<String, String>> warned = expiring(code);
        assertEquals(1, warned.size(), "only the one within 90 days, once; the revoked one not at all");
        assertEquals(soon, JSON.readTree(warned.get(0).value()).get("qualificationId").asText());
        assertEquals("2033-04-15", validUntilOf(warned.get(0)));

        asStaff().contentType("application/json").body(Map.of("version", 0, "year", 2030, "validUntil", "2033-05-10"))
                .put("/api/enterprises/" + code + "/qualifications/" + soon).then().statusCode(200);
        job.run();
        clock.at("2033-03-02T08:00+08:00");
        job.run();
        warned = expiring(code);
        assertEquals(2, warned.size(), "the corrected date once more, then nothing on the next day");
        assertEquals("2033-05-10", validUntilOf(warned.get(1)));
        List<String> actions = asAdmin().queryParam("entityType", "qualification").queryParam("entityId", soon)
                .get("/api/enterprises/audit").then().statusCode(200).extract().jsonPath().getList("items.action");
        assertEquals(2, actions.stream().filter("expiring"::equals).count(), "each warning is in the audit trail");
    }

    @Test
    void whileAnotherInstanceHoldsTheLockARunSkipsAndPublishesNothing() throws Exception {
        clock.at("2034-06-01T08:00+08:00");
        String code = enterprise("小松配套企业");
        withExpiry(code, "SMART_FACTORY", "2034-06-30");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            AdvisoryLocks.tryForTransaction(em, ExpiryWarningJob.EXPIRY_LOCK);
            held.countDown();
            try {
                done.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertTrue(held.await(20, TimeUnit.SECONDS));
        Optional<Integer> skipped = job.run();
        done.countDown();
        other.get(20, TimeUnit.SECONDS);
        assertTrue(skipped.isEmpty(), "another instance runs: this one skips");
        assertEquals(0, expiring(code).size());
        job.run();
        assertEquals(1, expiring(code).size());
    }
}
