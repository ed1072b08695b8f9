package cn.hitech.gateway.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;

import cn.hitech.gateway.routing.GatewayConfig;

/**
 * The state of every service behind the gateway, at {@code /q/health/group/services}: asks each one's
 * {@code /q/health/ready}, all at once, and reports them as data of one check, DOWN when any is. Deliberately not a
 * readiness (nor liveness or wellness) check: the gateway's own readiness is its database only, so one service being
 * down answers 503 on its paths while the gateway stays in rotation for all the others.
 */
@HealthGroup(ServicesHealthCheck.GROUP)
@ApplicationScoped
public class ServicesHealthCheck implements HealthCheck {

    public static final String GROUP = "services";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final GatewayConfig config;
    private final HttpClient http;

    ServicesHealthCheck(GatewayConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, CompletableFuture<String>> asked = new java.util.TreeMap<>();
        config.services().forEach((name, service) -> asked.put(name, state(service.url())));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("services").up();
        asked.forEach((name, state) -> {
            String answer = state.join();
            response.withData(name, answer);
            if (!answer.equals("UP")) {
                response.down();
            }
        });
        return response.build();
    }

    private CompletableFuture<String> state(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(TIMEOUT).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200 ? "UP" : "DOWN (HTTP " + r.statusCode() + ")")
                .exceptionally(e -> "DOWN (" + describe(e) + ")");
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
