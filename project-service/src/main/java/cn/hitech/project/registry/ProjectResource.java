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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Roles;
import cn.hitech.project.warning.WarningColour;

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
    @Operation(summary = "查看项目", description = "An enterprise account sees only the projects it owns. The ETag is the version "
            + "a write names.")
    public ProjectApi.ProjectView get(@PathParam("id") UUID id) {
        return service.get(id, user.enterpriseScope());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "修改项目", description = "Replaces the basic data; names the version read (If-Match or version): "
            + "none is a 428, a stale one a 409, and both change nothing.")
    public ProjectApi.ProjectView update(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid ProjectApi.UpdateProject request) {
        return service.update(id, ExpectedVersion.of(ifMatch, request.version()), request);
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "项目列表", description = "Paged, filtered and sorted (newest first unless `sort` says otherwise, e.g. "
            + "`-totalInvestment`); an enterprise account sees only the projects it owns.")
    public PageView<ProjectApi.ProjectView> list(
            @QueryParam("level") ProjectLevel level,
            @QueryParam("list") @Parameter(description = "清单，如 双百工程") String list,
            @QueryParam("industryChain") IndustryChain industryChain,
            @QueryParam("status") ProjectStatus status,
            @QueryParam("department") @Parameter(description = "责任部门") String department,
            @QueryParam("leader") @Parameter(description = "区级领导或包保责任人") String leader,
            @QueryParam("warning") @Parameter(description = "红黄绿灯") WarningColour warning,
            @QueryParam("q") @Parameter(description = "名称、地点或项目代码中的文字") String text,
            @QueryParam("sort") @Parameter(description = "name, totalInvestment, plannedStart, plannedEnd, createdAt, updatedAt, "
                    + "status, level; 前加 - 为降序") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        ProjectFilter filter = new ProjectFilter(level, list, industryChain, status, department, leader, warning, text, sort);
        return service.list(filter, user.enterpriseScope(), page, size);
    }
}
