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
import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.Roles;

/** One enterprise's side of the policies: how it matches each. */
@Path("/api/enterprises/{creditCode}/policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "惠企政策")
public class EnterprisePolicyResource {

    private final PolicyMatches matches;
    private final CurrentUser user;
    private final EntityManager em;

    EnterprisePolicyResource(PolicyMatches matches, CurrentUser user, EntityManager em) {
        this.matches = matches;
        this.user = user;
        this.em = em;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "企业的政策匹配", description = "Each published policy (staff: withdrawn too), eligible or not and why.")
    public List<PolicyApi.MatchView> policies(@PathParam("creditCode") String creditCode) {
        visible(em, user, creditCode);
        return matches.ofEnterprise(creditCode, user.isEnterprise());
    }

    /** An enterprise account sees only itself; anyone sees nothing of an enterprise that is not registered. */
    static void visible(EntityManager em, CurrentUser user, String creditCode) {
        boolean exists = creditCode.length() == 18 && !em.createNativeQuery("SELECT 1 FROM enterprise WHERE credit_code = CAST(?1 AS bpchar)")
                .setParameter(1, creditCode).getResultList().isEmpty();
        if (!exists || !CurrentUser.allows(user.enterpriseScope(), creditCode)) {
            throw ProblemException.notFound("enterprise", creditCode);
        }
    }
}
