package cn.hitech.project.accountability;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.Roles;
import cn.hitech.project.registry.ProjectApi;

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

    @PUT
    @Path("/packages/{kind}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "更新包保任务", description = "Sets the accountable person, department, due date, status and notes of one package.")
    public AccountabilityApi.WorkPackageView updatePackage(@PathParam("id") UUID id, @PathParam("kind") PackageKind kind,
            @NotNull @Valid AccountabilityApi.UpdateWorkPackage request) {
        return service.updatePackage(id, kind, request);
    }

    @PUT
    @Path("/five-ones")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "更新五个一", description = "区级领导, 包保责任人, 责任部门, 工作专班, 指挥部 of the project.")
    public ProjectApi.FiveOnes updateFiveOnes(@PathParam("id") UUID id, @NotNull @Valid AccountabilityApi.UpdateFiveOnes request) {
        return service.updateFiveOnes(id, request);
    }
}
