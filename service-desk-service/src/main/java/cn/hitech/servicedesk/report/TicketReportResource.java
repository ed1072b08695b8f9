package cn.hitech.servicedesk.report;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.Roles;
import cn.hitech.platform.web.table.Tabular;

/**
 * Ticket reports for managers: JSON, or CSV / XLSX by {@code Accept} or {@code ?format=csv|xlsx} (the platform's table
 * writers), as the project reports answer.
 */
@Path("/api/tickets/reports")
@Produces({MediaType.APPLICATION_JSON, Tabular.CSV, Tabular.XLSX})
@RolesAllowed({Roles.MANAGER, Roles.STAFF, Roles.ADMIN})
@Tag(name = "工单统计", description = "承办单位三率等指标，由流转记录重新计算；JSON、CSV 或 XLSX")
public class TicketReportResource {

    private final DepartmentMetricsService metrics;
    private final DepartmentRanking ranking;

    TicketReportResource(DepartmentMetricsService metrics, DepartmentRanking ranking) {
        this.metrics = metrics;
        this.ranking = ranking;
    }

    @GET
    @Path("/departments")
    @Operation(summary = "承办单位指标（三率）", description = "One row per department, by code: the moves of the period (dates in "
            + "Asia/Shanghai, both included) counted from the move history, and 按时签收率, 按时办结率, 响应率, 解决率, 满意率, 退单率, "
            + "重办率, 一次办结率, 重复诉求率 as decimal fractions. " + DepartmentMetricsApi.FORMULAS)
    public DepartmentMetricsApi.Report departments(
            @QueryParam("from") @Parameter(description = "起始日期（含），yyyy-MM-dd", required = true, example = "2026-03-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "截止日期（含），yyyy-MM-dd", required = true, example = "2026-03-31") LocalDate to,
            @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format) {
        return metrics.departments(metrics.period(from, to));
    }

    @GET
    @Path("/ranking")
    @Operation(summary = "承办单位排名（可配置权重）", description = "score = Σ wᵢ × rᵢ / Σ wᵢ over the rates of the department that have a "
            + "denominator in the period (renormalised over the weights present, so a department without call-backs is scored "
            + "on the rest, not punished); 退单率 returns, 重办率 reopenings and 重复诉求率 repeats count as 1 − rate. 4 decimals, "
            + "half up. Rank 1..n from the highest score; equal scores share a rank and the next skips (1, 1, 3). Departments "
            + "without any moves in the period (or without any weighed rate) come last, by code, without rank or score. Weights "
            + "come from hitech.tickets.ranking.weights.<rate> — defaults satisfaction 0.30, onTimeResolution 0.25, solved "
            + "0.20, onTimeSigning 0.10, firstTimeResolution 0.05, returns 0.05, reopenings 0.05, response 0, repeats 0 — or "
            + "from ?weights=rate:weight,… which replaces them for this request (rates not named weigh 0; a bad entry is a "
            + "400 naming it). The rates: " + DepartmentMetricsApi.FORMULAS)
    public RankingApi.Ranking ranking(
            @QueryParam("from") @Parameter(description = "起始日期（含），yyyy-MM-dd", required = true, example = "2026-03-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "截止日期（含），yyyy-MM-dd", required = true, example = "2026-03-31") LocalDate to,
            @QueryParam("weights") @Parameter(description = "本次排名的权重，如 satisfaction:0.5,onTimeResolution:0.5；比率名："
                    + "satisfaction, onTimeResolution, solved, onTimeSigning, firstTimeResolution, returns, reopenings, response, "
                    + "repeats", example = "satisfaction:0.5,onTimeResolution:0.5") String weights,
            @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format) {
        return ranking.rank(metrics.period(from, to), weights);
    }

    @GET
    @Path("/trend")
    @Operation(summary = "工单指标按月趋势", description = "One row per calendar month of the period (the first and last month cut to "
            + "it), each counted as a period of its own (一次办结 looks at the end of that month): for one department, or "
            + "without ?department= the sum over all departments. The same counts and rates as the department report. "
            + DepartmentMetricsApi.FORMULAS)
    public DepartmentMetricsApi.Trend trend(
            @QueryParam("from") @Parameter(description = "起始日期（含），yyyy-MM-dd", required = true, example = "2026-01-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "截止日期（含），yyyy-MM-dd", required = true, example = "2026-12-31") LocalDate to,
            @QueryParam("department") @Parameter(description = "承办单位代码；不填为全部单位之和", example = "POWER_SUPPLY") String department,
            @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format) {
        return metrics.trend(metrics.period(from, to), department == null || department.isBlank() ? null : department.strip());
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "由流转记录重算指标日汇总", description = "Replays the whole move history into the per-day sums the reports "
            + "read (after a changed counting rule, or a bulk load that bypassed the trigger); moves wait until it is done. "
            + "ADMIN only; audited.")
    public DepartmentMetricsApi.Rebuilt rebuild() {
        return metrics.rebuild();
    }
}
