package cn.hitech.enterprise.policy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.Roles;
import cn.hitech.platform.web.table.Tabular;

@Path("/api/enterprises/reports/policies")
@Produces({MediaType.APPLICATION_JSON, Tabular.CSV, Tabular.XLSX})
@Tag(name = "惠企政策")
public class PolicyReportResource {

    private final PolicyReports reports;

    PolicyReportResource(PolicyReports reports) {
        this.reports = reports;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "政策兑现报表", description = "Uptake by policy, industry (门类) and grid, amounts paid and working days to "
            + "payment; ?format=csv|xlsx for a table.")
    public PolicyReport report() {
        return reports.report();
    }
}
