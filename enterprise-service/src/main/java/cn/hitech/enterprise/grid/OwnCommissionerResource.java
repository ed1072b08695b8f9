package cn.hitech.enterprise.grid;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.Roles;

@Path("/api/enterprises/{creditCode}/commissioner")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "服务专员", description = "The commissioner team, automatic assignment with load balancing, leaving")
public class OwnCommissionerResource {

    private final CommissionerService service;
    private final CurrentUser user;

    OwnCommissionerResource(CommissionerService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "本企业的服务专员", description = "Name and phone of the enterprise's active commissioner; an enterprise "
            + "account asks for its own only (another's is a 404) and sees the phone masked.")
    public CommissionerApi.OwnCommissioner get(@PathParam("creditCode") String creditCode) {
        return service.of(creditCode, user.enterpriseScope());
    }
}
