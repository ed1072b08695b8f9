package cn.hitech.enterprise.register;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import cn.hitech.platform.testkit.TestKafka;

/** What the service published about one enterprise, read once everything committed about it has been sent. */
final class EnterpriseEvents {

    static final Duration WAIT = Duration.ofSeconds(20);

    private EnterpriseEvents() {
    }

    /**
     * Every event about enterprise {@code code} committed so far, in the order they were published: waits until the
     * relay has sent them all, then reads the topic as it is.
     */
    static List<ConsumerRecord<String, String>> of(String code) {
        awaitOutboxEmpty(code);
        return TestKafka.all("enterprises", r -> code.equals(r.key()), WAIT);
    }

    /** The {@code ce_type} of each, in order. */
    static List<String> typesOf(String code) {
        return of(code).stream().map(r -> TestKafka.header(r, "ce_type")).toList();
    }

    /**
     * Waits until the outbox holds no event about enterprise {@code code}. The relay deletes a row once the broker has
     * acknowledged it, so then every event committed about it so far is on the topic, a refused write's too had it left
     * one.
     */
    static void awaitOutboxEmpty(String code) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        await("the outbox rows of " + code + " sent").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                        .createNativeQuery("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1").setParameter(1, code)
                        .getSingleResult()).longValue()), rows -> rows == 0);
    }
}
