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

import cn.hitech.enterprise.agency.Agency;
import cn.hitech.enterprise.agency.AgencyScope;
import cn.hitech.platform.web.ActsForEnterprise;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Roles;

@Path("/api/enterprises/benefits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "惠企政策")
public class BenefitResource {

    private final BenefitService benefits;
    private final CurrentUser user;
    private final Agency agency;

    BenefitResource(BenefitService benefits, CurrentUser user, Agency agency) {
        this.agency = agency;
        this.benefits = benefits;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "兑现清单", description = "The benefits of a commissioner's enterprises (服务专员), newest first.")
    public PageView<BenefitApi.BenefitView> list(@QueryParam("commissioner") String commissioner, @QueryParam("status") BenefitStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return benefits.list(commissioner, status, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "查看兑现")
    public BenefitApi.BenefitView get(@PathParam("id") UUID id) {
        return benefits.get(id, user.enterpriseScope());
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({Roles.ENTERPRISE, Roles.STAFF, Roles.ADMIN})
    @ActsForEnterprise
    @Operation(summary = "确认收款账户", description = "The enterprise, for its own benefit; names the version read. 代办: an agent "
            + "sends X-On-Behalf-Of and needs an active POLICIES authorisation of that enterprise (else 403).")
    public BenefitApi.BenefitView confirm(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid BenefitApi.ConfirmAccount account) {
        java.util.Optional<Agency.Acting> acting = agency.onBehalf(AgencyScope.POLICIES, id.toString());
        java.util.Optional<String> scope = acting.isPresent() ? acting.map(Agency.Acting::creditCode) : user.enterpriseScope();
        if (scope.isEmpty()) {
            throw new cn.hitech.platform.web.ProblemException(403, "ENTERPRISE_ONLY",
                    "收款账户须由企业本人确认，或由获授权的代办人代办（请求头 X-On-Behalf-Of）");
        }
        return benefits.confirm(id, ExpectedVersion.of(ifMatch, account.version()), account, scope, acting.orElse(null));
    }

    @POST
    @Path("/{id}/pay")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "拨付", description = "Pays a confirmed benefit and keeps the payout record; names the version read.")
    public BenefitApi.BenefitView pay(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid BenefitApi.Pay pay) {
        return benefits.pay(id, ExpectedVersion.of(ifMatch, pay.version()), pay);
    }
}
