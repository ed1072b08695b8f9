package cn.hitech.project.problem;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ExpectedVersion;
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

    @GET
    @Path("/{id}/problems/{problemId}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "查看项目问题", description = "One problem; its ETag is the version resolve and reopen name.")
    public ProblemApi.ProblemView get(@PathParam("id") UUID id, @PathParam("problemId") UUID problemId) {
        return service.get(id, problemId, user.enterpriseScope());
    }

    @POST
    @Path("/{id}/problems/{problemId}/resolve")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "问题办结", description = "待解决 → 已解决, with the resolution; a resolved problem is a 409. Names the "
            + "problem's version (If-Match or version).")
    public ProblemApi.ProblemView resolve(@PathParam("id") UUID id, @PathParam("problemId") UUID problemId,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid ProblemApi.ResolveProblem request) {
        return service.resolve(id, problemId, ExpectedVersion.of(ifMatch, request.version()), request.resolution(), user.name());
    }

    @POST
    @Path("/{id}/problems/{problemId}/reopen")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "问题重新打开", description = "已解决 → 待解决, with the reason; an open problem is a 409. Names the "
            + "problem's version (If-Match or version).")
    public ProblemApi.ProblemView reopen(@PathParam("id") UUID id, @PathParam("problemId") UUID problemId,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid ProblemApi.ReopenProblem request) {
        return service.reopen(id, problemId, ExpectedVersion.of(ifMatch, request.version()), request.reason(), user.name());
    }

    @GET
    @Path("/problems/open")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "待解决问题", description = "All open problems, most urgent first.")
    public List<ProblemApi.ProblemView> open() {
        return service.open();
    }
}
