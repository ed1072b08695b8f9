package cn.hitech.enterprise.policy;

import java.net.URI;
import java.util.Optional;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.enterprise.agency.Agency;
import cn.hitech.enterprise.agency.AgencyScope;
import cn.hitech.platform.web.ActsForEnterprise;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Roles;

@Path("/api/enterprises/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "惠企政策", description = "Policy catalogue, matching, 免申即享 and 快申快享")
public class PolicyResource {

    private final PolicyService policies;
    private final PolicyMatches matches;
    private final ApplicationService applications;
    private final CurrentUser user;
    private final Agency agency;

    PolicyResource(PolicyService policies, PolicyMatches matches, ApplicationService applications, CurrentUser user, Agency agency) {
        this.agency = agency;
        this.policies = policies;
        this.matches = matches;
        this.applications = applications;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "新建政策", description = "A draft; eligibility rules and amount are checked (422 names the rule index and field).")
    public Response create(@NotNull @Valid PolicyApi.PolicyRequest request) {
        PolicyApi.PolicyView created = policies.create(request);
        return Response.created(URI.create("/api/enterprises/policies/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "政策目录", description = "Newest first; an enterprise account sees published policies only.")
    public PageView<PolicyApi.PolicyView> list(@QueryParam("status") PolicyStatus status, @QueryParam("mode") PolicyMode mode,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return policies.list(user.isEnterprise() ? PolicyStatus.PUBLISHED : status, mode, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "查看政策")
    public PolicyApi.PolicyView get(@PathParam("id") UUID id) {
        return policies.get(id, user.isEnterprise());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "修改政策", description = "Only while not published; names the version read (If-Match or version).")
    public PolicyApi.PolicyView update(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid PolicyApi.PolicyRequest request) {
        return policies.update(id, ExpectedVersion.of(ifMatch, request.version()), request);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "发布政策", description = "Matches every enterprise and offers the 免申即享 benefits; answers the counts.")
    public PolicyApi.Published publish(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            PolicyApi.VersionOnly body) {
        return policies.publish(id, ExpectedVersion.of(ifMatch, body == null ? null : body.version()));
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "撤回政策")
    public PolicyApi.PolicyView withdraw(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            PolicyApi.VersionOnly body) {
        return policies.withdraw(id, ExpectedVersion.of(ifMatch, body == null ? null : body.version()));
    }

    @GET
    @Path("/{id}/matches")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "匹配结果", description = "Per enterprise: eligible or not, and each rule met or missed with the values. "
            + "An enterprise account sees its own row only.")
    public PageView<PolicyApi.MatchView> matches(@PathParam("id") UUID id, @QueryParam("eligible") Boolean eligible,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return matches.ofPolicy(id, eligible, user.enterpriseScope(), page, size);
    }

    @POST
    @Path("/{id}/applications")
    @RolesAllowed({Roles.ENTERPRISE, Roles.STAFF, Roles.ADMIN})
    @ActsForEnterprise
    @Operation(summary = "申请快申快享政策", description = "An enterprise for itself (staff on its behalf, naming creditCode). Eligibility "
            + "is checked against its figures now: not eligible is a 422 listing the missed rules. Paid within 60 working days. "
            + "代办: an agent sends X-On-Behalf-Of and needs an active POLICIES authorisation of that enterprise (else 403).")
    public Response apply(@PathParam("id") UUID id, ApplicationApi.Apply body) {
        Optional<Agency.Acting> acting = agency.onBehalf(AgencyScope.POLICIES, id.toString());
        acting.filter(a -> body != null && body.creditCode() != null && !body.creditCode().isBlank()
                && !body.creditCode().strip().equals(a.creditCode())).ifPresent(a -> {
                    throw cn.hitech.platform.web.ProblemException.invalidField("creditCode", "代办时只能为 X-On-Behalf-Of 所指企业申请");
                });
        String creditCode = acting.map(Agency.Acting::creditCode).or(user::enterpriseScope).orElseGet(() -> {
            if (body == null || body.creditCode() == null || body.creditCode().isBlank()) {
                throw cn.hitech.platform.web.ProblemException.invalidField("creditCode", "代为申请时须给出企业的统一社会信用代码");
            }
            return body.creditCode().strip();
        });
        ApplicationApi.ApplicationView created = applications.apply(id, creditCode, acting.orElse(null));
        return Response.created(URI.create("/api/enterprises/policy-applications/" + created.id())).entity(created).build();
    }
}
