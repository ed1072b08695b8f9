package cn.hitech.project.registry;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Roles;

@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "项目库", description = "Major project register")
public class ProjectResource {

    private final ProjectService service;
    private final CurrentUser user;

    ProjectResource(ProjectService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "登记项目", description = "Registers a major project in status RESERVE (储备).")
    public Response register(@NotNull @Valid ProjectApi.RegisterProject request) {
        ProjectApi.ProjectView created = service.register(request);
        return Response.created(URI.create("/api/projects/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "查看项目", description = "An enterprise account sees only the projects it owns.")
    public ProjectApi.ProjectView get(@PathParam("id") UUID id) {
        return service.get(id, user.enterpriseScope());
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "项目列表", description = "Newest first, paged; an enterprise account sees only the projects it owns.")
    public PageView<ProjectApi.ProjectView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return service.list(user.enterpriseScope(), page, size);
    }
}
