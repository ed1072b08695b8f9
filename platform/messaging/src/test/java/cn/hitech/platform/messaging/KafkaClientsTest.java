package cn.hitech.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** How the cluster's {@code kafka.*} settings merge with the platform's defaults; no broker needed. */
class KafkaClientsTest {

    private static final String APP = "project-service";
    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"svc\" password=\"pw\";";
    /** What Quarkus' default-kafka-broker map holds for a Strimzi-style SASL listener (it adds group.id = application name). */
    private static final Map<String, Object> SASL_CLUSTER = Map.of(
            "bootstrap.servers", "kafka-bootstrap.kafka:9092",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", JAAS,
            "ssl.truststore.type", "PEM",
            "client.rack", "zone-a",
            "group.id", APP);

    @Test
    void withoutClusterSettingsTheSafeDefaultsHold() {
        Map<String, Object> producer = KafkaClients.producerSettings(Map.of("bootstrap.servers", "k:9092"), "svc-outbox-relay");
        assertEquals("all", producer.get("acks"));
        assertEquals(true, producer.get("enable.idempotence"));
        assertEquals(5, producer.get("max.in.flight.requests.per.connection"));
        assertEquals(15_000L, ((Number) producer.get("delivery.timeout.ms")).longValue());
        assertEquals(StringSerializer.class.getName(), producer.get("value.serializer"));
        assertEquals("svc-outbox-relay", producer.get("client.id"));

        Map<String, Object> consumer = KafkaClients.consumerSettings(Map.of("bootstrap.servers", "k:9092"), "svc.directory");
        assertEquals(false, consumer.get("enable.auto.commit"));
        assertEquals("earliest", consumer.get("auto.offset.reset"));
        assertEquals("svc.directory", consumer.get("group.id"));
        assertEquals(StringDeserializer.class.getName(), consumer.get("key.deserializer"));
    }

    @Test
    void securityAndRackSettingsReachProducerAndConsumer() {
        for (Map<String, Object> settings : List.of(KafkaClients.producerSettings(SASL_CLUSTER, "p"),
                KafkaClients.consumerSettings(SASL_CLUSTER, "g"))) {
            assertEquals("kafka-bootstrap.kafka:9092", settings.get("bootstrap.servers"));
            assertEquals("SASL_SSL", settings.get("security.protocol"));
            assertEquals("SCRAM-SHA-512", settings.get("sasl.mechanism"));
            assertEquals(JAAS, settings.get("sasl.jaas.config"));
            assertEquals("PEM", settings.get("ssl.truststore.type"));
        }
        assertEquals("zone-a", KafkaClients.consumerSettings(SASL_CLUSTER, "g").get("client.rack"));
        assertEquals(List.of(), KafkaClients.warnings(SASL_CLUSTER, APP), "nothing here weakens a guarantee");
    }

    @Test
    void eachClientGetsOnlyTheSettingsItKnows() {
        Map<String, Object> cluster = Map.of("bootstrap.servers", "k:9092", "linger.ms", "5", "fetch.min.bytes", "1024",
                "no.such.setting", "x", "tls-configuration-name", "kafka-tls");
        Map<String, Object> producer = KafkaClients.producerSettings(cluster, "p");
        Map<String, Object> consumer = KafkaClients.consumerSettings(cluster, "g");
        assertEquals("5", producer.get("linger.ms"));
        assertFalse(producer.containsKey("fetch.min.bytes"));
        assertEquals("1024", consumer.get("fetch.min.bytes"));
        assertFalse(consumer.containsKey("linger.ms"));
        assertFalse(producer.containsKey("no.such.setting") || consumer.containsKey("no.such.setting"));
        assertEquals("kafka-tls", producer.get("tls-configuration-name"), "Quarkus' TLS registry hook reaches every client");
        assertEquals("kafka-tls", consumer.get("tls-configuration-name"));
    }

    @Test
    void theClusterMayWeakenAGuaranteeButNotSilently() {
        Map<String, Object> cluster = Map.of("bootstrap.servers", "k:9092", "acks", "1", "enable.idempotence", "false",
                "auto.offset.reset", "latest", "max.in.flight.requests.per.connection", "1");
        Map<String, Object> producer = KafkaClients.producerSettings(cluster, "p");
        assertEquals("1", producer.get("acks"));
        assertEquals("false", producer.get("enable.idempotence"));
        assertEquals("1", producer.get("max.in.flight.requests.per.connection"));
        assertEquals("latest", KafkaClients.consumerSettings(cluster, "g").get("auto.offset.reset"));
        List<String> warnings = KafkaClients.warnings(cluster, APP);
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("kafka.acks=1 replaces the platform's all")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("kafka.enable.idempotence=false")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("kafka.auto.offset.reset=latest")), warnings.toString());
        assertEquals(List.of(), KafkaClients.warnings(Map.of("bootstrap.servers", "k:9092", "acks", "-1"), APP), "-1 is all");
    }

    @Test
    void whatThePlatformOwnsCannotBeChanged() {
        Map<String, Object> cluster = Map.of("bootstrap.servers", "k:9092", "enable.auto.commit", "true", "group.id", "shared",
                "client.id", "everyone", "value.serializer", "org.example.AvroSerializer",
                "value.deserializer", "org.example.AvroDeserializer");
        Map<String, Object> producer = KafkaClients.producerSettings(cluster, "svc-dead-letters");
        Map<String, Object> consumer = KafkaClients.consumerSettings(cluster, "svc.directory");
        assertEquals(StringSerializer.class.getName(), producer.get("value.serializer"));
        assertEquals("svc-dead-letters", producer.get("client.id"));
        assertEquals(false, consumer.get("enable.auto.commit"), "offsets are committed after the inbox transaction");
        assertEquals("svc.directory", consumer.get("group.id"));
        assertEquals(StringDeserializer.class.getName(), consumer.get("value.deserializer"));
        List<String> warnings = KafkaClients.warnings(cluster, APP);
        assertEquals(List.of("kafka.client.id is ignored: the platform sets it for every client (see KafkaClients)",
                "kafka.enable.auto.commit is ignored: the platform sets it for every client (see KafkaClients)",
                "kafka.group.id is ignored: the platform sets it for every client (see KafkaClients)",
                "kafka.value.deserializer is ignored: the platform sets it for every client (see KafkaClients)",
                "kafka.value.serializer is ignored: the platform sets it for every client (see KafkaClients)"), warnings);
    }

    @Test
    void aLongerRequestTimeoutLengthensTheDeliveryTimeoutUnlessThatIsSetToo() {
        Map<String, Object> slow = KafkaClients.producerSettings(Map.of("bootstrap.servers", "k:9092", "request.timeout.ms", "30000",
                "linger.ms", "10"), "p");
        assertEquals(30_010L, ((Number) slow.get("delivery.timeout.ms")).longValue());
        Map<String, Object> given = KafkaClients.producerSettings(Map.of("bootstrap.servers", "k:9092", "request.timeout.ms", "30000",
                "delivery.timeout.ms", "120000"), "p");
        assertEquals("120000", given.get("delivery.timeout.ms"));
    }

    @Test
    void kafkaAcceptsTheMergedSettingsAndRefusesAContradiction() {
        // Creating a client validates its settings and logs in with the JAAS module; it needs no broker.
        Map<String, Object> plain = Map.of("bootstrap.servers", "127.0.0.1:1", "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN", "sasl.jaas.config", JAAS, "request.timeout.ms", "30000");
        KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClients.producerSettings(plain, "p"));
        producer.close(Duration.ZERO);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(KafkaClients.consumerSettings(plain, "g"));
        consumer.close(Duration.ZERO);
        Map<String, Object> acksOneOnly = Map.of("bootstrap.servers", "127.0.0.1:1", "acks", "1");
        ConfigException refused = assertThrows(ConfigException.class,
                () -> new KafkaProducer<>(KafkaClients.producerSettings(acksOneOnly, "p")).close(Duration.ZERO));
        assertTrue(refused.getMessage().contains("acks"), refused.getMessage());
    }

    /** The service refuses to start on such settings, instead of being ready while its outbox fills up. */
    @Test
    void aContradictionFailsTheStartAndSaysWhy() {
        KafkaClients.validate(Map.of("bootstrap.servers", "127.0.0.1:1", "security.protocol", "SASL_PLAINTEXT"), APP);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> KafkaClients.validate(Map.of("bootstrap.servers", "127.0.0.1:1", "acks", "1"), APP));
        assertTrue(refused.getMessage().contains("kafka.* settings of " + APP) && refused.getMessage().contains("acks"),
                refused.getMessage());
        assertThrows(IllegalStateException.class,
                () -> KafkaClients.validate(Map.of("bootstrap.servers", "127.0.0.1:1", "security.protocol", "CARRIER_PIGEON"), APP));
    }

    /**
     * The inbox consumers join as static members, so a restarted instance takes its partitions back at once instead of
     * waiting out its dead predecessor's session; a cluster-wide group.instance.id would make every client the same
     * member, so it never reaches any.
     */
    @Test
    void inboxConsumersAreStaticMembersUnderTheInstancesName() {
        Map<String, Object> cluster = Map.of("bootstrap.servers", "127.0.0.1:1", "group.instance.id", "everyone");
        Map<String, Object> member = KafkaClients.memberSettings(cluster, "svc.directory", "service-desk-7f9c-8083");
        assertEquals("service-desk-7f9c-8083", member.get("group.instance.id"));
        assertEquals("svc.directory", member.get("group.id"));
        assertEquals(15_000, member.get("session.timeout.ms"));
        assertFalse(KafkaClients.consumerSettings(cluster, "svc.rebuild").containsKey("group.instance.id"));
        assertEquals(List.of("kafka.group.instance.id is ignored: the platform sets it for every client (see KafkaClients)"),
                KafkaClients.warnings(cluster, APP));
        new KafkaConsumer<String, String>(member).close(Duration.ZERO);
    }

    @Test
    void aMissingBootstrapIsNamed() {
        assertEquals(List.of("kafka.bootstrap.servers is not set: no Kafka client of this service can connect"),
                KafkaClients.warnings(Map.of(), APP));
    }
}
