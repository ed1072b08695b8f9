package cn.hitech.bare;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * A producer and a polling consumer opened at start-up, as each service opens its outbox relay's producer and its inbox
 * consumers: the yardstick pays for the Kafka clients too, not only for having them on the class path.
 */
@ApplicationScoped
public class Events {

    private static final String TOPIC = "bare-app";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private volatile boolean running = true;
    private KafkaProducer<String, String> producer;
    private Thread poller;

    void start(@Observes StartupEvent started) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        producer.send(new ProducerRecord<>(TOPIC, "started", UUID.randomUUID().toString()));
        poller = new Thread(this::poll, "bare-app-consumer");
        poller.setDaemon(true);
        poller.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        producer.close(Duration.ofSeconds(2));
    }

    private void poll() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bare-app", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(TOPIC));
            while (running) {
                consumer.poll(Duration.ofMillis(500));
            }
        }
    }
}
