package cn.hitech.servicedesk.repeat;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.Roles;
import cn.hitech.platform.web.table.Tabular;

@Path("/api/tickets/reports/topics")
@Produces({MediaType.APPLICATION_JSON, Tabular.CSV, Tabular.XLSX})
@RolesAllowed({Roles.MANAGER, Roles.STAFF, Roles.ADMIN})
@Tag(name = "工单统计")
public class TopicReportResource {

    private final RepeatReportService reports;

    TopicReportResource(RepeatReportService reports) {
        this.reports = reports;
    }

    @GET
    @Operation(summary = "热点诉求", description = "The tickets registered in the period (dates in Asia/Shanghai, both included) "
            + "counted per leaf topic and per level-1 topic, hottest first, each with how many were repeats (any kind) and "
            + "same-topic repeats; tickets without a topic are counted apart. Read from per-day sums per topic kept in the "
            + "transaction of each registration (equal to the direct count; POST /api/tickets/reports/rebuild replays them). "
            + "JSON, CSV or XLSX (Accept or ?format=).")
    public RepeatApi.TopicReport topics(
            @QueryParam("from") @Parameter(description = "起始日期（含），yyyy-MM-dd", required = true, example = "2026-03-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "截止日期（含），yyyy-MM-dd", required = true, example = "2026-03-31") LocalDate to,
            @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format) {
        return reports.hotTopics(reports.period(from, to));
    }
}
