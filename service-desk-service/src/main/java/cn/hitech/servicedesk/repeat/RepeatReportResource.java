package cn.hitech.servicedesk.repeat;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.Roles;
import cn.hitech.platform.web.table.Tabular;
import cn.hitech.servicedesk.report.ReportPeriod;

@Path("/api/tickets/reports/repeats")
@Produces({MediaType.APPLICATION_JSON, Tabular.CSV, Tabular.XLSX})
@RolesAllowed({Roles.MANAGER, Roles.STAFF, Roles.ADMIN})
@Tag(name = "工单统计")
public class RepeatReportResource {

    private final RepeatReportService reports;

    RepeatReportResource(RepeatReportService reports) {
        this.reports = reports;
    }

    /** A page of the JSON answer: enough for a screen; the export takes more at once. */
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    /** CSV and XLSX leave in one file: up to this many clusters, largest first. */
    static final int EXPORT_LIMIT = 10_000;

    @GET
    @Operation(summary = "重复诉求簇", description = "The repeats (重复诉求) registered in the period (dates in Asia/Shanghai, both "
            + "included), grouped by the first ticket they repeat: its enterprise and topic, how many repeats and of which kind "
            + "(SAME_TOPIC: same enterprise and topic within 30 days, counted in 重复诉求率; SIMILAR_TEXT: alike wording of an "
            + "open ticket), most repeated first, of equal size the most recently repeated first. A page at a time: "
            + "`limit` clusters (JSON: default " + DEFAULT_LIMIT + ", at most " + MAX_LIMIT + ") from `offset` (default 0); "
            + "`totalClusters`, `tickets` and `repeats` are those of the whole period. CSV or XLSX (Accept or ?format=) "
            + "export the largest clusters up to " + EXPORT_LIMIT + " (the default and the most for an export); a period "
            + "with more is exported in pages with `offset`.")
    public RepeatApi.ClusterReport clusters(
            @QueryParam("from") @Parameter(description = "起始日期（含），yyyy-MM-dd", required = true, example = "2026-03-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "截止日期（含），yyyy-MM-dd", required = true, example = "2026-03-31") LocalDate to,
            @QueryParam("offset") @Parameter(description = "跳过的簇数，默认 0") Integer offset,
            @QueryParam("limit") @Parameter(description = "本页最多簇数：JSON 默认 " + DEFAULT_LIMIT + "、最多 " + MAX_LIMIT
                    + "；CSV/XLSX 默认且最多 " + EXPORT_LIMIT) Integer limit,
            @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format,
            @Context HttpHeaders headers) {
        boolean export = headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.valueOf(Tabular.CSV)) && !t.isWildcardType()
                        || t.isCompatible(MediaType.valueOf(Tabular.XLSX)) && !t.isWildcardType());
        int most = export ? EXPORT_LIMIT : MAX_LIMIT;
        int page = limit == null ? (export ? EXPORT_LIMIT : DEFAULT_LIMIT) : limit;
        if (page < 1 || page > most) {
            throw ProblemException.invalidField("limit", "每页簇数须在 1 至 " + most + " 之间" + (export ? "（导出）" : ""));
        }
        if (offset != null && offset < 0) {
            throw ProblemException.invalidField("offset", "跳过的簇数不能为负数");
        }
        ReportPeriod period = reports.period(from, to);
        return reports.clusters(period, offset == null ? 0 : offset, page);
    }
}
