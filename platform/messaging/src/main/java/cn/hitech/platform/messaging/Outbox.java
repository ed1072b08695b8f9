package cn.hitech.platform.messaging;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.MDC;

import cn.hitech.platform.events.Event;
import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.events.EventType;
import cn.hitech.platform.web.CorrelationId;

/**
 * Publishes an event by writing it to the outbox in the transaction of the change it reports: both commit, or
 * neither. The relay sends it to Kafka after the commit (and is woken by it).
 */
@ApplicationScoped
public class Outbox {

    private static final String WAKE_REGISTERED = Outbox.class.getName() + ".wake";

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final Clock clock;

    Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions, OutboxRelay relay, Clock clock) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.relay = relay;
        this.clock = clock;
    }

    /** Writes {@code data} as an event of {@code type}; must run inside the transaction of the change. Returns the event id. */
    public <T extends Event> UUID publish(EventType<T> type, T data) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("publish " + type.name() + " inside the transaction of the change it reports");
        }
        UUID id = UUID.randomUUID();
        Map<String, String> headers = new LinkedHashMap<>();
        Object correlationId = MDC.get(CorrelationId.MDC_KEY);
        if (correlationId != null) {
            headers.put(EventHeaders.CORRELATION_ID, correlationId.toString());
        }
        entityManager.createNativeQuery("""
                INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type, schema_version, payload, headers, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS json), CAST(?8 AS json), ?9)""")
                .setParameter(1, id)
                .setParameter(2, type.topic())
                .setParameter(3, type.aggregateType())
                .setParameter(4, data.aggregateId())
                .setParameter(5, type.name())
                .setParameter(6, type.version())
                .setParameter(7, EventJson.write(data))
                .setParameter(8, EventJson.write(headers))
                .setParameter(9, clock.instant())
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
