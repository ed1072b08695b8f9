package cn.hitech.platform.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import cn.hitech.platform.infra.KafkaBroker;

/** Plain Kafka clients on the test broker: send a record as another service would, and wait for one to arrive. */
public final class TestKafka {

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

    /** Reads {@code topic} from the beginning for {@code window} and returns every record that matches. */
    public static List<ConsumerRecord<String, String>> all(String topic, Predicate<ConsumerRecord<String, String>> matching,
            Duration window) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(readerConfig())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + window.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (matching.test(record)) {
                        found.add(record);
                    }
                }
            }
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
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(readerConfig())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (matching.test(record)) {
                        return record;
                    }
                    seen.add(record.key() + "=" + record.value());
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout.toSeconds() + " s; saw " + seen);
    }

    private static Properties readerConfig() {
        Properties config = new Properties();
        config.putAll(Map.of("bootstrap.servers", bootstrapServers(), "group.id", "testkit-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "enable.auto.commit", "false",
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName()));
        return config;
    }
}
