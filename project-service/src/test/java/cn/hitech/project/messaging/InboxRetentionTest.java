package cn.hitech.project.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.events.ticket.TicketResolved;
import cn.hitech.platform.messaging.InboxRetention;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;
import cn.hitech.project.support.AnotherInstance;
import cn.hitech.project.support.Projects;
import cn.hitech.project.support.TestClock;

/**
 * 收件箱保留期: entries older than the retention (14 days by default, real time) are forgotten, newer ones kept,
 * while another instance purges this one skips, and the purge is scheduled. (The scheduled run may also come by; every
 * assertion on the purge is on the rows.)
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class InboxRetentionTest {

    @Inject
    InboxRetention retention;

    @Inject
    EntityManager entityManager;

    @Inject
    TestClock clock;

    @Inject
    Scheduler scheduler;

    /**
     * The purge is not only callable but scheduled: a job of the scheduler, under its identity, running the purge every
     * hour (the default of {@code hitech.messaging.consumer.inbox-purge-every}), the first run a minute after start.
     */
    @Test
    void thePurgeIsAScheduledJobThatRunsEveryHour() {
        Trigger job = scheduler.getScheduledJob("inbox-retention");
        assertNotNull(job, "scheduled jobs: " + scheduler.getScheduledJobs().stream().map(Trigger::getId).toList());
        assertTrue(job.getMethodDescription().contains("InboxRetention") && job.getMethodDescription().contains("onSchedule"),
                job.getMethodDescription());
        Instant now = Instant.now();
        Instant next = job.getNextFireTime();
        Instant previous = job.getPreviousFireTime();
        if (previous != null) {
            assertEquals(Duration.ofHours(1), Duration.between(previous, next), "an hour between runs");
        } else {
            // Not run yet: the first run is due a minute after start, and the scheduler counts the next one an hour on.
            Duration ahead = Duration.between(now, next);
            assertTrue(ahead.compareTo(Duration.ofMinutes(59)) > 0 && ahead.compareTo(Duration.ofMinutes(61).plusSeconds(5)) <= 0,
                    "next run in " + ahead);
        }
    }

    @Test
    void entriesOlderThanFourteenDaysAreForgottenAndNewerOnesKept() {
        String consumer = "retention-" + UUID.randomUUID();
        Instant now = Instant.now();
        UUID fifteenDaysOld = entry(consumer, now.minus(Duration.ofDays(15)));
        UUID thirteenDaysOld = entry(consumer, now.minus(Duration.ofDays(13)));

        InboxRetention.Purge run = retention.purge();

        assertFalse(run.skipped());
        assertTrue(Duration.between(run.cutoff(), now.minus(Duration.ofDays(14))).abs().toMinutes() < 1, "cutoff " + run.cutoff());
        assertEquals(Set.of(thirteenDaysOld), entries(consumer));
        assertFalse(entries(consumer).contains(fifteenDaysOld));
    }

    @Test
    void whileAnotherInstancePurgesThisOneSkipsAndThenForgets() {
        String consumer = "retention-" + UUID.randomUUID();
        UUID old = entry(consumer, Instant.now().minus(Duration.ofDays(30)));
        try (AnotherInstance other = AnotherInstance.holding(InboxRetention.LOCK)) {
            assertTrue(retention.purge().skipped());
            assertEquals(Set.of(old), entries(consumer), "nothing forgotten while another instance holds the purge");
        }
        assertFalse(retention.purge().skipped());
        assertEquals(Set.of(), entries(consumer));
    }

    /**
     * The domain clock may be moved (demos, acceptance); the inbox keeps real time, so a clock moved weeks back neither
     * ages a fresh entry into the purge nor, moved forward, keeps an old one.
     */
    @Test
    void anAppliedEventIsRememberedInRealTimeWhateverTheDomainClockSays() {
        UUID eventId = UUID.randomUUID();
        clock.today(LocalDate.of(2024, 1, 2));
        try {
            // No problem named: the consumer records the event and has nothing else to do.
            TicketResolved resolved = new TicketResolved(UUID.randomUUID(), "GD20240102000001", TestData.creditCode(), null,
                    "已答复", "服务台", Instant.now());
            TestKafka.send("tickets", resolved.aggregateId(), EventJson.write(resolved), Map.of("ce_id", eventId.toString(),
                    "ce_type", TicketResolved.TYPE.name(), "ce_source", "urn:hitech:service-desk-service", "ce_specversion", "1.0"));
            await().atMost(Projects.WAIT).until(() -> receivedAt(eventId) != null);
            Instant received = receivedAt(eventId);
            assertTrue(Duration.between(received, Instant.now()).abs().toMinutes() < 1, "received at " + received + ", not on the domain clock");
            assertFalse(retention.purge().skipped());
            assertEquals(received, receivedAt(eventId), "a fresh entry outlives the purge");
        } finally {
            clock.reset();
        }
    }

    private UUID entry(String consumer, Instant receivedAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO inbox_event (consumer, event_id, event_type, received_at) VALUES (?1, ?2, 'test.event', ?3)")
                .setParameter(1, consumer).setParameter(2, id).setParameter(3, receivedAt).executeUpdate());
        return id;
    }

    private Set<UUID> entries(String consumer) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = entityManager.createNativeQuery("SELECT event_id FROM inbox_event WHERE consumer = ?1")
                    .setParameter(1, consumer).getResultList();
            return Set.copyOf(ids);
        });
    }

    /** When the project service's consumer of tickets recorded the event, or null. */
    private Instant receivedAt(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> found = entityManager.createNativeQuery("SELECT received_at FROM inbox_event WHERE consumer = ?1 AND event_id = ?2")
                    .setParameter(1, "problem-tickets").setParameter(2, eventId).getResultList();
            return found.isEmpty() ? null : toInstant(found.get(0));
        });
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
