package cn.hitech.enterprise.policy;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.Roles;

/** The 免申即享 benefits one enterprise was offered. */
@Path("/api/enterprises/{creditCode}/benefits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "惠企政策")
public class EnterpriseBenefitResource {

    private final BenefitService benefits;
    private final CurrentUser user;
    private final EntityManager em;

    EnterpriseBenefitResource(BenefitService benefits, CurrentUser user, EntityManager em) {
        this.benefits = benefits;
        this.user = user;
        this.em = em;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "企业的免申即享兑现", description = "Newest first; account numbers masked. An enterprise account sees its own only.")
    public List<BenefitApi.BenefitView> benefits(@PathParam("creditCode") String creditCode) {
        EnterprisePolicyResource.visible(em, user, creditCode);
        return benefits.ofEnterprise(creditCode);
    }
}
