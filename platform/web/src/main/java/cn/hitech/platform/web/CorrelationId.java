package cn.hitech.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;

/**
 * Gives every request a correlation id: the caller's {@code X-Correlation-Id} when it sends a sane one (the gateway
 * always does), else a new one. The id is put back on the request (so everything downstream reads one header), into
 * the log context ({@code correlationId}), and onto the response.
 */
@Singleton
public class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** Runs before authentication and the REST layer, so even a rejected request is traceable. */
    private static final int PRIORITY = 1000;
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = accept(rc.request().getHeader(HEADER));
            rc.request().headers().set(HEADER, id);
            rc.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            rc.addEndHandler(done -> MDC.remove(MDC_KEY));
            rc.next();
        }, PRIORITY);
    }

    /** The caller's id when it is a plain token of reasonable length; anything else is replaced, never logged as is. */
    public static String accept(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    public static String of(HttpServerRequest request) {
        String id = request.getHeader(HEADER);
        return id != null ? id : "none";
    }
}
