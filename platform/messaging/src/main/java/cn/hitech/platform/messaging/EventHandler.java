package cn.hitech.platform.messaging;

import java.util.Set;

/**
 * A consumer of events. Implement it as a CDI bean and {@link InboxConsumers} runs it: {@link #handle} is called
 * inside a transaction that also records the event id, once per event id however often Kafka delivers it. Throw
 * {@link cn.hitech.platform.events.UnreadableEventException} for an event no retry can help (it goes to the dead
 * letters); any other exception is retried with backoff.
 */
public interface EventHandler {

    /** Names the consumer (and its consumer group), e.g. {@code enterprise-directory}; stable across releases. */
    String name();

    String topic();

    /** The event types it acts on; others on the topic are acknowledged and skipped. */
    Set<String> eventTypes();

    void handle(ReceivedEvent event);
}
