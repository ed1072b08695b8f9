package cn.hitech.enterprise.grid;

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

@Path("/api/enterprises/reports/commissioner-load")
@Produces({MediaType.APPLICATION_JSON, Tabular.CSV, Tabular.XLSX})
@RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
@Tag(name = "服务专员", description = "The commissioner team, automatic assignment with load balancing, leaving")
public class CommissionerLoadResource {

    private final LoadReportService reports;

    CommissionerLoadResource(LoadReportService reports) {
        this.reports = reports;
    }

    @GET
    @Operation(summary = "服务专员负荷", description = "Per active commissioner: enterprises held, cap and utilisation, over-cap and "
            + "idle ones flagged; per grid, street and park: commissioners, capacity, served and unserved enterprises. JSON, or "
            + "CSV / XLSX (the commissioner rows) by Accept or ?format=csv|xlsx.")
    public LoadReportApi.CommissionerLoadReport report(@QueryParam("grid") @Parameter(description = "网格、街道或园区编码；不填为全区") String grid,
            @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format) {
        return reports.report(grid == null || grid.isBlank() ? null : grid.strip());
    }
}
