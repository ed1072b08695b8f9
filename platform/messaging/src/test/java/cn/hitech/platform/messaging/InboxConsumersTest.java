package cn.hitech.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import cn.hitech.platform.events.UnreadableEventException;

/** Reading a record into an event: what no retry can fix is recognised at once, so it goes to the dead letters. */
class InboxConsumersTest {

    private static ConsumerRecord<String, String> record(String value, Map<String, String> headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("tickets", 0, 7L, "key-1", value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    @Test
    void aWellFormedRecordBecomesAnEvent() {
        UUID id = UUID.randomUUID();
        ReceivedEvent event = InboxConsumers.read(record("{\"ticketNumber\": \"GD1\"}", Map.of(EventHeaders.ID, id.toString(),
                EventHeaders.TYPE, "ticket.resolved", EventHeaders.SOURCE, "urn:hitech:service-desk-service",
                EventHeaders.TIME, "2026-02-13T02:00:00Z", EventHeaders.CORRELATION_ID, "req-9")));
        assertEquals(id, event.id());
        assertEquals("ticket.resolved", event.type());
        assertEquals(Instant.parse("2026-02-13T02:00:00Z"), event.time());
        assertEquals("key-1", event.subject());
        assertEquals("req-9", event.correlationId());
        assertEquals("tickets", event.topic());
        assertNull(InboxConsumers.read(record("{}", Map.of(EventHeaders.ID, id.toString(), EventHeaders.TYPE, "t"))).time());
    }

    @Test
    void whatNoRetryCanFixIsUnreadable() {
        String id = UUID.randomUUID().toString();
        assertUnreadable(record("{}", Map.of(EventHeaders.TYPE, "ticket.resolved")), "ce_id");
        assertUnreadable(record("{}", Map.of(EventHeaders.ID, id)), "ce_type");
        assertUnreadable(record(" ", Map.of(EventHeaders.ID, id, EventHeaders.TYPE, "t")), "no data");
        assertUnreadable(record("{\"a\": ", Map.of(EventHeaders.ID, id, EventHeaders.TYPE, "t")), "not JSON");
        assertUnreadable(record("{}", Map.of(EventHeaders.ID, "not-a-uuid", EventHeaders.TYPE, "t")), "bad ce_id");
        assertUnreadable(record("{}", Map.of(EventHeaders.ID, id, EventHeaders.TYPE, "t", EventHeaders.TIME, "yesterday")), "ce_time");
    }

    private static void assertUnreadable(ConsumerRecord<String, String> record, String because) {
        UnreadableEventException e = assertThrows(UnreadableEventException.class, () -> InboxConsumers.read(record));
        assertTrue(e.getMessage().contains(because), e.getMessage());
    }
}
