package cn.hitech.servicedesk.approval.report;

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
 * 一件事压减率报表: measured from the applications' own timings, as JSON, or CSV / XLSX by {@code Accept} or
 * {@code ?format=csv|xlsx} (the platform's table writers).
 */
@Path("/api/approvals/reports")
@Produces({MediaType.APPLICATION_JSON, Tabular.CSV, Tabular.XLSX})
@RolesAllowed({Roles.MANAGER, Roles.STAFF, Roles.ADMIN})
@Tag(name = "一件事统计", description = "实测环节、时限、材料、跑动次数压减率；JSON、CSV 或 XLSX")
public class ReductionsResource {

    private final ReductionsService reductions;

    ReductionsResource(ReductionsService reductions) {
        this.reductions = reductions;
    }

    @GET
    @Path("/reductions")
    @Operation(summary = "一件事实测压减率", description = "One row per thing of the catalogue (by code) and a total row (thing ALL). "
            + ReductionsApi.FORMULAS)
    public ReductionsApi.Report reductions(
            @QueryParam("from") @Parameter(description = "起始日期（办结日期，含），yyyy-MM-dd", required = true, example = "2026-01-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "截止日期（含），yyyy-MM-dd", required = true, example = "2026-03-31") LocalDate to,
            @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format) {
        return reductions.reductions(from, to);
    }
}
