package cn.hitech.project.accountability;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.Roles;
import cn.hitech.project.registry.ProjectApi;

/** 五包 and 五个一. A package's status moves only by its named moves; each write names the version it read. */
@Path("/api/projects/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "包保责任", description = "五包 and 五个一")
public class AccountabilityResource {

    private final AccountabilityService service;
    private final CurrentUser user;

    AccountabilityResource(AccountabilityService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @Path("/packages")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "五包列表", description = "The five packages of a project, with who is accountable and whether each is overdue.")
    public List<AccountabilityApi.WorkPackageView> packages(@PathParam("id") UUID id) {
        return service.packages(id, user.enterpriseScope());
    }

    @GET
    @Path("/packages/{kind}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "查看包保任务", description = "One package; its ETag is the version a write names.")
    public AccountabilityApi.WorkPackageView getPackage(@PathParam("id") UUID id, @PathParam("kind") PackageKind kind) {
        return service.getPackage(id, kind, user.enterpriseScope());
    }

    @PUT
    @Path("/packages/{kind}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "修改包保任务", description = "Sets the accountable person, department, due date and notes of one package; "
            + "the status moves only by start, complete and reopen.")
    public AccountabilityApi.WorkPackageView updatePackage(@PathParam("id") UUID id, @PathParam("kind") PackageKind kind,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid AccountabilityApi.UpdateWorkPackage request) {
        return service.updatePackage(id, kind, ExpectedVersion.of(ifMatch, request.version()), request);
    }

    @POST
    @Path("/packages/{kind}/start")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "包保任务开始推进", description = "未开始 → 推进中; from any other status a 409.")
    public AccountabilityApi.WorkPackageView start(@PathParam("id") UUID id, @PathParam("kind") PackageKind kind,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid AccountabilityApi.StartPackage request) {
        return service.start(id, kind, ExpectedVersion.of(ifMatch, request.version()), request.note());
    }

    @POST
    @Path("/packages/{kind}/complete")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "包保任务完成", description = "未开始 or 推进中 → 已完成, on a date not in the future (default today); "
            + "a finished package is a 409.")
    public AccountabilityApi.WorkPackageView complete(@PathParam("id") UUID id, @PathParam("kind") PackageKind kind,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid AccountabilityApi.CompletePackage request) {
        return service.complete(id, kind, ExpectedVersion.of(ifMatch, request.version()), request.date(), request.note());
    }

    @POST
    @Path("/packages/{kind}/reopen")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "包保任务重新打开", description = "已完成 → 推进中, with the reason; a package that is not finished is a 409.")
    public AccountabilityApi.WorkPackageView reopen(@PathParam("id") UUID id, @PathParam("kind") PackageKind kind,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid AccountabilityApi.ReopenPackage request) {
        return service.reopen(id, kind, ExpectedVersion.of(ifMatch, request.version()), request.reason());
    }

    @PUT
    @Path("/five-ones")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "更新五个一", description = "区级领导, 包保责任人, 责任部门, 工作专班, 指挥部 of the project; names the project's "
            + "version, and answers with the project's new version as ETag.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProjectApi.FiveOnes.class)))
    public Response updateFiveOnes(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid AccountabilityApi.UpdateFiveOnes request) {
        AccountabilityApi.FiveOnesSaved saved = service.updateFiveOnes(id, ExpectedVersion.of(ifMatch, request.version()),
                request.fiveOnes());
        return Response.ok(saved.fiveOnes()).header(HttpHeaders.ETAG, ExpectedVersion.tag(saved.projectVersion())).build();
    }
}
