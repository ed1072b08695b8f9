package cn.hitech.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Calls through the gateway as a signed-in account: JSON in, the answer as text; a 401 is retried once with a new token. */
final class GatewayCalls {

    private final HttpClient http;
    private final String gateway;

    GatewayCalls(HttpClient http, String gateway) {
        this.http = http;
        this.gateway = gateway;
    }

    HttpRequest.Builder request(String bearer, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(300))
                .header("Authorization", bearer);
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    /** A call that is sent again once after a 401 (the token ran out), with a fresh token. */
    HttpResponse<String> send(GatewaySession session, String method, String path, String body) {
        String bearer = session.bearer();
        HttpResponse<String> answer = exchange(request(bearer, method, path, body).build());
        if (answer.statusCode() == 401) {
            answer = exchange(request(session.renew(bearer), method, path, body).build());
        }
        return answer;
    }

    HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BenchmarkFailed(request.method() + " " + request.uri() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailed("interrupted");
        }
    }
}
