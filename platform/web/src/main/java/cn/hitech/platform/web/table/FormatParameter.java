package cn.hitech.platform.web.table;

import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import cn.hitech.platform.web.ProblemException;

/**
 * {@code ?format=csv} or {@code ?format=xlsx} on any request stands for the matching {@code Accept} header, so a
 * report can be downloaded from a plain link.
 */
public class FormatParameter {

    @ServerRequestFilter(preMatching = true)
    public void acceptFromFormat(ResteasyReactiveContainerRequestContext request) {
        String format = request.getUriInfo().getQueryParameters().getFirst("format");
        if (format == null) {
            return;
        }
        String accept = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> Tabular.CSV;
            case "xlsx", "excel" -> Tabular.XLSX;
            case "json" -> "application/json";
            default -> throw ProblemException.invalidField("format", "可选 json、csv、xlsx");
        };
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept);
    }
}
