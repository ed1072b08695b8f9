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

@Path("/api/tickets/reports/repeats")
@Produces({MediaType.APPLICATION_JSON, Tabular.CSV, Tabular.XLSX})
@RolesAllowed({Roles.MANAGER, Roles.STAFF, Roles.ADMIN})
@Tag(name = "工单统计")
public class RepeatReportResource {

    private final RepeatReportService reports;

    RepeatReportResource(RepeatReportService reports) {
        this.reports = reports;
    }

    @GET
    @Operation(summary = "重复诉求簇", description = "The repeats (重复诉求) registered in the period (dates in Asia/Shanghai, both "
            + "included), grouped by the first ticket they repeat: its enterprise and topic, how many repeats and of which kind "
            + "(SAME_TOPIC: same enterprise and topic within 30 days, counted in 重复诉求率; SIMILAR_TEXT: alike wording of an "
            + "open ticket), most repeated first. JSON, CSV or XLSX (Accept or ?format=).")
    public RepeatApi.ClusterReport clusters(
            @QueryParam("from") @Parameter(description = "起始日期（含），yyyy-MM-dd", required = true, example = "2026-03-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "截止日期（含），yyyy-MM-dd", required = true, example = "2026-03-31") LocalDate to,
            @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format) {
        return reports.clusters(reports.period(from, to));
    }
}
