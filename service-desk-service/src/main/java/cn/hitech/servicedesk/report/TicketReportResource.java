package cn.hitech.servicedesk.report;

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

    TicketReportResource(DepartmentMetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @Path("/departments")
    @Operation(summary = "承办单位指标（三率）", description = "One row per department, by code: the moves of the period (dates in "
            + "Asia/Shanghai, both included) counted from the move history, and 按时签收率, 按时办结率, 响应率, 解决率, 满意率, 退单率, "
            + "重办率, 一次办结率 as decimal fractions (4 decimals; null when the denominator is 0). Each formula is in the "
            + "DepartmentMetrics schema.")
    public DepartmentMetricsApi.Report departments(
            @QueryParam("from") @Parameter(description = "起始日期（含），yyyy-MM-dd", required = true, example = "2026-03-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "截止日期（含），yyyy-MM-dd", required = true, example = "2026-03-31") LocalDate to,
            @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format) {
        return metrics.departments(metrics.period(from, to));
    }
}
