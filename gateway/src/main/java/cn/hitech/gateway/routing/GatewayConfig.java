package cn.hitech.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** The gateway's routing table and time limits ({@code gateway.*}). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Backend services by name, e.g. {@code project-service}. */
    Map<String, Service> services();

    /** How long a service may take to start answering before the caller gets 504. */
    @WithName("response-timeout")
    Duration responseTimeout();

    /** How long to try to connect before the caller gets 503. */
    @WithName("connect-timeout")
    Duration connectTimeout();

    /** Requests per account and per client address; over the limit a caller gets 429 with Retry-After. */
    @WithName("rate-limit")
    RateLimit rateLimit();

    interface RateLimit {

        @io.smallrye.config.WithDefault("true")
        boolean enabled();

        Limit account();

        Limit address();
    }

    interface Limit {

        /** Sustained rate. */
        @WithName("per-second")
        double perSecond();

        /** Short bursts above the rate. */
        int burst();
    }

    interface Service {

        /** Base URL, e.g. {@code http://127.0.0.1:8081}. */
        URI url();

        /** Public path prefixes this service answers, e.g. {@code /api/tickets}. */
        List<String> paths();
    }
}
