package cn.hitech.enterprise.policy;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Roles;

@Path("/api/enterprises/policy-applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "惠企政策")
public class ApplicationResource {

    private final ApplicationService applications;
    private final CurrentUser user;

    ApplicationResource(ApplicationService applications, CurrentUser user) {
        this.applications = applications;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "快申快享申请", description = "By warning colour (GREEN / YELLOW / RED, open applications), status or policy; "
            + "an enterprise account sees its own.")
    public PageView<ApplicationApi.ApplicationView> list(@QueryParam("colour") ApplicationApi.Colour colour,
            @QueryParam("status") ApplicationStatus status, @QueryParam("policyId") UUID policyId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return applications.list(colour, status, policyId, user.enterpriseScope(), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "查看申请")
    public ApplicationApi.ApplicationView get(@PathParam("id") UUID id) {
        return applications.get(id, user.enterpriseScope());
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "核准", description = "With the amount (万元), at most the amount the policy gives; names the version read.")
    public ApplicationApi.ApplicationView approve(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid ApplicationApi.Approve approve) {
        return applications.approve(id, ExpectedVersion.of(ifMatch, approve.version()), approve.amount());
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "驳回", description = "With the reason; names the version read.")
    public ApplicationApi.ApplicationView reject(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid ApplicationApi.Reject reject) {
        return applications.reject(id, ExpectedVersion.of(ifMatch, reject.version()), reject.reason());
    }

    @POST
    @Path("/{id}/pay")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "拨付", description = "An approved application, with the payment reference; names the version read.")
    public ApplicationApi.ApplicationView pay(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid ApplicationApi.Pay pay) {
        return applications.pay(id, ExpectedVersion.of(ifMatch, pay.version()), pay.reference());
    }
}
