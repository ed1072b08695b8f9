package cn.hitech.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import cn.hitech.platform.infra.FreePort;

/**
 * HTTP servers standing in for the services, so the gateway's own behaviour can be checked exactly: one echoes what
 * it receives (and can answer slowly or with a large body), one publishes a clashing OpenAPI schema, and the service
 * desk's address has nobody listening.
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {

    private static final java.util.concurrent.ScheduledExecutorService SLOW =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "stand-in-slow");
                thread.setDaemon(true);
                return thread;
            });

    private final List<HttpServer> servers = new java.util.ArrayList<>();

    @Override
    public Map<String, String> start() {
        HttpServer projects = server(exchange -> {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/q/health/ready" -> respond(exchange, 200, "application/json", "{\"status\":\"UP\"}");
                case "/q/openapi" -> respond(exchange, 200, "application/json", openApi("/api/projects", "项目"));
                // Answers after 3 s, as a slow service would: past the gateway's 2 s response timeout.
                case "/api/projects/slow" -> answerLater(exchange, java.time.Duration.ofSeconds(3));
                case "/api/projects/big" -> streamBytes(exchange, Integer.parseInt(exchange.getRequestURI().getQuery().substring(6)));
                default -> echo(exchange);
            }
        });
        HttpServer enterprises = server(exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/q/health/ready" -> respond(exchange, 200, "application/json", "{\"status\":\"UP\"}");
                case "/q/openapi" -> respond(exchange, 200, "application/json", openApi("/api/enterprises", "企业"));
                default -> respond(exchange, 201, "application/json", "{\"created\":true}");
            }
        });
        return Map.of(
                "gateway.services.project-service.url", "http://127.0.0.1:" + projects.getAddress().getPort(),
                "gateway.services.enterprise-service.url", "http://127.0.0.1:" + enterprises.getAddress().getPort(),
                "gateway.services.service-desk-service.url", "http://127.0.0.1:" + FreePort.find(),
                // 2 s: long enough that a pause of the loaded 2-core CI machine does not cut the 24 MB stream, short of slow's 3 s.
                "gateway.response-timeout", "2s");
    }

    @Override
    public void stop() {
        servers.forEach(s -> s.stop(0));
    }

    /** A document with one owned path, one path the gateway does not route, and a schema "Thing" that differs per service. */
    private static String openApi(String prefix, String thingTitle) {
        return """
                {"openapi": "3.1.0", "info": {"title": "stand-in", "version": "1"},
                 "paths": {"%1$s": {"get": {"responses": {"200": {"content": {"application/json":
                              {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}},
                           "/internal/hidden": {"get": {"responses": {"200": {"description": "not public"}}}}},
                 "components": {"schemas": {"Thing": {"type": "object", "title": "%2$s"},
                                            "Problem": {"type": "object", "title": "problem"}}},
                 "tags": [{"name": "%2$s"}]}
                """.formatted(prefix, thingTitle);
    }

    /** Answers with what arrived: method, path, query, the headers the gateway adds, and the body's size and digest. */
    private static void echo(HttpExchange exchange) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
                size += n;
            }
        }
        String json = """
                {"method": "%s", "path": "%s", "query": "%s", "correlationId": "%s", "forwardedHost": "%s",
                 "forwardedFor": "%s", "contentType": "%s", "bodySize": %d, "bodySha256": "%s"}
                """.formatted(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("X-Correlation-Id"), exchange.getRequestHeaders().getFirst("X-Forwarded-Host"),
                exchange.getRequestHeaders().getFirst("X-Forwarded-For"), exchange.getRequestHeaders().getFirst("Content-Type"), size,
                HexFormat.of().formatHex(sha.digest()));
        exchange.getResponseHeaders().add("X-Stand-In", "projects");
        // as every service does (platform-web's CorrelationId): the id comes back on the answer
        exchange.getResponseHeaders().add("X-Correlation-Id", exchange.getRequestHeaders().getFirst("X-Correlation-Id"));
        respond(exchange, 200, "application/json", json);
    }

    /** A body of {@code size} bytes, pseudo-random but reproducible, sent chunked. */
    private static void streamBytes(HttpExchange exchange, int size) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            java.util.Random random = new java.util.Random(42);
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent < size; sent += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, Math.min(chunk.length, size - sent));
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void answerLater(HttpExchange exchange, java.time.Duration delay) throws IOException {
        try {
            SLOW.schedule(() -> {
                respond(exchange, 200, "application/json", "{}");
                return null;
            }, delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpServer server(Handler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.createContext("/", exchange -> {
                try {
                    handler.handle(exchange);
                } finally {
                    exchange.close();
                }
            });
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            servers.add(server);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
