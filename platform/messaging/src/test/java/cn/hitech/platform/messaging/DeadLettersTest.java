package cn.hitech.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import cn.hitech.platform.events.UnreadableEventException;

/** The copy a poisoned record leaves on {@code <topic>.dlq}: everything it had, plus why, where from, by whom and when. */
class DeadLettersTest {

    @Test
    void theCopyKeepsTheRecordAndSaysWhyWhereFromByWhomAndWhen() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("enterprises", 2, 41L, "91350200MA2YJ1XR9G", "{\"name\": ");
        record.headers().add(EventHeaders.ID, "6f1c0d3e-0000-4000-8000-000000000001".getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.TYPE, "enterprise.registered".getBytes(StandardCharsets.UTF_8));
        Instant failedAt = Instant.parse("2026-02-13T02:00:00Z");
        Exception error = new IllegalStateException("handler failed", new UnreadableEventException("not JSON: unexpected end"));

        ProducerRecord<String, String> copy = DeadLetters.copyOf(record, "service-desk-service.enterprise-directory", "unreadable",
                error, failedAt);

        assertEquals("enterprises.dlq", copy.topic());
        assertEquals("91350200MA2YJ1XR9G", copy.key());
        assertEquals("{\"name\": ", copy.value());
        assertEquals("6f1c0d3e-0000-4000-8000-000000000001", EventHeaders.text(copy.headers(), EventHeaders.ID));
        assertEquals("enterprise.registered", EventHeaders.text(copy.headers(), EventHeaders.TYPE));
        assertEquals("unreadable", EventHeaders.text(copy.headers(), DeadLetters.REASON));
        assertEquals("UnreadableEventException: not JSON: unexpected end", EventHeaders.text(copy.headers(), DeadLetters.ERROR));
        assertEquals("service-desk-service.enterprise-directory", EventHeaders.text(copy.headers(), DeadLetters.CONSUMER));
        assertEquals("enterprises/2@41", EventHeaders.text(copy.headers(), DeadLetters.ORIGIN));
        assertEquals("2026-02-13T02:00:00Z", EventHeaders.text(copy.headers(), DeadLetters.FAILED_AT));
    }

    @Test
    void withoutAnExceptionTheReasonIsTheError() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("tickets", 0, 0L, "k", "{}");
        ProducerRecord<String, String> copy = DeadLetters.copyOf(record, "c", "failed 5 times", null, Instant.EPOCH);
        assertEquals("failed 5 times", EventHeaders.text(copy.headers(), DeadLetters.ERROR));
    }
}
