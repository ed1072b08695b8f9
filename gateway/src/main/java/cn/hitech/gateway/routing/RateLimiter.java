package cn.hitech.gateway.routing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import cn.hitech.platform.web.CorrelationId;
import cn.hitech.platform.web.Problem;

/**
 * Token buckets per signed-in account (from a verified token) and per client address, in front of every {@code /api}
 * route. Over either limit the caller gets 429 problem+json with {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int ROUTE_ORDER = -200;
    private static final int MAX_TRACKED = 100_000;
    private static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final GatewayConfig.RateLimit config;
    private final JWTParser tokens;
    private final ObjectMapper json;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(GatewayConfig config, JWTParser tokens, ObjectMapper json) {
        this.config = config.rateLimit();
        this.tokens = tokens;
        this.json = json;
    }

    void route(@Observes Router router) {
        if (config.enabled()) {
            router.route("/api/*").order(ROUTE_ORDER).handler(this::check);
        }
    }

    private void check(RoutingContext rc) {
        long now = System.nanoTime();
        String address = rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
        long wait = take("address:" + address, config.address(), now);
        if (wait == 0) {
            wait = account(rc).map(subject -> take("account:" + subject, config.account(), now)).orElse(0L);
        }
        if (wait == 0) {
            rc.next();
            return;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + TimeUnit.SECONDS.toNanos(1) - 1));
        Problem problem = Problem.of(429, "RATE_LIMITED", "Too many requests; try again in " + retryAfter + " s",
                rc.request().path(), rc.request().getHeader(CorrelationId.HEADER));
        try {
            rc.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(retryAfter))
                    .putHeader("Content-Type", Problem.MEDIA_TYPE).end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(retryAfter)).end();
        }
    }

    /** The subject of a valid bearer token; a forged or expired one counts only against the address. */
    private Optional<String> account(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(tokens.parse(header.substring(7).trim()).getSubject());
        } catch (ParseException invalid) {
            return Optional.empty();
        }
    }

    /** Takes one token from the key's bucket: 0 when allowed, else nanoseconds until the next token. */
    private long take(String key, GatewayConfig.Limit limit, long now) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(b -> now - b.last > IDLE_NANOS);
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(limit.burst(), now)).take(limit.perSecond(), limit.burst(), now);
    }

    private static final class Bucket {

        private double tokens;
        private long last;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.last = now;
        }

        synchronized long take(double perSecond, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) ((1 - tokens) / perSecond * 1e9);
        }
    }
}
