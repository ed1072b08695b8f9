package cn.hitech.platform.messaging;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outbox relay and the inbox consumers ({@code hitech.messaging.*}). */
@ConfigMapping(prefix = "hitech.messaging")
public interface MessagingConfig {

    Relay relay();

    Consumer consumer();

    interface Relay {

        /** Off only for tests that need the outbox to stay put. */
        @WithDefault("true")
        boolean enabled();

        /** The relay is woken on every commit; this poll is the safety net (other instances, restarts). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows published per round trip under load. */
        @WithDefault("500")
        int batchSize();

        /** Longest pause between attempts while the broker is unreachable. */
        @WithDefault("5s")
        Duration maxBackoff();
    }

    interface Consumer {

        /** Attempts at a transient failure before the event goes to the dead letters. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("100ms")
        Duration initialBackoff();

        /**
         * Inbox rows older than this (real time) are forgotten. Kafka redelivers within minutes of a crash or a rebalance,
         * and 14 days outlast its default topic retention of 7, so even a consumer group reset to the earliest offset
         * finds every event it applied. Keep it above the topics' retention.
         */
        @WithDefault("14d")
        Duration inboxRetention();

        /**
         * How often the retention runs (a duration such as {@code 1h}), or {@code off}. {@link InboxRetention}'s
         * {@code @Scheduled} expression reads it (with the same default); it is declared here so the mapping knows,
         * documents and accepts the key.
         */
        @WithDefault("1h")
        String inboxPurgeEvery();

        /**
         * This instance's {@code group.instance.id} in every consumer group (static membership): unique among the
         * instances of the service and the same across its restarts. By default the host name ({@code HOSTNAME}, the
         * pod's name on Kubernetes) and the HTTP port, which tells apart several instances on one machine. A second
         * instance with the same name fences the first: Kafka allows one live member per name.
         */
        Optional<String> instanceId();
    }
}
