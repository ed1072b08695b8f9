package cn.hitech.platform.messaging;

import java.time.Instant;
import java.util.UUID;

import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.events.EventType;

/** An event as a consumer receives it: its CloudEvents attributes and its data, read on demand into a contract record. */
public record ReceivedEvent(UUID id, String type, String source, Instant time, String subject, String correlationId,
        String topic, String data) {

    /**
     * The event a record of a topic carries, read as the inbox consumers read it (for a reader that replays a topic
     * itself, e.g. to rebuild a read model); {@link cn.hitech.platform.events.UnreadableEventException} when it is none.
     */
    public static ReceivedEvent of(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        return InboxConsumers.read(record);
    }

    /** The data as the contract of {@code expected} (checked against this event's type). */
    public <T extends cn.hitech.platform.events.Event> T data(EventType<T> expected) {
        if (!expected.name().equals(type)) {
            throw new IllegalArgumentException("event " + id + " is a " + type + ", not a " + expected.name());
        }
        return EventJson.read(data, expected.dataClass());
    }
}
