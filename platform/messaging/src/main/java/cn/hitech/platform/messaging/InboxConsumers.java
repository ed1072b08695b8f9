package cn.hitech.platform.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import cn.hitech.platform.events.UnreadableEventException;
import cn.hitech.platform.web.CorrelationId;

/**
 * Runs every {@link EventHandler} of the service, each on its own thread with its own consumer group. For each record
 * of a type the handler takes (or of no type at all): an unreadable one (no id, not JSON, data the contract rejects) goes straight to the dead letters; otherwise the
 * handler runs in a transaction with the inbox entry (a polled batch shares one transaction while all goes well),
 * retried with backoff on failure and parked after the last attempt. Offsets are committed only after that, so a crash
 * means a redelivery, which the inbox turns into no effect. {@link InboxRetention} forgets old inbox entries.
 */
@ApplicationScoped
public class InboxConsumers {

    private static final Logger LOG = Logger.getLogger(InboxConsumers.class);

    private final Instance<EventHandler> handlers;
    private final KafkaClients kafka;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final MessagingConfig.Consumer config;
    private final MeterRegistry meters;
    private final List<Loop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    InboxConsumers(Instance<EventHandler> handlers, KafkaClients kafka, Inbox inbox, DeadLetters deadLetters, MessagingConfig config,
            MeterRegistry meters) {
        this.handlers = handlers;
        this.kafka = kafka;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.config = config.consumer();
        this.meters = meters;
    }

    void start(@Observes StartupEvent started) {
        for (EventHandler handler : handlers) {
            Loop loop = new Loop(handler);
            loops.add(loop);
            Thread thread = new Thread(loop, "inbox-" + handler.name());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops every loop and waits (briefly) until each has left its group, so the other instances take over at once. */
    void stop(@Observes ShutdownEvent stopping) {
        loops.forEach(Loop::stop);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Loop implements Runnable {

        private final EventHandler handler;
        private final String group;
        private volatile boolean running = true;
        private volatile KafkaConsumer<String, String> consumer;

        Loop(EventHandler handler) {
            this.handler = handler;
            this.group = kafka.application() + "." + handler.name();
        }

        void stop() {
            running = false;
            KafkaConsumer<String, String> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }

        @Override
        public void run() {
            while (running) {
                KafkaConsumer<String, String> opened;
                try {
                    opened = kafka.member(group);
                } catch (RuntimeException e) {
                    LOG.errorf("consumer %s cannot be created, retrying in 5 s: %s", group, OutboxRelay.rootMessage(e));
                    pause(Duration.ofSeconds(5));
                    continue;
                }
                consumer = opened;
                try {
                    opened.subscribe(List.of(handler.topic()));
                    while (running) {
                        ConsumerRecords<String, String> polled = opened.poll(Duration.ofMillis(500));
                        if (polled.isEmpty()) {
                            continue;
                        }
                        process(polled);
                        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                        polled.forEach(record -> done.put(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1)));
                        // Not waiting for the broker's acknowledgement lets the next event in at once; a commit lost
                        // in a crash or a rebalance only means a redelivery, which the inbox turns into no effect.
                        opened.commitAsync(done, (offsets, error) -> {
                            if (error != null) {
                                LOG.debugf("consumer %s could not commit %s: %s", group, offsets, error.toString());
                            }
                        });
                    }
                } catch (WakeupException stopping) {
                    // stopping: closed below, leaving the group
                } catch (FencedInstanceIdException e) {
                    LOG.errorf("consumer %s was fenced: another instance joined as '%s'; give each instance its own "
                            + "hitech.messaging.consumer.instance-id", group, kafka.instance());
                    pause(Duration.ofSeconds(5));
                } catch (RuntimeException e) {
                    // Uncommitted records are delivered again after the pause; the inbox keeps their effects single.
                    LOG.warnf("consumer %s restarts after: %s", group, OutboxRelay.rootMessage(e));
                    pause(Duration.ofSeconds(1));
                } finally {
                    close(opened);
                }
            }
        }

        /**
         * A static member stays in the group after a plain close, its partitions idle until its session ends: right for
         * a restart on the spot, wrong for an instance that stops (scaled down, replaced). So it leaves when stopping;
         * when it only reconnects, it stays and takes its partitions back.
         */
        private void close(KafkaConsumer<String, String> opened) {
            try {
                opened.close(running ? CloseOptions.timeout(Duration.ofSeconds(5))
                        : CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                                .withTimeout(Duration.ofSeconds(5)));
            } catch (RuntimeException e) {
                LOG.debugf("closing consumer %s: %s", group, OutboxRelay.rootMessage(e));
            }
        }

        /**
         * Applies a polled batch: under load, all its events in one transaction (one commit instead of one per event);
         * if anything in it fails, the batch is rolled back and each event goes through {@link #processOne} alone.
         */
        private void process(ConsumerRecords<String, String> polled) {
            List<Map.Entry<ConsumerRecord<String, String>, ReceivedEvent>> relevant = new ArrayList<>();
            for (ConsumerRecord<String, String> record : polled) {
                // Several handlers read one topic, each for its own event types: a record of another handler's type is
                // none of this one's business, readable or not, so only the handlers it is meant for park it.
                String type = EventHeaders.text(record.headers(), EventHeaders.TYPE);
                if (type != null && !handler.eventTypes().contains(type)) {
                    continue;
                }
                try {
                    ReceivedEvent event = read(record);
                    if (handler.eventTypes().contains(event.type())) {
                        relevant.add(Map.entry(record, event));
                    }
                } catch (UnreadableEventException e) {
                    park(record, "unreadable", e);
                }
            }
            if (relevant.size() > 1) {
                try {
                    int applied = QuarkusTransaction.requiringNew().call(() -> {
                        int count = 0;
                        for (Map.Entry<ConsumerRecord<String, String>, ReceivedEvent> entry : relevant) {
                            count += apply(entry.getValue()) ? 1 : 0;
                        }
                        return count;
                    });
                    meters.counter("hitech.inbox.events", "consumer", handler.name(), "outcome", "applied").increment(applied);
                    meters.counter("hitech.inbox.events", "consumer", handler.name(), "outcome", "duplicate")
                            .increment(relevant.size() - applied);
                    return;
                } catch (RuntimeException e) {
                    LOG.debugf("batch of %d events failed in %s, applying them one by one: %s", relevant.size(), handler.name(),
                            OutboxRelay.rootMessage(e));
                } finally {
                    MDC.remove(CorrelationId.MDC_KEY);
                }
            }
            relevant.forEach(entry -> processOne(entry.getKey(), entry.getValue()));
        }

        private void park(ConsumerRecord<String, String> record, String reason, Throwable error) {
            deadLetters.park(record, group, reason, error);
            meters.counter("hitech.inbox.dead_letters", "consumer", handler.name()).increment();
        }

        /** Records the event in the inbox and lets the handler apply it, unless it was applied before. */
        private boolean apply(ReceivedEvent event) {
            if (event.correlationId() != null) {
                MDC.put(CorrelationId.MDC_KEY, event.correlationId());
            }
            if (!inbox.firstDelivery(handler.name(), event.id(), event.type())) {
                return false;
            }
            handler.handle(event);
            return true;
        }

        private void processOne(ConsumerRecord<String, String> record, ReceivedEvent event) {
            Duration backoff = config.initialBackoff();
            for (int attempt = 1; ; attempt++) {
                try {
                    boolean applied = QuarkusTransaction.requiringNew().call(() -> apply(event));
                    meters.counter("hitech.inbox.events", "consumer", handler.name(), "outcome", applied ? "applied" : "duplicate")
                            .increment();
                    return;
                } catch (RuntimeException e) {
                    if (isUnreadable(e) || attempt >= config.maxAttempts()) {
                        park(record, isUnreadable(e) ? "rejected by handler" : "failed " + attempt + " times", e);
                        return;
                    }
                    LOG.warnf("event %s failed in %s (attempt %d of %d), retrying: %s", event.id(), handler.name(), attempt,
                            config.maxAttempts(), OutboxRelay.rootMessage(e));
                    pause(backoff);
                    backoff = backoff.multipliedBy(2);
                } finally {
                    MDC.remove(CorrelationId.MDC_KEY);
                }
            }
        }
    }

    /** The event a record carries; {@link UnreadableEventException} when no retry could make sense of it. */
    static ReceivedEvent read(ConsumerRecord<String, String> record) {
        String id = EventHeaders.text(record.headers(), EventHeaders.ID);
        String type = EventHeaders.text(record.headers(), EventHeaders.TYPE);
        if (id == null || type == null) {
            throw new UnreadableEventException("no ce_id or ce_type header");
        }
        if (record.value() == null || record.value().isBlank()) {
            throw new UnreadableEventException("no data");
        }
        cn.hitech.platform.events.EventJson.tree(record.value());
        try {
            String time = EventHeaders.text(record.headers(), EventHeaders.TIME);
            return new ReceivedEvent(UUID.fromString(id), type, EventHeaders.text(record.headers(), EventHeaders.SOURCE),
                    time == null ? null : Instant.parse(time), record.key(), EventHeaders.text(record.headers(), EventHeaders.CORRELATION_ID),
                    record.topic(), record.value());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new UnreadableEventException("bad ce_id or ce_time: " + e.getMessage(), e);
        }
    }

    private static boolean isUnreadable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableEventException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
