package cn.hitech.enterprise.grid;

import java.net.URI;

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

@Path("/api/enterprises/commissioners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "服务专员", description = "The commissioner team, automatic assignment with load balancing, leaving")
public class CommissionerResource {

    private final CommissionerService service;
    private final AssignmentService assignment;
    private final CurrentUser user;

    CommissionerResource(CommissionerService service, AssignmentService assignment, CurrentUser user) {
        this.service = service;
        this.assignment = assignment;
        this.user = user;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "新增服务专员", description = "Code, name, phone, home grid (a grid, street or park) and an optional own "
            + "capacity; without one the zone's cap applies (hitech.enterprises.commissioners.cap, default 25).")
    public Response add(@NotNull @Valid CommissionerApi.AddCommissioner request) {
        CommissionerApi.CommissionerView added = service.add(request);
        return Response.created(URI.create("/api/enterprises/commissioners/" + added.code())).entity(added).build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "服务专员列表", description = "By code, with the enterprises each holds; grid narrows to a node and its grids.")
    public PageView<CommissionerApi.CommissionerView> list(@QueryParam("grid") String grid, @QueryParam("status") CommissionerStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return service.list(blankToNull(grid), status, page, size, user.isEnterprise());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "查看服务专员", description = "The commissioner and the enterprises they hold (by name, paged). The ETag is "
            + "the version a leave names.")
    public CommissionerApi.CommissionerDetail get(@PathParam("code") String code,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return service.get(code, page, size, user.isEnterprise());
    }

    @POST
    @Path("/batch")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "批量新增服务专员", description = "A team at once (up to 5,000): each as the single add; all or none, the first "
            + "one refused named by its place in the list (第 n 条, fields as [n].field).")
    public java.util.Map<String, Integer> addAll(@NotNull @jakarta.validation.constraints.Size(max = 5000)
            java.util.List<CommissionerApi.@NotNull @Valid AddCommissioner> requests) {
        return java.util.Map.of("added", service.addAll(requests));
    }

    @POST
    @Path("/assign")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "自动分配服务专员", description = "Every enterprise in operation without an active commissioner gets one: of "
            + "its grid first (least loaded, then by code), then of its street or park, then anyone (as reach allows); never above "
            + "a cap. Those that cannot be placed are listed, not forced.")
    public AssignmentApi.AssignmentResult assign(
            @QueryParam("grid") @Parameter(description = "网格、街道或园区编码；不填为全区") String grid,
            @QueryParam("reach") @DefaultValue("ZONE") @Parameter(description = "GRID 仅本网格, STREET 本街道/园区内, ZONE 全区")
            AssignmentReach reach) {
        return assignment.assign(blankToNull(grid), reach == null ? AssignmentReach.ZONE : reach);
    }

    @POST
    @Path("/{code}/leave")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "服务专员离岗", description = "Marks the commissioner LEFT and, in the same transaction, reassigns each of "
            + "their enterprises by the assignment rules. Names the version read: none is a 428, a stale one a 409.")
    public CommissionerApi.LeaveResult leave(@PathParam("code") String code, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            CommissionerApi.Leave request) {
        return service.leave(code, ExpectedVersion.of(ifMatch, request == null ? null : request.version()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
