package cn.hitech.systemtest;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.RestAssured;

import cn.hitech.platform.infra.FreePort;
import cn.hitech.platform.infra.LocalSuite;
import cn.hitech.platform.infra.SuiteSettings;

/**
 * The packaged suite for a system test, started as {@code deploy/run.sh} starts it (its own PostgreSQL cluster and Kafka
 * broker, four app JVMs, the demo data) on free ports under {@code target/}; RestAssured then talks to its gateway.
 */
final class PackagedSuite {

    /** Small and quick to start on a 2-core machine; a test adds its own options (e.g. a moved clock). */
    private static final String JAVA_OPTIONS = "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private static SuiteSettings shared;

    private PackagedSuite() {
    }

    /**
     * One suite on real time with the demo data, for every test class that needs no moved clock (the cross-service
     * loops, the console's journeys): started by the first that asks, stopped and removed when the test JVM exits, so
     * the run pays for one start, not one per class. RestAssured is pointed at it on every call.
     */
    static synchronized SuiteSettings shared() {
        if (shared == null) {
            SuiteSettings settings = settings("");
            LocalSuite suite = start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    suite.down();
                } finally {
                    suite.clean();
                }
            }, "shared-suite-down"));
            shared = settings;
        }
        RestAssured.baseURI = shared.gatewayUrl();
        RestAssured.port = shared.appPorts().get("gateway");
        return shared;
    }

    /**
     * The gateway the console's journeys run against: a running suite named by {@code -Dconsole.gateway} (for working
     * on the pages), else the {@link #shared()} one. RestAssured is pointed at it too.
     */
    static String consoleGateway() {
        String running = System.getProperty("console.gateway");
        if (running == null || running.isBlank()) {
            return shared().gatewayUrl();
        }
        RestAssured.baseURI = running;
        return running;
    }

    /** Starts it and waits until every app is ready. */
    static LocalSuite start(SuiteSettings settings) {
        LocalSuite suite = new LocalSuite(settings);
        suite.up();
        RestAssured.baseURI = settings.gatewayUrl();
        RestAssured.port = settings.appPorts().get("gateway");
        return suite;
    }

    /**
     * The settings of a fresh suite: the project root from {@code -Dhitech.root}, free ports, a new run folder;
     * {@code moreOptions} go to every app JVM after ours.
     */
    static SuiteSettings settings(String moreOptions) {
        Path root = Path.of(System.getProperty("hitech.root", "../..")).toAbsolutePath().normalize();
        Map<String, Integer> ports = new LinkedHashMap<>();
        SuiteSettings.APPS.forEach(app -> ports.put(app.name(), FreePort.find()));
        return new SuiteSettings(root, Path.of("target", "suite-" + UUID.randomUUID()).toAbsolutePath(), FreePort.find(),
                FreePort.find(), FreePort.find(), ports, (JAVA_OPTIONS + " " + moreOptions).strip(), true);
    }

    /** Signs in at the gateway; the access token. */
    static String login(String username, String password) {
        return given().contentType("application/json")
                .body("{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}")
                .when().post("/api/auth/login").then().statusCode(200).extract().path("accessToken");
    }
}
