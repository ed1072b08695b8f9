package cn.hitech.gateway.routing;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import cn.hitech.platform.web.CorrelationId;
import cn.hitech.platform.web.Problem;

/**
 * Streams each public request to the service that owns its path and the answer back, without holding whole bodies
 * in memory. Adds the correlation id and the {@code X-Forwarded-*} headers; a service that cannot be reached is a 503
 * problem with {@code Retry-After} (it is down or restarting: the caller should come back, as when a service's database
 * is away), one that does not answer in time a 504 problem.
 */
@ApplicationScoped
public class ReverseProxy {

    private static final Logger LOG = Logger.getLogger(ReverseProxy.class);
    /** Runs before the gateway's own REST endpoints and static handlers. */
    private static final int ROUTE_ORDER = -100;
    /** A restarted service is ready in about 10 s on a small machine; the client's first retry comes a little before. */
    private static final String RETRY_AFTER_SECONDS = "5";
    /** Connection-level headers (RFC 9110 §7.6.1) belong to one hop and are never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final GatewayConfig config;
    private final ObjectMapper json;
    private HttpClient client;

    ReverseProxy(GatewayConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void routes(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(100)
                .setDecompressionSupported(false));
        config.services().forEach((name, service) -> {
            for (String prefix : service.paths()) {
                router.route(prefix).order(ROUTE_ORDER).handler(rc -> forward(rc, name, service.url()));
                router.route(prefix + "/*").order(ROUTE_ORDER).handler(rc -> forward(rc, name, service.url()));
            }
        });
    }

    private void forward(RoutingContext rc, String serviceName, URI target) {
        HttpServerRequest in = rc.request();
        in.pause();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(target.getHost())
                .setPort(target.getPort())
                .setURI(in.uri())
                .setIdleTimeout(config.responseTimeout().toMillis());
        client.request(options)
                .onFailure(error -> fail(rc, serviceName, error))
                .onSuccess(out -> {
                    copyRequestHeaders(in, out);
                    out.send(in)
                            .onSuccess(answer -> relay(rc, answer))
                            .onFailure(error -> fail(rc, serviceName, error));
                });
    }

    private static void copyRequestHeaders(HttpServerRequest in, HttpClientRequest out) {
        MultiMap headers = out.headers();
        in.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        String chunked = in.getHeader("Transfer-Encoding");
        if (chunked != null && chunked.toLowerCase(Locale.ROOT).contains("chunked")) {
            out.setChunked(true);
        }
        String host = in.authority() != null ? in.authority().toString() : in.getHeader("Host");
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        headers.set("X-Forwarded-Proto", in.scheme());
        String client = in.remoteAddress() == null ? null : in.remoteAddress().hostAddress();
        if (client != null) {
            String earlier = in.getHeader("X-Forwarded-For");
            headers.set("X-Forwarded-For", earlier == null ? client : earlier + ", " + client);
        }
    }

    private static void relay(RoutingContext rc, HttpClientResponse answer) {
        HttpServerResponse response = rc.response();
        response.setStatusCode(answer.statusCode());
        // set, not add: the service's answer replaces what the gateway put there (its correlation id is the same one).
        answer.headers().names().forEach(name -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                response.headers().set(name, answer.headers().getAll(name));
            }
        });
        if (answer.getHeader("Content-Length") == null) {
            response.setChunked(true);
        }
        response.send(answer);
    }

    private void fail(RoutingContext rc, String serviceName, Throwable error) {
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            // The answer had begun: the client sees a cut-off body, as it would from the service itself.
            LOG.warnf("%s broke off an answer on %s: %s", serviceName, rc.request().path(), error.toString());
            response.reset();
            return;
        }
        boolean timedOut = isTimeout(error);
        int status = timedOut ? 504 : 503;
        String detail = timedOut
                ? serviceName + " did not answer within " + config.responseTimeout().toSeconds() + " s"
                : serviceName + " is not reachable: " + error.getMessage();
        LOG.warnf("%s %s → %d (%s)", rc.request().method(), rc.request().path(), status, detail);
        // A body already sent on to the service is read to its end: resuming it then throws, and the caller would hang.
        if (!rc.request().isEnded()) {
            rc.request().resume();
        }
        Problem problem = Problem.of(status, timedOut ? "SERVICE_TIMEOUT" : "SERVICE_UNAVAILABLE", detail, rc.request().path(),
                rc.request().getHeader(CorrelationId.HEADER));
        try {
            if (!timedOut) {
                response.putHeader("Retry-After", RETRY_AFTER_SECONDS);
            }
            response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            response.setStatusCode(status).end();
        }
    }

    private static boolean isTimeout(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
