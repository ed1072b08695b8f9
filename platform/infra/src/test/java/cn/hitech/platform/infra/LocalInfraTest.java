package cn.hitech.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LocalInfraTest {

    /** Not JUnit's temporary folder: that one is closed to the postgres user the server runs as. */
    private final Path dir = Path.of("target", "infra-test", UUID.randomUUID().toString()).toAbsolutePath();

    @Test
    void postgresClusterKeepsCommittedRowsAcrossARestartAndCreatesDatabasesIdempotently() throws Exception {
        PostgresServer postgres = new PostgresServer(dir.resolve("pg"), FreePort.find(), "secret", true);
        try {
            postgres.start();
            postgres.ensureDatabase("demo", "demo_owner", "pw'with'quotes");
            postgres.ensureDatabase("demo", "demo_owner", "pw'with'quotes");
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("demo"), "demo_owner", "pw'with'quotes");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE note (id int PRIMARY KEY, text varchar(50))");
                s.execute("INSERT INTO note VALUES (1, '开工')");
            }
            postgres.stop();
            assertFalse(postgres.isRunning());
            postgres.start();
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("demo"), "demo_owner", "pw'with'quotes");
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT text FROM note WHERE id = 1")) {
                assertTrue(rs.next());
                assertEquals("开工", rs.getString(1));
            }
        } finally {
            postgres.discard();
        }
    }

    /**
     * A new user's checkout often lives in a 0700 folder (/root/..., mktemp -d) that the postgres user cannot enter: the
     * local run's durable cluster moves under /var/lib/hitech-postgres, a test's to the system's temp folder.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "durable {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aClusterInAFolderClosedToTheServerUserRunsElsewhereAndIsDiscardedWithIt(boolean durable) throws Exception {
        Path closed = java.nio.file.Files.createTempDirectory("closed",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        PostgresServer postgres = new PostgresServer(closed.resolve("checkout").resolve("pg"), FreePort.find(), "x", durable);
        try {
            postgres.start();
            postgres.ensureDatabase("closed_demo", "closed_owner", "pw");
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("closed_demo"), "closed_owner", "pw");
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
                assertTrue(rs.next());
                assertEquals("closed_demo", rs.getString(1));
            }
            if (Commands.ROOT) {
                assertFalse(postgres.clusterHome().startsWith(closed), "moved out of the closed folder: " + postgres.clusterHome());
                assertEquals(durable, postgres.clusterHome().startsWith("/var/lib/hitech-postgres"), postgres.clusterHome().toString());
                assertTrue(java.nio.file.Files.exists(closed.resolve("checkout/pg").resolve(PostgresServer.LOCATION_FILE)));
            }
            assertTrue(postgres.isRunning());
        } finally {
            Path cluster = postgres.clusterHome();
            postgres.discard();
            assertFalse(postgres.isRunning());
            assertFalse(java.nio.file.Files.exists(cluster), "the relocated cluster is deleted with its home");
            Folders.deleteTree(closed);
        }
    }

    @Test
    void rejectsIdentifiersThatWouldNeedQuoting() {
        PostgresServer postgres = new PostgresServer(dir.resolve("unused"), FreePort.find(), "x", false);
        assertThrows(IllegalArgumentException.class, () -> postgres.ensureDatabase("bad;drop", "owner", "pw"));
    }

    @Test
    void kafkaBrokerDeliversARecordAndKeepsItAcrossARestart() {
        int port = FreePort.find();
        KafkaBroker broker = new KafkaBroker(dir.resolve("kafka"), port, FreePort.find());
        String topic = "infra-test-" + UUID.randomUUID();
        try {
            broker.start(true, Duration.ofSeconds(60));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker))) {
                producer.send(new ProducerRecord<>(topic, "project-1", "{\"status\":\"STARTED\"}")).get();
            }
            broker.stop();
            assertFalse(broker.isRunning());
            broker.start(true, Duration.ofSeconds(60));
            ConsumerRecord<String, String> record = consumeOne(broker, topic);
            assertEquals("project-1", record.key());
            assertEquals("{\"status\":\"STARTED\"}", record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            broker.stop();
        }
    }

    @Test
    void formatsStorageWhateverTheClusterIdLooksLike() throws Exception {
        // about one id in 32 starts with '-', which the storage tool would read as an option
        for (int i = 0; i < 64; i++) {
            String id = KafkaBroker.newClusterId();
            assertEquals(22, id.length(), id);
        }
        KafkaBroker broker = new KafkaBroker(dir.resolve("dash"), FreePort.find(), FreePort.find());
        broker.format("-D47iQKQSgGOuwXR3pzDUg");
        assertTrue(java.nio.file.Files.readString(dir.resolve("dash/data/meta.properties")).contains("cluster.id=-D47iQKQSgGOuwXR3pzDUg"));
    }

    @Test
    void aSecondBrokerOnABusyPortIsRefusedWithAClearMessage() {
        int port = FreePort.find();
        KafkaBroker first = new KafkaBroker(dir.resolve("k1"), port, FreePort.find());
        try {
            first.start(true, Duration.ofSeconds(60));
            KafkaBroker second = new KafkaBroker(dir.resolve("k2"), port, FreePort.find());
            InfraException refused = assertThrows(InfraException.class, () -> second.start(true, Duration.ofSeconds(10)));
            assertTrue(refused.getMessage().contains("already in use"), refused.getMessage());
        } finally {
            first.stop();
        }
    }

    private static Properties producerConfig(KafkaBroker broker) {
        Properties p = new Properties();
        p.putAll(Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all",
                "key.serializer", StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName()));
        return p;
    }

    private static ConsumerRecord<String, String> consumeOne(KafkaBroker broker, String topic) {
        Properties p = new Properties();
        p.putAll(Map.of("bootstrap.servers", broker.bootstrapServers(), "group.id", "infra-test", "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer", StringDeserializer.class.getName()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            return org.awaitility.Awaitility.await("a record on " + topic).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                    .until(() -> consumer.poll(Duration.ofMillis(500)), records -> !records.isEmpty()).iterator().next();
        }
    }
}
