package cn.hitech.gateway.openapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import cn.hitech.gateway.routing.GatewayConfig;

/**
 * {@code GET /q/openapi}: one OpenAPI document for the whole public API, made from the documents of the services
 * (as the gateway exposes their paths) and the gateway's own. Built on each request, so it is never stale; a service
 * that is down is named in the description and left out until it is back.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String GATEWAY = "gateway";

    private final GatewayConfig config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    MergedOpenApi(GatewayConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void route(@Observes Router router) {
        router.get("/q/openapi").order(-100).blockingHandler(this::serve);
    }

    private void serve(RoutingContext rc) {
        Map<String, URI> sources = new TreeMap<>();
        config.services().forEach((name, service) -> sources.put(name, service.url().resolve("/q/openapi?format=json")));
        sources.put(GATEWAY, URI.create("http://127.0.0.1:" + rc.request().localAddress().port() + "/q/openapi-gateway?format=json"));

        Map<String, CompletableFuture<ObjectNode>> fetched = new TreeMap<>();
        sources.forEach((name, uri) -> fetched.put(name, fetch(uri)));

        List<String> unavailable = new ArrayList<>();
        Map<String, ObjectNode> documents = new TreeMap<>();
        fetched.forEach((name, document) -> {
            try {
                documents.put(name, document.join());
            } catch (RuntimeException e) {
                LOG.warnf("OpenAPI of %s not available: %s", name, e.getMessage());
                unavailable.add(name);
            }
        });

        String description = "济宁高新区重大项目与企业服务平台的全部对外接口：重大项目、企业服务、8951234 工单与一件事一次办。"
                + (unavailable.isEmpty() ? "" : " 暂不可用的服务（其接口未列出）：" + String.join("、", unavailable) + "。");
        OpenApiMerger merger = new OpenApiMerger("高新区项目与企业服务平台 API", "1.0.0", description);
        documents.forEach((name, document) -> merger.add(name, document,
                name.equals(GATEWAY) ? List.of() : config.services().get(name).paths()));
        ObjectNode result = merger.result();
        if (!unavailable.isEmpty()) {
            result.putArray("x-unavailable-services").addAll(unavailable.stream().map(result::textNode).toList());
        }
        rc.response().putHeader("Content-Type", "application/json;charset=UTF-8").end(result.toString());
    }

    private CompletableFuture<ObjectNode> fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " from " + uri);
            }
            try {
                return (ObjectNode) json.readTree(response.body());
            } catch (Exception e) {
                throw new IllegalStateException("unreadable OpenAPI document from " + uri, e);
            }
        });
    }
}
