package cn.hitech.platform.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import cn.hitech.platform.infra.Folders;
import cn.hitech.platform.infra.FreePort;
import cn.hitech.platform.infra.JwtKeys;
import cn.hitech.platform.infra.KafkaBroker;
import cn.hitech.platform.infra.PostgresServer;

/**
 * The PostgreSQL cluster and Kafka broker of one test JVM: started on first use on free ports, shared by all test
 * classes of the JVM, stopped and deleted when the JVM exits. Lives under {@code target/testkit/<pid>}; folders left
 * by a JVM that was killed are reaped on the next start.
 *
 * <p>The broker has a PLAINTEXT listener, which services use by default, and a SASL_PLAINTEXT listener (PLAIN) that
 * accepts {@link #SASL_USER}, for tests of a service configured as for a cluster that asks for a login (see
 * {@link TestKafka#saslSettings}). One more listener costs the broker's start nothing measurable.
 */
public final class TestInfrastructure {

    static final String SUPERUSER_PASSWORD = "testkit";
    /** The one login the broker's SASL listener accepts. */
    public static final String SASL_USER = "hitech-service";
    public static final String SASL_PASSWORD = "hitech-sasl-secret";
    private static TestInfrastructure instance;

    private final Path home;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;

    /** Set once the JVM's pair runs: "home|postgres port|kafka port|controller port|kafka SASL port". */
    private static final String RUNNING = "hitech.testkit.running";

    private TestInfrastructure(Path home, int postgresPort, int kafkaPort, int controllerPort, int saslPort) {
        this.home = home;
        this.postgres = new PostgresServer(home.resolve("postgres"), postgresPort, SUPERUSER_PASSWORD, false);
        this.kafka = new KafkaBroker(home.resolve("kafka"), kafkaPort, controllerPort,
                new KafkaBroker.SaslListener(saslPort, Map.of(SASL_USER, SASL_PASSWORD)));
    }

    /**
     * Starts both on first call (in parallel: the broker's JVM start dominates); later calls return the same pair, also
     * from another class loader (a Quarkus test profile restarts the app in a new one), found through a system property.
     */
    public static synchronized TestInfrastructure get() {
        String running = System.getProperty(RUNNING);
        if (instance == null && running != null) {
            String[] parts = running.split("\\|");
            instance = new TestInfrastructure(Path.of(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    Integer.parseInt(parts[3]), Integer.parseInt(parts[4]));
        }
        if (instance == null) {
            Path root = Path.of("target", "testkit").toAbsolutePath();
            reapAbandoned(root);
            int kafkaPort = FreePort.find();
            int controllerPort = FreePort.find();
            int saslPort = FreePort.find();
            TestInfrastructure started = new TestInfrastructure(root.resolve(String.valueOf(ProcessHandle.current().pid())),
                    FreePort.find(), kafkaPort, controllerPort, saslPort);
            Thread broker = new Thread(() -> started.kafka.start(true, Duration.ofSeconds(90)), "testkit-kafka-start");
            BrokerFailure failure = new BrokerFailure();
            broker.setUncaughtExceptionHandler((t, e) -> failure.error = e);
            broker.start();
            started.postgres.start();
            joinQuietly(broker);
            if (failure.error != null) {
                started.postgres.stop();
                throw new IllegalStateException("the test Kafka broker did not start", failure.error);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown, "testkit-shutdown"));
            System.setProperty(RUNNING, started.home + "|" + started.postgres.port() + "|" + kafkaPort + "|" + controllerPort + "|"
                    + saslPort);
            instance = started;
        }
        return instance;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The JVM's token key pair (see {@link TestTokens}); services get the public half, the gateway both. */
    public Path keys() {
        return JwtKeys.ensure(home.resolve("keys"));
    }

    private void shutdown() {
        kafka.stop();
        postgres.discard();
        Folders.deleteTree(home);
    }

    /** A test JVM killed with SIGKILL leaves its cluster running; stop it and free the disk. */
    private static void reapAbandoned(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> folders = Files.list(root)) {
            folders.filter(folder -> !ownerAlive(folder)).forEach(folder -> {
                new PostgresServer(folder.resolve("postgres"), 0, SUPERUSER_PASSWORD, false).discard();
                Folders.deleteTree(folder);
            });
        } catch (IOException | RuntimeException e) {
            System.err.println("testkit: could not reap old test folders under " + root + ": " + e.getMessage());
        }
    }

    private static boolean ownerAlive(Path folder) {
        try {
            return ProcessHandle.of(Long.parseLong(folder.getFileName().toString())).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }


    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class BrokerFailure {
        volatile Throwable error;
    }
}
