package cn.hitech.platform.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker + controller, one node) running in a JVM of its
 * own, built from the Maven Central artifacts that {@code platform-kafka-broker} resolves. Its storage is
 * formatted on first start; later starts reuse it, so events survive a restart.
 *
 * <p>Besides its PLAINTEXT listener it may open a SASL_PLAINTEXT listener with the PLAIN mechanism and a fixed set of
 * users ({@link SaslListener}), as a production cluster (e.g. Strimzi's SCRAM or PLAIN listeners) asks clients to log
 * in; the test kit uses it to prove that a service reaches such a cluster by configuration alone.
 */
public final class KafkaBroker {

    private static final String CLASSPATH_RESOURCE = "/hitech-kafka-classpath.txt";
    private static final String STARTED_LINE = "Kafka Server started";
    /** Names and passwords go into a JAAS line inside a properties file: keep them to characters that need no quoting. */
    private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._-]+");

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final SaslListener sasl;
    private Process process;

    /**
     * An extra SASL_PLAINTEXT listener on {@code port} that accepts the PLAIN logins in {@code users} (name → password).
     * The PLAINTEXT listener stays: brokers and the controller talk over it, and so may tools that need no login.
     */
    public record SaslListener(int port, Map<String, String> users) {

        public SaslListener {
            users = Map.copyOf(users);
            if (users.isEmpty()) {
                throw new IllegalArgumentException("a SASL listener needs at least one user");
            }
            users.forEach((name, password) -> {
                if (!PLAIN_TOKEN.matcher(name).matches() || !PLAIN_TOKEN.matcher(password).matches()) {
                    throw new IllegalArgumentException("SASL user names and passwords are limited to [A-Za-z0-9._-]: " + name);
                }
            });
        }
    }

    /** @param home folder for the broker's configuration ({@code server.properties}), data ({@code data/}) and log */
    public KafkaBroker(Path home, int port, int controllerPort) {
        this(home, port, controllerPort, null);
    }

    /** @param sasl an extra listener that requires a PLAIN login, or null for none */
    public KafkaBroker(Path home, int port, int controllerPort, SaslListener sasl) {
        this.home = home.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.sasl = sasl;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The SASL_PLAINTEXT listener's address; only for a broker made with a {@link SaslListener}. */
    public String saslBootstrapServers() {
        if (sasl == null) {
            throw new IllegalStateException("this broker has no SASL listener");
        }
        return "127.0.0.1:" + sasl.port();
    }

    /** The client side of a PLAIN login, as {@code sasl.jaas.config} takes it. */
    public static String plainJaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    public Path logFile() {
        return home.resolve("kafka.log");
    }

    public Path pidFile() {
        return home.resolve("kafka.pid");
    }

    /**
     * Formats storage if needed and starts the broker, returning once it reports itself started.
     *
     * @param tiedToThisJvm the broker exits by itself when this JVM is gone (test runs); false for the local run,
     *                      whose broker outlives the launcher until {@link #stopByPidFile} is called
     */
    public void start(boolean tiedToThisJvm, Duration timeout) {
        if (isPortOpen(port)) {
            throw new InfraException("port " + port + " is already in use: another broker or program is listening there");
        }
        if (sasl != null && isPortOpen(sasl.port())) {
            throw new InfraException("port " + sasl.port() + " (SASL listener) is already in use: another broker or program is listening there");
        }
        Commands.createDirectories(home);
        Path config = writeConfig();
        String classpath = classpath();
        if (!Files.exists(home.resolve("data").resolve("meta.properties"))) {
            format(newClusterId());
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=classpath:hitech-kafka-log4j2.properties",
                "-cp", classpath, "cn.hitech.platform.kafka.BrokerMain", config.toString()));
        if (tiedToThisJvm) {
            command.addAll(List.of("--parent-pid", String.valueOf(ProcessHandle.current().pid())));
        }
        try {
            Files.deleteIfExists(logFile());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile())).start();
            Files.writeString(pidFile(), String.valueOf(process.pid()));
        } catch (IOException e) {
            throw new InfraException("cannot start the Kafka broker JVM: " + e.getMessage(), e);
        }
        awaitStarted(timeout);
    }

    /** Formats the broker's storage for a new cluster; a failure throws with the tool's output. */
    void format(String clusterId) {
        Commands.createDirectories(home);
        Path config = writeConfig();
        Commands.run(List.of(javaBinary(), "-cp", classpath(), "-Dlog4j2.configurationFile=classpath:hitech-kafka-log4j2.properties",
                "kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId, "-c", config.toString()), Map.of(), null, 120);
    }

    /** Stops the broker this object started: a graceful shutdown first, then a forced one. */
    public void stop() {
        if (process != null) {
            stopProcess(process.toHandle());
            process = null;
        }
        deletePidFile();
    }

    /** Stops a broker started earlier by another launcher (the local run's {@code stop}), found through its pid file. */
    public boolean stopByPidFile() {
        Optional<ProcessHandle> running = readPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        running.ifPresent(KafkaBroker::stopProcess);
        deletePidFile();
        return running.isPresent();
    }

    public boolean isRunning() {
        return (process != null && process.isAlive()) || readPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).isPresent();
    }

    private Path writeConfig() {
        Path config = home.resolve("server.properties");
        String saslListener = sasl == null ? "" : ",SASL_PLAINTEXT://127.0.0.1:" + sasl.port();
        String properties = """
                # written by cn.hitech.platform.infra.KafkaBroker: one node, broker and controller together
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d%4$s,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d%4$s
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                """.formatted(port, controllerPort, home.resolve("data"), saslListener) + saslSettings();
        try {
            Files.writeString(config, properties, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    /** PLAIN on the SASL listener, its users in the listener's JAAS entry ({@code user_<name>="<password>"}). */
    private String saslSettings() {
        if (sasl == null) {
            return "";
        }
        StringBuilder users = new StringBuilder();
        new TreeMap<>(sasl.users()).forEach((name, password) -> users.append(" user_").append(name).append("=\"")
                .append(password).append('"'));
        return "sasl.enabled.mechanisms=PLAIN\n"
                + "listener.name.sasl_plaintext.sasl.enabled.mechanisms=PLAIN\n"
                + "listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
                + users + ";\n";
    }

    private void awaitStarted(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = read(logFile());
                throw new InfraException("the Kafka broker exited with " + process.exitValue() + " while starting; see " + logFile()
                        + System.lineSeparator() + log.substring(Math.max(0, log.length() - 4000)));
            }
            if (read(logFile()).contains(STARTED_LINE) && isPortOpen(port) && (sasl == null || isPortOpen(sasl.port()))) {
                return;
            }
            sleep(Duration.ofMillis(100));
        }
        stop();
        throw new InfraException("the Kafka broker did not start within " + timeout.toSeconds() + " s; see " + logFile());
    }

    /** The launcher module's classes followed by Kafka's own jars, as resolved by Maven. */
    static String classpath() {
        URL resource = KafkaBroker.class.getResource(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new InfraException("Kafka's classpath file " + CLASSPATH_RESOURCE + " is missing: build platform/kafka-broker first "
                    + "(./mvnw -pl platform/kafka-broker package)");
        }
        try (InputStream in = resource.openStream()) {
            String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return launcherLocation(resource) + java.io.File.pathSeparator + jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String launcherLocation(URL resource) {
        try {
            String url = resource.toString();
            if (url.startsWith("jar:")) {
                return Path.of(new URL(url.substring(4, url.indexOf("!/"))).toURI()).toString();
            }
            return Path.of(resource.toURI()).getParent().toString();
        } catch (URISyntaxException | IOException e) {
            throw new InfraException("cannot locate the Kafka launcher from " + resource, e);
        }
    }

    /**
     * A KRaft cluster id: 16 random bytes, URL-safe base64 without padding (what {@code kafka-storage random-uuid} prints).
     * It may start with '-', so it is passed as {@code --cluster-id=<id>}, never as a separate argument.
     */
    static String newClusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private Optional<Long> readPid() {
        try {
            return Files.exists(pidFile()) ? Optional.of(Long.parseLong(Files.readString(pidFile()).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    private static void stopProcess(ProcessHandle handle) {
        handle.destroy();
        try {
            handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception slow) {
            handle.destroyForcibly();
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Whether something listens on the loopback port. */
    public static boolean isPortOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted while waiting for the Kafka broker", e);
        }
    }
}
