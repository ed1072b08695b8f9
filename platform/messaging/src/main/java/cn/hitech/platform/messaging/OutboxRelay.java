package cn.hitech.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.web.Timestamps;

/**
 * Moves committed outbox rows to Kafka, oldest first, and deletes them once the broker has acknowledged them. Woken
 * right after each commit that wrote to the outbox, and by a slow poll; under load it sends a batch per round trip.
 * While the broker is down the rows wait (nothing is lost) and the relay retries with growing pauses. Only one relay
 * per database works at a time (a PostgreSQL advisory lock), which keeps each aggregate's events in order even with
 * several instances of the service.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * Any fixed number: the advisory lock that makes one relay per database the active one; public so an operator can
     * find the active relay in pg_locks.
     */
    public static final long LEADER_LOCK = 0x68697465636800L;

    private final EntityManager entityManager;
    private final KafkaClients kafka;
    private final MessagingConfig.Relay config;
    private final Semaphore signal = new Semaphore(0);
    private final Counter published;
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    OutboxRelay(EntityManager entityManager, KafkaClients kafka, MessagingConfig config, MeterRegistry meters) {
        this.entityManager = entityManager;
        this.kafka = kafka;
        this.config = config.relay();
        this.published = Counter.builder("hitech.outbox.published").description("Events relayed from the outbox to Kafka")
                .register(meters);
    }

    void start(@Observes StartupEvent started) {
        if (!config.enabled()) {
            LOG.info("outbox relay disabled");
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer(Duration.ofSeconds(5));
    }

    /** Asks the relay to look at the outbox now (called after each commit that wrote to it). */
    public void wake() {
        signal.release();
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                if (backoff.isZero()) {
                    signal.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    signal.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                }
                signal.drainPermits();
                while (running && relayBatch() == config.batchSize()) {
                    // a full batch: more may be waiting
                }
                if (!backoff.isZero()) {
                    LOG.info("outbox relay reaches the broker again");
                }
                backoff = Duration.ZERO;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (backoff.isZero()) {
                    LOG.warnf("outbox relay cannot publish (%s); events wait in the outbox and are retried", rootMessage(e));
                }
                closeProducer(Duration.ZERO);
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), config.maxBackoff());
            }
        }
    }

    /** Publishes one batch in one transaction; returns how many rows it published (0 when another relay leads). */
    private int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            // One round trip: the leader lock (none of the rows when another relay leads), the batch, and a commit that
            // need not wait for the disk. Lost in a crash, the deletion below only means its rows are sent once more,
            // which the consumers' inboxes turn into no effect; waiting for the flush would hold back the next event.
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    WITH leader AS MATERIALIZED (
                        SELECT pg_try_advisory_xact_lock(?2) AND set_config('synchronous_commit', 'off', true) = 'off' AS leads)
                    SELECT o.position, o.id, o.topic, o.aggregate_id, o.event_type, o.schema_version, o.payload::text, o.headers::text,
                           o.created_at
                      FROM leader, outbox_event o WHERE leader.leads ORDER BY o.position LIMIT ?1""")
                    .setParameter(1, config.batchSize()).setParameter(2, LEADER_LOCK).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
            List<Long> positions = new ArrayList<>(rows.size());
            KafkaProducer<String, String> out = producer();
            for (Object[] row : rows) {
                positions.add(((Number) row[0]).longValue());
                sent.add(out.send(toRecord(row)));
            }
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(30, TimeUnit.SECONDS);
            }
            entityManager.createNativeQuery("DELETE FROM outbox_event WHERE position = ANY(?1)")
                    .setParameter(1, positions.toArray(new Long[0])).executeUpdate();
            published.increment(rows.size());
            return rows.size();
        });
    }

    private ProducerRecord<String, String> toRecord(Object[] row) {
        UUID id = (UUID) row[1];
        String type = (String) row[4];
        ProducerRecord<String, String> record = new ProducerRecord<>((String) row[2], (String) row[3], (String) row[6]);
        EventHeaders.put(record.headers(), EventHeaders.ID, id.toString());
        EventHeaders.put(record.headers(), EventHeaders.TYPE, type);
        EventHeaders.put(record.headers(), EventHeaders.SOURCE, "urn:hitech:" + kafka.application());
        EventHeaders.put(record.headers(), EventHeaders.SPEC_VERSION, "1.0");
        EventHeaders.put(record.headers(), EventHeaders.TIME, Timestamps.instant(row[8]).toString());
        EventHeaders.put(record.headers(), EventHeaders.SUBJECT, (String) row[3]);
        EventHeaders.put(record.headers(), EventHeaders.DATA_SCHEMA, "urn:hitech:event:" + type + ":v" + row[5]);
        EventHeaders.put(record.headers(), EventHeaders.CONTENT_TYPE, "application/json");
        JsonNode extra = EventJson.tree((String) row[7]);
        for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            EventHeaders.put(record.headers(), header.getKey(), header.getValue().asText());
        }
        return record;
    }


    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = kafka.producer("outbox-relay");
        }
        return producer;
    }

    private void closeProducer(Duration timeout) {
        if (producer != null) {
            try {
                producer.close(timeout);
            } catch (RuntimeException e) {
                LOG.debug("closing the relay's producer", e);
            }
            producer = null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
