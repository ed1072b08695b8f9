package cn.hitech.platform.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The command line behind {@code deploy/run.sh}: brings the local run's PostgreSQL cluster (with one database and
 * role per service) and Kafka broker up or down. Ports come from the environment, with these defaults:
 * {@code HITECH_PG_PORT=55432}, {@code HITECH_KAFKA_PORT=59092}, {@code HITECH_KAFKA_CONTROLLER_PORT=59093}.
 *
 * <pre>
 *   LocalInfra up   &lt;run-folder&gt;   # start (or reuse) both; idempotent
 *   LocalInfra down &lt;run-folder&gt;   # stop both; data stays for the next run
 * </pre>
 */
public final class LocalInfra {

    /** Each service owns one database, with a role of the same name (password = name: local demo only). */
    public static final List<String> SERVICE_DATABASES = List.of("project", "enterprise", "servicedesk", "gateway");

    private LocalInfra() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !List.of("up", "down").contains(args[0])) {
            System.err.println("usage: LocalInfra up|down <run-folder>");
            System.exit(2);
        }
        Path runDir = Path.of(args[1]).toAbsolutePath();
        PostgresServer postgres = new PostgresServer(runDir.resolve("postgres"), port("HITECH_PG_PORT", 55432), "postgres", true);
        KafkaBroker kafka = new KafkaBroker(runDir.resolve("kafka"), port("HITECH_KAFKA_PORT", 59092),
                port("HITECH_KAFKA_CONTROLLER_PORT", 59093));
        try {
            if (args[0].equals("up")) {
                up(postgres, kafka);
            } else {
                down(postgres, kafka);
            }
        } catch (InfraException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void up(PostgresServer postgres, KafkaBroker kafka) {
        long start = System.nanoTime();
        postgres.start();
        for (String database : SERVICE_DATABASES) {
            postgres.ensureDatabase(database, database, database);
        }
        System.out.printf("postgres  up on 127.0.0.1:%d (databases %s), log %s%n", postgres.port(), SERVICE_DATABASES,
                postgres.logFile());
        if (kafka.isRunning()) {
            System.out.printf("kafka     already running on %s%n", kafka.bootstrapServers());
        } else {
            kafka.start(false, Duration.ofSeconds(90));
            System.out.printf("kafka     up on %s, log %s%n", kafka.bootstrapServers(), kafka.logFile());
        }
        System.out.printf("infrastructure ready in %d ms%n", Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private static void down(PostgresServer postgres, KafkaBroker kafka) {
        System.out.println(kafka.stopByPidFile() ? "kafka     stopped" : "kafka     was not running");
        boolean wasRunning = postgres.isRunning();
        postgres.stop();
        System.out.println(wasRunning ? "postgres  stopped" : "postgres  was not running");
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
