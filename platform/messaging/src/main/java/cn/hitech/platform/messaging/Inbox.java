package cn.hitech.platform.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Remembers which events each consumer has applied, in the transaction of the effect. */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;
    private final Clock clock;

    Inbox(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
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
