package cn.hitech.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A demo account signed in through the gateway ({@code POST /api/auth/login}). An access token lives 15 minutes, a
 * benchmark may run longer: {@link #bearer()} signs in anew a minute before the token runs out, and {@link #renew}
 * does so at once after a 401. Safe for the benchmark's concurrent clients.
 */
final class GatewaySession {

    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final HttpClient http;
    private final String gateway;
    private final String username;
    private final String password;
    private String token;
    private long renewAt;

    private GatewaySession(HttpClient http, String gateway, String username, String password) {
        this.http = http;
        this.gateway = gateway;
        this.username = username;
        this.password = password;
    }

    static GatewaySession signIn(HttpClient http, String gateway, String username, String password) {
        GatewaySession session = new GatewaySession(http, gateway, username, password);
        session.login();
        return session;
    }

    /** The {@code Authorization} header value, fresh for at least another minute. */
    synchronized String bearer() {
        if (System.nanoTime() - renewAt >= 0) {
            login();
        }
        return "Bearer " + token;
    }

    /** After a 401 answered to {@code refused}: signs in anew, unless another client has done so since. */
    synchronized String renew(String refused) {
        if (refused.equals("Bearer " + token)) {
            login();
        }
        return "Bearer " + token;
    }

    private void login() {
        String credentials = Json.write(Json.object().put("username", username).put("password", password));
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/login")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(credentials, StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BenchmarkFailed("cannot sign in as " + username + " at " + gateway + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailed("interrupted while signing in as " + username);
        }
        JsonNode body = answer.statusCode() == 200 ? Json.read(answer.body()) : null;
        if (body == null || !body.path("accessToken").isTextual()) {
            throw new BenchmarkFailed("cannot sign in as " + username + " (" + answer.statusCode() + "): " + answer.body()
                    + " — the benchmark suite runs with the demo accounts on");
        }
        token = body.path("accessToken").asText();
        long lifetime = Math.max(body.path("expiresIn").asLong(900), MARGIN.toSeconds() * 2);
        renewAt = System.nanoTime() + Duration.ofSeconds(lifetime).minus(MARGIN).toNanos();
    }
}
