package cn.hitech.project.problem;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.Roles;

@Path("/api/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "要素保障", description = "Problems raised on projects, resolved by hand or by their service-desk ticket")
public class ProblemResource {

    private final ProblemService service;
    private final CurrentUser user;

    ProblemResource(ProblemService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @Path("/{id}/problems")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "反映问题", description = "Raises a problem (sends project.problem.raised); an enterprise only on its own project.")
    public Response raise(@PathParam("id") UUID id, @NotNull @Valid ProblemApi.RaiseProblem request) {
        ProblemApi.ProblemView raised = service.raise(id, request, user.enterpriseScope(), user.name());
        return Response.created(URI.create("/api/projects/" + id + "/problems/" + raised.id())).entity(raised).build();
    }

    @GET
    @Path("/{id}/problems")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "项目问题列表")
    public List<ProblemApi.ProblemView> list(@PathParam("id") UUID id) {
        return service.list(id, user.enterpriseScope());
    }

    @POST
    @Path("/{id}/problems/{problemId}/resolve")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "问题办结", description = "Closes an open problem with its resolution.")
    public ProblemApi.ProblemView resolve(@PathParam("id") UUID id, @PathParam("problemId") UUID problemId,
            @NotNull @Valid ProblemApi.ResolveProblem request) {
        return service.resolve(id, problemId, request, user.name());
    }

    @GET
    @Path("/problems/open")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "待解决问题", description = "All open problems, most urgent first.")
    public List<ProblemApi.ProblemView> open() {
        return service.open();
    }
}
