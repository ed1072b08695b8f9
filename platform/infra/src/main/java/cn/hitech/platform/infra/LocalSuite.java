package cn.hitech.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The whole suite on one machine: PostgreSQL (one database and role per app), Kafka, the three services and the
 * gateway, each app in its own JVM with its log under {@code <run>/logs} and its pid under {@code <run>/pids}.
 *
 * <pre>
 *   LocalSuite up     &lt;project-folder&gt;   # start what is not running, wait until healthy, load demo data, print URLs
 *   LocalSuite down   &lt;project-folder&gt;   # stop everything it started
 *   LocalSuite clean  &lt;project-folder&gt;   # stop everything and delete its data
 *   LocalSuite status &lt;project-folder&gt;
 * </pre>
 *
 * The local run is a demo: the apps run in {@code hitech.mode=demo} with the demo accounts, unless the environment
 * says otherwise ({@code HITECH_MODE}, {@code HITECH_IDENTITY_DEMO_ACCOUNTS}); {@code HITECH_CLOCK_START} moves the
 * domain clock of every app, and the demo data is dated on that clock.
 */
public final class LocalSuite {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final SuiteSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LocalSuite(SuiteSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        if (args.length != 2 || !List.of("up", "down", "clean", "status").contains(args[0])) {
            System.err.println("usage: LocalSuite up|down|clean|status <project-folder>");
            System.exit(2);
        }
        LocalSuite suite = new LocalSuite(SuiteSettings.fromEnvironment(Path.of(args[1])));
        try {
            switch (args[0]) {
                case "up" -> suite.up();
                case "down" -> suite.down();
                case "clean" -> suite.clean();
                default -> suite.status().forEach((name, state) -> System.out.printf("%-22s %s%n", name, state));
            }
        } catch (InfraException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Starts whatever is not running yet and returns once every app reports ready; prints the timings. */
    public void up() {
        long start = System.nanoTime();
        Commands.createDirectories(settings.logs());
        Commands.createDirectories(pidDir());
        PostgresServer postgres = settings.postgres();
        postgres.start();
        for (SuiteSettings.App app : SuiteSettings.APPS) {
            postgres.ensureDatabase(app.database(), app.database(), app.database());
        }
        KafkaBroker kafka = settings.kafka();
        if (!kafka.isRunning()) {
            kafka.start(false, Duration.ofSeconds(90));
        }
        long infraReady = System.nanoTime();
        System.out.printf("postgres              up on 127.0.0.1:%d  (log %s)%n", settings.postgresPort(), postgres.logFile());
        System.out.printf("kafka                 up on %s  (log %s)%n", kafka.bootstrapServers(), kafka.logFile());

        for (SuiteSettings.App app : SuiteSettings.APPS) {
            if (pidOf(app).isEmpty()) {
                launch(app);
            }
        }
        for (SuiteSettings.App app : SuiteSettings.APPS) {
            awaitReady(app);
            System.out.printf("%-21s up on http://localhost:%d  after %5.1f s  (log %s)%n", app.name(), settings.port(app),
                    seconds(start), logOf(app));
        }
        System.out.printf("%nsuite healthy in %.1f s (infrastructure %.1f s, apps %.1f s)%n", seconds(start),
                (infraReady - start) / 1e9, (System.nanoTime() - infraReady) / 1e9);
        Optional<Instant> domainNow = clockStart().map(moved -> moved.toInstant().plus(Duration.between(clockAnchor(moved), Instant.now())));
        domainNow.ifPresent(now -> System.out.printf("domain clock          moved: now %s in Jining (HITECH_CLOCK_START=%s)%n",
                now.atZone(SHANGHAI).toLocalDateTime().withNano(0), clockStart().get()));
        if (settings.demoData()) {
            LocalDate today = domainNow.map(now -> now.atZone(SHANGHAI).toLocalDate()).orElse(LocalDate.now(SHANGHAI));
            new DemoData(http, settings.gatewayUrl(), settings.root().resolve("deploy").resolve("demo"), today).loadIfEmpty();
        }
        System.out.printf("""

                Console     %1$s/   (sign in as staff / Staff@2026, manager / Manager@2026 or enterprise / Enterprise@2026)
                Gateway     %1$s
                Swagger UI  %1$s/q/swagger-ui
                OpenAPI     %1$s/q/openapi
                Health      %1$s/q/health/group/services
                Logs        %2$s
                Stop with   deploy/run.sh stop
                """, settings.gatewayUrl(), settings.logs());
    }

    /** Stops the apps, then Kafka, then PostgreSQL; data stays for the next {@link #up()}. */
    public void down() {
        List<SuiteSettings.App> reversed = new ArrayList<>(SuiteSettings.APPS);
        java.util.Collections.reverse(reversed);
        for (SuiteSettings.App app : reversed) {
            System.out.printf("%-21s %s%n", app.name(), stopApp(app.name()) ? "stopped" : "was not running");
        }
        System.out.printf("%-21s %s%n", "kafka", settings.kafka().stopByPidFile() ? "stopped" : "was not running");
        PostgresServer postgres = settings.postgres();
        boolean wasRunning = postgres.isRunning();
        postgres.stop();
        System.out.printf("%-21s %s%n", "postgres", wasRunning ? "stopped" : "was not running");
    }

    /** Stops everything and deletes the run folder with its data (also a cluster that had to live elsewhere). */
    public void clean() {
        down();
        settings.postgres().discard();
        Folders.deleteTree(settings.runDir());
        System.out.printf("%-21s %s%n", "data", "deleted: " + settings.runDir());
    }

    /**
     * Where the domain clock starts, if it is moved: {@code -Dhitech.clock.start=} in the apps' options, else
     * {@code HITECH_CLOCK_START}, which the apps read from the environment they inherit.
     */
    Optional<OffsetDateTime> clockStart() {
        for (String option : settings.javaOptions().trim().split("\\s+")) {
            if (option.startsWith("-Dhitech.clock.start=")) {
                return Optional.of(OffsetDateTime.parse(option.substring(option.indexOf('=') + 1)));
            }
        }
        return Optional.ofNullable(System.getenv("HITECH_CLOCK_START")).filter(v -> !v.isBlank()).map(String::strip)
                .map(OffsetDateTime::parse);
    }

    /**
     * The real instant at which the moved clock shows {@code start}: the first start of the suite with it, kept in the
     * run folder, so that every app shows the same time and the clock goes on ticking across restarts.
     */
    Instant clockAnchor(OffsetDateTime start) {
        Path file = settings.runDir().resolve("clock-anchor");
        try {
            if (Files.exists(file)) {
                String[] saved = Files.readString(file).trim().split(" ");
                if (saved.length == 2 && OffsetDateTime.parse(saved[0]).isEqual(start)) {
                    return Instant.parse(saved[1]);
                }
            }
            Instant anchor = Instant.now();
            Commands.createDirectories(settings.runDir());
            Files.writeString(file, start + " " + anchor + "\n");
            return anchor;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops one app (a graceful SIGTERM, then SIGKILL after 20 s); true when it was running. */
    public boolean stopApp(String name) {
        SuiteSettings.App app = SuiteSettings.APPS.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no app " + name));
        Optional<ProcessHandle> running = pidOf(app);
        running.ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception slow) {
                process.destroyForcibly();
            }
        });
        try {
            Files.deleteIfExists(pidFile(app));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return running.isPresent();
    }

    /**
     * Kills one app at once (SIGKILL: no shutdown hook, no consumer leaving its group), as a crash would; true when it
     * was running. For fault tests; {@link #startApp} brings it back.
     */
    public boolean killApp(String name) {
        SuiteSettings.App app = app(name);
        Optional<ProcessHandle> running = pidOf(app);
        running.ifPresent(LocalSuite::kill);
        try {
            Files.deleteIfExists(pidFile(app));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return running.isPresent();
    }

    /** Starts one app that is not running (after {@link #killApp} or {@link #stopApp}) and waits until it is ready. */
    public void startApp(String name) {
        SuiteSettings.App app = app(name);
        if (pidOf(app).isEmpty()) {
            launch(app);
        }
        awaitReady(app);
    }

    /** Kills the Kafka broker at once (SIGKILL), as a crash would; true when it was running. {@link #startKafka} restarts it. */
    public boolean killKafka() {
        Path pidFile = settings.kafka().pidFile();
        Optional<ProcessHandle> running;
        try {
            running = Files.exists(pidFile) ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).filter(ProcessHandle::isAlive)
                    : Optional.empty();
            running.ifPresent(LocalSuite::kill);
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return running.isPresent();
    }

    /** Starts the Kafka broker again on its data, as {@link #up()} does, and returns once it reports itself started. */
    public void startKafka() {
        KafkaBroker kafka = settings.kafka();
        if (!kafka.isRunning()) {
            kafka.start(false, Duration.ofSeconds(90));
        }
    }

    private static SuiteSettings.App app(String name) {
        return SuiteSettings.APPS.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no app " + name));
    }

    private static void kill(ProcessHandle process) {
        process.destroyForcibly();
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception stillThere) {
            throw new InfraException("process " + process.pid() + " did not die within 20 s of SIGKILL");
        }
    }

    public Map<String, String> status() {
        Map<String, String> states = new LinkedHashMap<>();
        states.put("postgres", settings.postgres().isRunning() ? "running on 127.0.0.1:" + settings.postgresPort() : "stopped");
        states.put("kafka", settings.kafka().isRunning() ? "running on 127.0.0.1:" + settings.kafkaPort() : "stopped");
        for (SuiteSettings.App app : SuiteSettings.APPS) {
            states.put(app.name(), pidOf(app).map(p -> "running (pid " + p.pid() + ") on http://localhost:" + settings.port(app))
                    .orElse("stopped"));
        }
        return states;
    }

    /** The process of a running app, if its pid file names a live process. */
    public Optional<ProcessHandle> pidOf(SuiteSettings.App app) {
        try {
            Path file = pidFile(app);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(file).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void launch(SuiteSettings.App app) {
        Path jar = settings.root().resolve(app.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new InfraException(jar + " is missing: build first (./mvnw package -DskipTests), or use deploy/run.sh, which does");
        }
        List<String> command = command(app, jar, settings.port(app));
        if (KafkaBroker.isPortOpen(settings.port(app))) {
            throw new InfraException("port " + settings.port(app) + " for " + app.name() + " is taken by another program; set "
                    + app.portVariable() + " to a free port");
        }
        try {
            Process process = new ProcessBuilder(command).directory(settings.root().toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logOf(app).toFile())).start();
            Files.writeString(pidFile(app), String.valueOf(process.pid()));
        } catch (IOException e) {
            throw new InfraException("cannot start " + app.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The command that runs {@code jar} as {@code app} of this suite, listening on {@code httpPort}: the suite's Java
     * options, the app's database, the broker, the mode, the clock and the JWT keys. A benchmark uses it to run another
     * build of an app's code (bench/in-process) exactly as the app is configured.
     */
    public List<String> command(SuiteSettings.App app, Path jar, int httpPort) {
        List<String> command = new ArrayList<>();
        command.add(KafkaBroker.javaBinary());
        command.addAll(Arrays.asList(settings.javaOptions().trim().split("\\s+")));
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-Dquarkus.datasource.jdbc.url=" + settings.postgres().jdbcUrl(app.database()));
        command.add("-Dquarkus.datasource.username=" + app.database());
        command.add("-Dquarkus.datasource.password=" + app.database());
        command.add("-Dkafka.bootstrap.servers=127.0.0.1:" + settings.kafkaPort());
        if (System.getenv("HITECH_MODE") == null) {
            command.add("-Dhitech.mode=demo");
        }
        clockStart().ifPresent(start -> command.add("-Dhitech.clock.anchor=" + clockAnchor(start)));
        Path keys = JwtKeys.ensure(settings.runDir().resolve("keys"));
        command.add("-Dmp.jwt.verify.publickey.location=" + keys.resolve(JwtKeys.PUBLIC_KEY).toUri());
        if (app.isGateway()) {
            command.add("-Dsmallrye.jwt.sign.key.location=" + keys.resolve(JwtKeys.PRIVATE_KEY).toUri());
            // The demo accounts come with the demo: a suite started in production mode on purpose gets none.
            if (System.getenv("HITECH_IDENTITY_DEMO_ACCOUNTS") == null
                    && !"production".equalsIgnoreCase(System.getenv().getOrDefault("HITECH_MODE", "demo").strip())) {
                command.add("-Dhitech.identity.demo-accounts=true");
            }
            for (SuiteSettings.App backend : SuiteSettings.APPS) {
                if (!backend.isGateway()) {
                    command.add("-Dgateway.services." + backend.name() + ".url=http://127.0.0.1:" + settings.port(backend));
                }
            }
        }
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    private void awaitReady(SuiteSettings.App app) {
        long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
        Readiness readiness = awaitReady(http, settings.port(app), () -> pidOf(app).isPresent(), deadline, Duration.ofMillis(250));
        if (readiness == Readiness.EXITED) {
            throw new InfraException(app.name() + " stopped while starting; the end of " + logOf(app) + ":\n" + tail(logOf(app), 40));
        }
        if (readiness == Readiness.TIMED_OUT) {
            throw new InfraException(app.name() + " was not ready within " + HEALTH_TIMEOUT.toSeconds() + " s; see " + logOf(app));
        }
    }

    /** How a wait for an app to report ready ended. */
    public enum Readiness {
        READY, EXITED, TIMED_OUT
    }

    /**
     * Asks {@code /q/health/ready} of the app on this local port every {@code poll} until it answers 200, {@code alive}
     * says its process is gone, or the deadline (on {@link System#nanoTime()}) has passed. The suite waits for its apps
     * with it; the start-up benchmark times an app's start with it, at a finer poll.
     */
    public static Readiness awaitReady(HttpClient http, int port, BooleanSupplier alive, long deadline, Duration poll) {
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            if (!alive.getAsBoolean()) {
                return Readiness.EXITED;
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return Readiness.READY;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfraException("interrupted while waiting for port " + port + " to be ready");
            }
            sleep(poll.toMillis());
        }
        return Readiness.TIMED_OUT;
    }

    private Path pidDir() {
        return settings.runDir().resolve("pids");
    }

    private Path pidFile(SuiteSettings.App app) {
        return pidDir().resolve(app.name() + ".pid");
    }

    public Path logOf(SuiteSettings.App app) {
        return settings.logs().resolve(app.name() + ".log");
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
