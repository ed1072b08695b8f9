package cn.hitech.project.milestone;

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
import jakarta.ws.rs.PUT;
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

@Path("/api/projects/{id}/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "项目节点", description = "Milestones: template plan, baseline and slip, completion with evidence")
public class MilestoneResource {

    private final MilestoneService service;
    private final CurrentUser user;

    MilestoneResource(MilestoneService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "节点列表", description = "In plan order, with baseline, plan, actual date and slip.")
    public List<MilestoneApi.MilestoneView> list(@PathParam("id") UUID id) {
        return service.list(id, user.enterpriseScope());
    }

    @GET
    @Path("/{milestoneId}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "查看节点", description = "One milestone; its ETag is the version a re-plan or reach names.")
    public MilestoneApi.MilestoneView get(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId) {
        return service.get(id, milestoneId, user.enterpriseScope());
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "增加节点", description = "Adds a custom milestone at the end of the plan.")
    public Response add(@PathParam("id") UUID id, @NotNull @Valid MilestoneApi.AddMilestone request) {
        MilestoneApi.MilestoneView created = service.add(id, request);
        return Response.created(URI.create("/api/projects/" + id + "/milestones/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{milestoneId}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "调整节点计划", description = "Moves the planned date; the first plan stays as baseline. Names the "
            + "milestone's version (If-Match or version).")
    public MilestoneApi.MilestoneView replan(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid MilestoneApi.ReplanMilestone request) {
        return service.replan(id, milestoneId, ExpectedVersion.of(ifMatch, request.version()), request);
    }

    @POST
    @Path("/{milestoneId}/reach")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "节点完成", description = "Logs the actual date and evidence; sends project.milestone.reached. Names the "
            + "milestone's version (If-Match or version).")
    public MilestoneApi.MilestoneView reach(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid MilestoneApi.ReachMilestone request) {
        return service.reach(id, milestoneId, ExpectedVersion.of(ifMatch, request.version()), request);
    }
}
