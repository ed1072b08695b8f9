package cn.hitech.enterprise.policy;

import static cn.hitech.enterprise.policy.PolicyFixtures.policy;
import static cn.hitech.enterprise.policy.PolicyFixtures.rule;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.events.enterprise.QualificationChanged;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestKafka;

/**
 * The acceptance of item 5: a qualification gained, on real Kafka, gives a 免申即享 benefit for a matching published
 * policy, exactly once even when the event arrives twice (the same record redelivered, and a second event of the same
 * fact).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class FreeBenefitOnKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static int benefits(String code) {
        return asStaff().get("/api/enterprises/" + code + "/benefits").then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    @Test
    void aQualificationGainedGivesTheBenefitOnceEvenWhenTheEventComesTwice() {
        String kind = PolicyFixtures.uniqueKind();
        String code = PolicyFixtures.operating("拓新电气有限公司", "张伟");
        PolicyFixtures.figures(code, 2025, "8000", "400", 150);
        PolicyFixtures.published(policy("重点小巨人一次性奖励", "AUTO", List.of(rule("HAS_QUALIFICATION", "kind", kind,
                "minLevel", "NATIONAL"), rule("REVENUE_AT_LEAST", "value", 5000)), PolicyFixtures.fixed(100)));
        assertEquals(0, benefits(code), "not yet qualified");

        UUID qualification = UUID.randomUUID();
        Outbox outbox = Arc.container().instance(Outbox.class).get();
        QualificationChanged granted = new QualificationChanged(qualification, code, kind, "NATIONAL", 2026, "XJR-2026-0001",
                LocalDate.of(2029, 6, 30), false, 0, Instant.now());
        QuarkusTransaction.requiringNew().run(() -> {
            PolicyFixtures.insertQualification(qualification, code, kind, "NATIONAL", 2026);
            outbox.publish(QualificationChanged.GRANTED, granted);
        });

        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> benefits(code) == 1);
        ConsumerRecord<String, String> sent = TestKafka.await("enterprises",
                r -> code.equals(r.key()) && QualificationChanged.GRANTED.name().equals(TestKafka.header(r, "ce_type")), WAIT);

        // The same record again (as after a consumer crash before its offset commit), and a second event of the same fact.
        Map<String, String> headers = new java.util.HashMap<>();
        sent.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        TestKafka.send("enterprises", sent.key(), sent.value(), headers);
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(QualificationChanged.GRANTED, granted));
        // Events of one enterprise are consumed in order: once a later one is through, so are both repeats.
        UUID later = QuarkusTransaction.requiringNew().call(() -> outbox.publish(QualificationChanged.CHANGED, new QualificationChanged(
                qualification, code, kind, "NATIONAL", 2026, "XJR-2026-0001", LocalDate.of(2029, 12, 31), false, 1, Instant.now())));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) PolicyFixtures
                .em().createNativeQuery("SELECT count(*) FROM inbox_event WHERE consumer = 'policy-matching' AND event_id = ?1")
                .setParameter(1, later).getSingleResult()).longValue()) == 1);

        assertEquals(1, benefits(code), "one benefit, however often the qualification arrives");
        assertEquals(100.0, asStaff().get("/api/enterprises/" + code + "/benefits").then().extract().jsonPath().getDouble("[0].amount"), 0.001);
        long offered = TestKafka.all("enterprises", r -> code.equals(r.key())
                && "enterprise.benefit.offered".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(3)).size();
        assertEquals(1, offered, "pushed once");
    }
}
