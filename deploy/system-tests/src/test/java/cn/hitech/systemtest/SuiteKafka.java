package cn.hitech.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import cn.hitech.platform.infra.SuiteSettings;

/** Reads the suite's own broker (not the test kit's) to see what the services published. */
final class SuiteKafka {

    private static final Pattern REVISION = Pattern.compile("\"revision\"\\s*:\\s*(\\d+)");

    private SuiteKafka() {
    }

    /** The revisions of one enterprise's events on the {@code enterprises} topic, in topic order. */
    static List<Long> revisionsOf(SuiteSettings settings, String creditCode) {
        Properties config = new Properties();
        config.putAll(Map.of("bootstrap.servers", "127.0.0.1:" + settings.kafkaPort(), "group.id", "suite-it-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "enable.auto.commit", "false",
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName()));
        List<Long> revisions = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of("enterprises"));
            long quietSince = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    quietSince = System.nanoTime();
                    if (creditCode.equals(record.key())) {
                        Matcher revision = REVISION.matcher(record.value());
                        if (revision.find()) {
                            revisions.add(Long.parseLong(revision.group(1)));
                        }
                    }
                }
            }
        }
        return revisions;
    }
}
