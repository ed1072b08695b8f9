package cn.hitech.project.progress;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.Roles;

@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "月度进度", description = "Monthly progress reports: cumulative investment and 形象进度, locked when the month closes")
public class ProgressResource {

    private final ProgressService service;
    private final CurrentUser user;

    ProgressResource(ProgressService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @Path("/{id}/progress")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "月报列表", description = "Newest month first, with each month's own investment and whether it is locked.")
    public List<ProgressApi.ProgressView> list(@PathParam("id") UUID id) {
        return service.list(id, user.enterpriseScope());
    }

    @GET
    @Path("/{id}/progress/{month}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "查看月报", description = "The report of one month (yyyy-MM); its ETag is the version a correction names.")
    public ProgressApi.ProgressView get(@PathParam("id") UUID id, @PathParam("month") @Parameter(example = "2026-10", schema = @Schema(
            type = SchemaType.STRING, pattern = "\\d{4}-\\d{2}")) YearMonth month) {
        return service.get(id, month, user.enterpriseScope());
    }

    @PUT
    @Path("/{id}/progress/{month}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "填报月报", description = "Submits or corrects the report of a month (yyyy-MM) until it locks. The first "
            + "report of a month needs no version; a correction names the report's version (If-Match or version), else 428.")
    public ProgressApi.ProgressView submit(@PathParam("id") UUID id, @PathParam("month") @Parameter(example = "2026-10", schema = @Schema(
            type = SchemaType.STRING, pattern = "\\d{4}-\\d{2}")) YearMonth month, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid ProgressApi.SubmitProgress request) {
        return service.submit(id, month, ExpectedVersion.optional(ifMatch, request.version()), request);
    }

    @GET
    @Path("/progress/missing")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "应报未报", description = "Projects under construction without a report for the month (yyyy-MM).")
    public List<ProgressApi.MissingReport> missing(@QueryParam("month") @Parameter(required = true, example = "2026-10", schema = @Schema(
            type = SchemaType.STRING, pattern = "\\d{4}-\\d{2}")) YearMonth month) {
        if (month == null) {
            throw ProblemException.invalidField("month", "月份格式应为 yyyy-MM，如 2026-10");
        }
        return service.missing(month);
    }
}
