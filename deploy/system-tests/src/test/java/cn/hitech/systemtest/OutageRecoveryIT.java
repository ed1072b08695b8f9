package cn.hitech.systemtest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hitech.platform.infra.LocalSuite;
import cn.hitech.platform.infra.SuiteSettings;
import cn.hitech.platform.testkit.TestData;

/**
 * Faults of the infrastructure, on a packaged suite of its own (its own PostgreSQL and Kafka, which it crashes and
 * restarts; the shared suites of the other tests are never touched):
 * <ul>
 * <li>PostgreSQL crashes: every service, directly and through the gateway, answers 503 {@code DATABASE_UNAVAILABLE}
 * with {@code Retry-After} within 2 s, and serves again within 10 s of the database's return, by itself;</li>
 * <li>the service desk is killed (SIGKILL) while enterprises are registered: once restarted, its consumers take their
 * partitions back at once (static group membership) and have applied every event within 10 s of being ready.</li>
 * </ul>
 * Each prints its figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageRecoveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(2);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);
    private static final String SERVICE_DESK = "service-desk-service";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private SuiteSettings settings;
    private LocalSuite suite;
    private String staffToken;

    @BeforeAll
    void up() {
        settings = PackagedSuite.settings("");
        suite = PackagedSuite.start(settings);
        staffToken = PackagedSuite.login("staff", "Staff@2026");
    }

    @AfterAll
    void down() {
        if (suite != null) {
            try {
                suite.down();
            } finally {
                suite.clean();
            }
        }
    }

    @Test
    @Order(1)
    void whilePostgresIsAwayCallersGetA503AtOnceAndTheSuiteRecoversByItself() {
        Map<String, URI> reads = reads();
        reads.forEach((what, uri) -> assertEquals(200, get(uri).status(), what + " answers before the crash"));

        settings.postgres().crash();
        long longest = 0;
        // Three rounds: the first meets the pooled connections the crash broke, the later ones new connections refused.
        for (int round = 0; round < 3; round++) {
            for (Map.Entry<String, URI> read : reads.entrySet()) {
                Answer answer = get(read.getValue());
                assertUnavailable(read.getKey(), answer);
                longest = Math.max(longest, answer.millis());
            }
        }
        Answer login = login();
        assertUnavailable("gateway sign-in", login);
        Answer register = post(URI.create(settings.gatewayUrl() + "/api/enterprises"), registration(TestData.creditCode()));
        assertUnavailable("enterprise registration", register);
        longest = Math.max(longest, Math.max(login.millis(), register.millis()));

        settings.postgres().start();
        long back = System.nanoTime();
        await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofMillis(250)).until(() -> reads.values().stream()
                .allMatch(uri -> get(uri).status() == 200) && login().status() == 200);
        double recovered = (System.nanoTime() - back) / 1e9;
        System.out.printf("%nPostgreSQL crashed: %d reads, a sign-in and a registration answered 503 DATABASE_UNAVAILABLE with "
                + "Retry-After, the slowest in %d ms (limit %d ms); everything answered again %.1f s after its restart (limit %d s)%n",
                reads.size() * 3, longest, ANSWER_LIMIT.toMillis(), recovered, RECOVERY_LIMIT.toSeconds());
    }

    @Test
    @Order(2)
    void aKilledConsumerCatchesUpWithinTenSecondsOfItsRestart() throws Exception {
        String enterprises = "http://127.0.0.1:" + settings.appPorts().get("enterprise-service") + "/api/enterprises";
        List<String> registered = new CopyOnWriteArrayList<>();
        List<String> refused = new CopyOnWriteArrayList<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        // A steady 20 registrations a second, straight to the enterprise service (the gateway's per-account limit is 20/s).
        Thread load = new Thread(() -> {
            long next = System.nanoTime();
            while (loading.get()) {
                String code = TestData.creditCode();
                Answer answer = post(URI.create(enterprises), registration(code));
                (answer.status() == 201 ? registered : refused).add(code + " " + answer.status());
                next += 50_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000L);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "registrations");
        load.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> registered.size() >= 60);
        assertTrue(suite.killApp(SERVICE_DESK), "the service desk was running");
        int atKill = registered.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> registered.size() >= atKill + 100);
        loading.set(false);
        load.join(10_000);
        assertEquals(List.of(), refused, "every registration succeeds while the service desk is down");

        long restart = System.nanoTime();
        suite.startApp(SERVICE_DESK);
        Instant ready = Instant.now();
        double startSeconds = (System.nanoTime() - restart) / 1e9;
        List<String> codes = registered.stream().map(entry -> entry.substring(0, entry.indexOf(' '))).toList();
        List<Instant> applied = new ArrayList<>();
        // Straight to the service desk: a poll of every code through the gateway would meet its per-account rate limit.
        String directory = "http://127.0.0.1:" + settings.appPorts().get(SERVICE_DESK) + "/api/tickets/enterprise-directory/";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            applied.clear();
            for (String code : codes) {
                Answer entry = get(URI.create(directory + code));
                if (entry.status() != 200) {
                    return false;
                }
                applied.add(Instant.parse(entry.json().path("appliedAt").asText()));
            }
            return true;
        });
        Instant caughtUp = applied.stream().max(Instant::compareTo).orElseThrow();
        double catchUp = Math.max(0, Duration.between(ready, caughtUp).toMillis()) / 1e3;
        System.out.printf("%nservice desk killed (SIGKILL) under 20 registrations/s: %d events sent (%d while it was down), %d "
                + "applied, 0 lost; restarted and ready in %.1f s, caught up %.1f s after ready (limit %d s), %.1f s after the "
                + "restart began%n", codes.size(), codes.size() - atKill, applied.size(), startSeconds, catchUp,
                RECOVERY_LIMIT.toSeconds(), startSeconds + catchUp);
        assertEquals(codes.size(), applied.size(), "every registered enterprise reached the service desk's directory");
        assertTrue(catchUp < RECOVERY_LIMIT.toSeconds(), "caught up " + catchUp + " s after ready");
    }

    private Map<String, URI> reads() {
        Map<String, URI> reads = new LinkedHashMap<>();
        for (String service : List.of("project-service", "enterprise-service", SERVICE_DESK)) {
            String path = switch (service) {
                case "project-service" -> "/api/projects";
                case "enterprise-service" -> "/api/enterprises";
                default -> "/api/tickets";
            };
            reads.put(service + " " + path, URI.create("http://127.0.0.1:" + settings.appPorts().get(service) + path));
            reads.put("gateway " + path, URI.create(settings.gatewayUrl() + path));
        }
        return reads;
    }

    private static void assertUnavailable(String what, Answer answer) {
        assertEquals(503, answer.status(), what + ": " + answer.body());
        assertEquals("DATABASE_UNAVAILABLE", answer.json().path("code").asText(), what + ": " + answer.body());
        assertTrue(answer.contentType().startsWith("application/problem+json"), what + ": " + answer.contentType());
        assertTrue(answer.retryAfter() != null && Integer.parseInt(answer.retryAfter()) > 0, what + " says when to retry");
        assertTrue(answer.millis() < ANSWER_LIMIT.toMillis(), what + " answered in " + answer.millis() + " ms");
    }

    private static String registration(String code) {
        return """
                {"creditCode": "%s", "name": "故障测试企业 %s", "grid": "故障网格", "commissioner": "故障专员"}""".formatted(code, code);
    }

    private Answer login() {
        return send(HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + "/api/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"staff\", \"password\": \"Staff@2026\"}")));
    }

    private Answer get(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + staffToken).GET());
    }

    private Answer post(URI uri, String body) {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + staffToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Sends with a 10 s limit, so a hang fails the test as a slow answer instead of stopping it. */
    private Answer send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return new Answer(-1, e.toString(), "", null, (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Answer(int status, String body, String contentType, String retryAfter, long millis) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }
    }
}
