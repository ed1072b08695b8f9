package cn.hitech.platform.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;

import cn.hitech.platform.events.Topics;

/**
 * Parks a record that cannot be processed on {@code <topic>.dlq}: the same key, value and headers, plus why it failed
 * and where it came from, so it can be inspected and replayed. The consumer moves on only once the broker has the copy.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String ERROR = "dlq_error";
    public static final String REASON = "dlq_reason";
    public static final String CONSUMER = "dlq_consumer";
    public static final String ORIGIN = "dlq_origin";
    public static final String FAILED_AT = "dlq_failed_at";
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final KafkaClients kafka;
    /** Real time, not the domain clock (which a demo may move): operators match the failure with logs and the broker's times. */
    private final Clock clock = Clock.systemUTC();
    private KafkaProducer<String, String> producer;

    DeadLetters(KafkaClients kafka) {
        this.kafka = kafka;
    }

    /** Sends the copy and waits for the broker's acknowledgement; throws if it cannot (then the offset is not committed). */
    public synchronized void park(ConsumerRecord<String, String> record, String consumer, String reason, Throwable error) {
        ProducerRecord<String, String> copy = copyOf(record, consumer, reason, error, clock.instant());
        try {
            if (producer == null) {
                producer = kafka.producer("dead-letters");
            }
            producer.send(copy).get(30, TimeUnit.SECONDS);
            LOG.warnf("event %s (%s) parked on %s by %s: %s", EventHeaders.text(record.headers(), EventHeaders.ID),
                    EventHeaders.text(record.headers(), EventHeaders.TYPE), copy.topic(), consumer, reason);
        } catch (Exception e) {
            if (producer != null) {
                producer.close(java.time.Duration.ZERO);
                producer = null;
            }
            throw new IllegalStateException("cannot park a record on " + copy.topic(), e);
        }
    }

    /** The copy to park: the record's key, value and headers, plus why, where from, by whom and when it failed. */
    static ProducerRecord<String, String> copyOf(ConsumerRecord<String, String> record, String consumer, String reason, Throwable error,
            Instant failedAt) {
        ProducerRecord<String, String> copy = new ProducerRecord<>(Topics.deadLetters(record.topic()), record.key(), record.value());
        record.headers().forEach(h -> copy.headers().add(h));
        EventHeaders.put(copy.headers(), REASON, reason);
        EventHeaders.put(copy.headers(), ERROR, error == null ? reason : OutboxRelay.rootMessage(error));
        EventHeaders.put(copy.headers(), CONSUMER, consumer);
        EventHeaders.put(copy.headers(), ORIGIN, record.topic() + "/" + record.partition() + "@" + record.offset());
        EventHeaders.put(copy.headers(), FAILED_AT, failedAt.toString());
        return copy;
    }

    synchronized void close(@Observes ShutdownEvent stopping) {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
