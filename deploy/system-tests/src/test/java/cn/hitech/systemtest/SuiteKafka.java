package cn.hitech.systemtest;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hitech.platform.infra.SuiteSettings;
import cn.hitech.platform.testkit.TestKafka;

/** Reads the suite's own broker (not the test kit's) to see what the services published. */
final class SuiteKafka {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SuiteKafka() {
    }

    /**
     * The revisions of one enterprise's events on the {@code enterprises} topic, in topic order, as the topic holds them
     * now: wait first for the last one expected (for example until a consumer has applied it).
     */
    static List<Long> revisionsOf(SuiteSettings settings, String creditCode) {
        return TestKafka.all(Map.of("bootstrap.servers", "127.0.0.1:" + settings.kafkaPort()), "enterprises",
                record -> creditCode.equals(record.key()), Duration.ofSeconds(30)).stream()
                .map(record -> read(record.value()).path("revision"))
                .filter(JsonNode::isIntegralNumber)
                .map(JsonNode::asLong)
                .toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("an event on the enterprises topic is not JSON: " + json, e);
        }
    }
}
