package cn.hitech.enterprise.agency;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Roles;

@Path("/api/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "帮办代办", description = "Authorisations an enterprise grants to its commissioner or a 帮办员")
public class AgencyResource {

    private final AgencyService agency;
    private final CurrentUser user;

    AgencyResource(AgencyService agency, CurrentUser user) {
        this.agency = agency;
        this.user = user;
    }

    @POST
    @Path("/{creditCode}/authorisations")
    @RolesAllowed({Roles.ENTERPRISE, Roles.ADMIN})
    @Operation(summary = "授权代办", description = "The enterprise for itself, or an administrator registering a paper authorisation. "
            + "At most one year; a commissioner grant is for the enterprise's current commissioner. Publishes enterprise.authorisation.granted.")
    public Response grant(@PathParam("creditCode") String creditCode, @NotNull @Valid AgencyApi.Grant request) {
        AgencyApi.AuthorisationView created = agency.grant(creditCode, request, user.enterpriseScope());
        return Response.created(URI.create("/api/enterprises/" + creditCode + "/authorisations/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{creditCode}/authorisations")
    @RolesAllowed({Roles.ENTERPRISE, Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "企业的代办授权", description = "Newest first; an enterprise account sees its own only.")
    public PageView<AgencyApi.AuthorisationView> ofEnterprise(@PathParam("creditCode") String creditCode,
            @QueryParam("status") AuthorisationStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return agency.ofEnterprise(creditCode, status, user.enterpriseScope(), page, size);
    }

    @GET
    @Path("/authorisations/mine")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "我可代办的企业", description = "The authorisations naming the caller as agent; ACTIVE unless status says otherwise.")
    public PageView<AgencyApi.AuthorisationView> mine(@QueryParam("status") @DefaultValue("ACTIVE") AuthorisationStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return agency.ofAgent(user.name(), status, page, size);
    }

    @POST
    @Path("/{creditCode}/authorisations/{id}/withdraw")
    @RolesAllowed({Roles.ENTERPRISE, Roles.ADMIN})
    @Operation(summary = "撤回授权", description = "Names the version read (If-Match or version); an expired or withdrawn one is a 409. "
            + "Publishes enterprise.authorisation.withdrawn.")
    public AgencyApi.AuthorisationView withdraw(@PathParam("creditCode") String creditCode, @PathParam("id") UUID id,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @Valid AgencyApi.Withdraw body) {
        return agency.withdraw(creditCode, id, ExpectedVersion.of(ifMatch, body == null ? null : body.version()),
                body == null ? null : body.reason(), user.enterpriseScope());
    }
}
