package cn.hitech.enterprise.qualification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.Roles;
import cn.hitech.platform.web.table.Tabular;

/** Qualifications across enterprises: the list, expiry warnings and the counts (staff and managers, not enterprises). */
@Path("/api/enterprises")
@Tag(name = "资质荣誉", description = "Qualifications of enterprises")
@RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
public class QualificationReportResource {

    private final QualificationService service;

    QualificationReportResource(QualificationService service) {
        this.service = service;
    }

    @GET
    @Path("/qualifications")
    @Produces({MediaType.APPLICATION_JSON, Tabular.CSV, Tabular.XLSX})
    @Operation(summary = "资质列表", description = "Across enterprises, by kind, level and year, paged; ?format=csv|xlsx for the page.")
    public QualificationApi.QualificationPage list(@QueryParam("kind") String kind, @QueryParam("level") QualificationLevel level,
            @QueryParam("year") Integer year, @QueryParam("includeRevoked") @DefaultValue("false") boolean includeRevoked,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(1000) int size) {
        return service.list(kind, level, year, includeRevoked, page, size);
    }

    @GET
    @Path("/qualifications/expiring")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "资质到期预警", description = "Not revoked, expiring from today up to within days on (default 90).")
    public QualificationApi.Expiring expiring(@QueryParam("within") @DefaultValue("90") @Min(0) @Max(3650) int within) {
        return service.expiring(within);
    }

    @GET
    @Path("/reports/qualifications")
    @Produces({MediaType.APPLICATION_JSON, Tabular.CSV, Tabular.XLSX})
    @Operation(summary = "资质统计", description = "Enterprises holding each kind at each level today (optionally of one year granted).")
    public QualificationApi.Counts counts(@QueryParam("year") Integer year) {
        return service.counts(year);
    }
}
