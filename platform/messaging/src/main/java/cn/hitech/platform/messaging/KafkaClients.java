package cn.hitech.platform.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Producers and consumers configured for this service: the broker from {@code kafka.bootstrap.servers}. */
@ApplicationScoped
public class KafkaClients {

    private final String bootstrapServers;
    private final String application;

    KafkaClients(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.bootstrapServers = bootstrapServers;
        this.application = application;
    }

    public String application() {
        return application;
    }

    /** Idempotent, acks from all in-sync replicas: a record acknowledged is written once, in order per partition. */
    public KafkaProducer<String, String> producer(String purpose) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("client.id", application + "-" + purpose);
        config.put("acks", "all");
        config.put("enable.idempotence", true);
        config.put("max.in.flight.requests.per.connection", 5);
        config.put("linger.ms", 0);
        // Uncompressed: events are small JSON, and every consumer can read them without a codec library.
        config.put("compression.type", "none");
        config.put("max.block.ms", 5_000);
        config.put("request.timeout.ms", 5_000);
        config.put("delivery.timeout.ms", 15_000);
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    /** Offsets are committed by the caller, after its transaction, never automatically. */
    public KafkaConsumer<String, String> consumer(String group) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("group.id", group);
        config.put("client.id", group);
        config.put("enable.auto.commit", false);
        config.put("auto.offset.reset", "earliest");
        config.put("max.poll.records", 200);
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }
}
