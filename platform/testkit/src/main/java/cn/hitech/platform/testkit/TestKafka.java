package cn.hitech.platform.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

import cn.hitech.platform.infra.KafkaBroker;

/**
 * Plain Kafka clients on the test broker: send a record as another service would, wait for one to arrive, and read what
 * a topic holds. Every wait is an Awaitility condition.
 */
public final class TestKafka {

    private static final Duration POLL = Duration.ofMillis(200);

    private TestKafka() {
    }

    public static String bootstrapServers() {
        return TestInfrastructure.get().kafka().bootstrapServers();
    }

    /** The broker's listener that asks for a login (SASL_PLAINTEXT, mechanism PLAIN). */
    public static String saslBootstrapServers() {
        return TestInfrastructure.get().kafka().saslBootstrapServers();
    }

    /**
     * Client settings (without the {@code kafka.} prefix) for the SASL listener, logged in as {@code user}: what a
     * service would be given for a cluster with SASL listeners, such as Strimzi's.
     */
    public static Map<String, String> saslSettings(String user, String password) {
        return Map.of("bootstrap.servers", saslBootstrapServers(), "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN", "sasl.jaas.config", KafkaBroker.plainJaasConfig(user, password));
    }

    /** {@link #saslSettings(String, String)} with the login the broker accepts. */
    public static Map<String, String> saslSettings() {
        return saslSettings(TestInfrastructure.SASL_USER, TestInfrastructure.SASL_PASSWORD);
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
        return send(Map.of("bootstrap.servers", bootstrapServers()), topic, key, value, headers);
    }

    /** Sends one record through the listener and with the login {@code connection} names (e.g. {@link #saslSettings()}). */
    public static RecordMetadata send(Map<String, String> connection, String topic, String key, String value, Map<String, String> headers) {
        Properties config = new Properties();
        config.putAll(connection);
        config.putAll(Map.of("acks", "all",
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(new RecordHeader(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send to " + topic, e.getCause());
        }
    }

    /**
     * Every record on {@code topic} that matches, as the topic holds them now: read from the beginning up to the end
     * each partition had when the read began, in topic order per partition (so per key). It does not wait for records
     * still to come: first wait for the last one expected ({@link #await}, or until the producer's outbox is empty),
     * then assert on the exact list. {@code within} bounds how long the read may take.
     */
    public static List<ConsumerRecord<String, String>> all(String topic, Predicate<ConsumerRecord<String, String>> matching,
            Duration within) {
        return all(Map.of("bootstrap.servers", bootstrapServers()), topic, matching, within);
    }

    /** {@link #all(String, Predicate, Duration)} on the broker {@code connection} names (another test broker, a suite's). */
    public static List<ConsumerRecord<String, String>> all(Map<String, String> connection, String topic,
            Predicate<ConsumerRecord<String, String>> matching, Duration within) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(readerConfig(connection))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, within).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return found;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, within);
            reading("the end of " + topic, within).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (matching.test(record)) {
                        found.add(record);
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return found;
    }

    /** The text of a header, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Reads {@code topic} from the beginning with a fresh consumer group until a record matches, or fails after
     * {@code timeout} listing what did arrive.
     */
    public static ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> matching,
            Duration timeout) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(readerConfig(Map.of("bootstrap.servers", bootstrapServers())))) {
            // Subscribed, not assigned: the topic may not exist yet when the wait begins.
            consumer.subscribe(List.of(topic));
            return reading("a matching record on " + topic, timeout).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (matching.test(record)) {
                        return record;
                    }
                    seen.add(record.key() + "=" + record.value());
                }
                return null;
            }, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no matching record on " + topic + " within " + timeout.toSeconds() + " s; saw " + seen.size()
                    + " others, the last: " + seen.subList(Math.max(0, seen.size() - 20), seen.size()), e);
        }
    }

    /**
     * A wait whose every step is one poll of a consumer: in the test's own thread, since a consumer must not be used from
     * two, and with no pause of its own between polls, since each poll already waits up to {@link #POLL} for records.
     */
    private static ConditionFactory reading(String what, Duration atMost) {
        return Awaitility.await(what).atMost(atMost).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1));
    }

    private static Properties readerConfig(Map<String, String> connection) {
        Properties config = new Properties();
        config.putAll(connection);
        config.putAll(Map.of("group.id", "testkit-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "enable.auto.commit", "false",
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName()));
        return config;
    }
}
