package cn.hitech.platform.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the local suite runs: its folders and ports. {@link #fromEnvironment} reads the {@code HITECH_*} variables
 * documented in the README, with the defaults below; tests build their own with free ports.
 *
 * @param root    the project folder (each app is {@code <root>/<module>/target/quarkus-app/quarkus-run.jar})
 * @param runDir  data, logs and pid files ({@code .run/} by default)
 */
public record SuiteSettings(Path root, Path runDir, int postgresPort, int kafkaPort, int kafkaControllerPort,
        Map<String, Integer> appPorts, String javaOptions, boolean demoData) {

    /** The apps of the suite in start order; the gateway comes last and is told where the others are. */
    public static final List<App> APPS = List.of(
            new App("project-service", "project-service", "project", "HITECH_PROJECT_PORT", 8081),
            new App("enterprise-service", "enterprise-service", "enterprise", "HITECH_ENTERPRISE_PORT", 8082),
            new App("service-desk-service", "service-desk-service", "servicedesk", "HITECH_SERVICE_DESK_PORT", 8083),
            new App("gateway", "gateway", "gateway", "HITECH_GATEWAY_PORT", 8080));

    /** One deployable: its name, Maven module folder, own database (and role of the same name) and port variable. */
    public record App(String name, String module, String database, String portVariable, int defaultPort) {

        public boolean isGateway() {
            return name.equals("gateway");
        }
    }

    public static SuiteSettings fromEnvironment(Path root) {
        Map<String, String> env = System.getenv();
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        APPS.forEach(app -> ports.put(app.name(), intValue(env, app.portVariable(), app.defaultPort())));
        Path runDir = env.containsKey("HITECH_RUN_DIR") ? Path.of(env.get("HITECH_RUN_DIR")) : root.resolve(".run");
        return new SuiteSettings(root.toAbsolutePath(), runDir.toAbsolutePath(),
                intValue(env, "HITECH_PG_PORT", 55432), intValue(env, "HITECH_KAFKA_PORT", 59092),
                intValue(env, "HITECH_KAFKA_CONTROLLER_PORT", 59093), ports,
                env.getOrDefault("HITECH_JAVA_OPTS", "-Xms64m -Xmx512m -XX:+UseSerialGC"),
                !"false".equalsIgnoreCase(env.getOrDefault("HITECH_DEMO_DATA", "true")));
    }

    public int port(App app) {
        return appPorts.get(app.name());
    }

    public String gatewayUrl() {
        return "http://localhost:" + appPorts.get("gateway");
    }

    public Path logs() {
        return runDir.resolve("logs");
    }

    public PostgresServer postgres() {
        return new PostgresServer(runDir.resolve("postgres"), postgresPort, "postgres", true);
    }

    public KafkaBroker kafka() {
        return new KafkaBroker(runDir.resolve("kafka"), kafkaPort, kafkaControllerPort);
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InfraException(name + " must be a port number, not '" + value + "'");
        }
    }
}
