package cn.hitech.platform.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Remembers which events each consumer has applied, in the transaction of the effect. Entries carry real time, not the
 * domain clock: the inbox is infrastructure, and {@link InboxRetention} forgets them by real age, so a demo clock moved
 * weeks back or forth neither drops the entries a redelivery still needs nor keeps them for ever.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;
    private final Clock clock = Clock.systemUTC();

    Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the event for the consumer; false when it was recorded before (a redelivery: apply no effect). */
    public boolean firstDelivery(String consumer, UUID eventId, String eventType) {
        return entityManager.createNativeQuery("""
                INSERT INTO inbox_event (consumer, event_id, event_type, received_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (consumer, event_id) DO NOTHING""")
                .setParameter(1, consumer).setParameter(2, eventId).setParameter(3, eventType).setParameter(4, clock.instant())
                .executeUpdate() == 1;
    }

    /** Forgets entries received before {@code before}; returns how many. */
    public int forgetBefore(Instant before) {
        return entityManager.createNativeQuery("DELETE FROM inbox_event WHERE received_at < ?1").setParameter(1, before)
                .executeUpdate();
    }
}
