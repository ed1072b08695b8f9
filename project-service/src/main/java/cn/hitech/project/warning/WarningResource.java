package cn.hitech.project.warning;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.Roles;

@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "红黄绿灯", description = "Computed warnings with their reasons")
public class WarningResource {

    private final WarningService service;
    private final CurrentUser user;

    WarningResource(WarningService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @Path("/{id}/warning")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "项目预警", description = "The project's colour and every reason behind it, as last computed.")
    public WarningService.WarningView warning(@PathParam("id") UUID id) {
        return service.of(id, user.enterpriseScope());
    }

    @POST
    @Path("/warnings/recompute")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "重算红黄绿灯", description = "Runs the scheduled recomputation now, as of today or of `asOf` "
            + "(to replay a date); sends project.warning.changed for each project whose warning changed.")
    public WarningService.Run recompute(@QueryParam("asOf") @Parameter(example = "2026-02-13") LocalDate asOf) {
        return service.recompute(asOf == null ? service.today() : asOf);
    }
}
