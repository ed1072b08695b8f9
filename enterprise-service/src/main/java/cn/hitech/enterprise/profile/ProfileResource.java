package cn.hitech.enterprise.profile;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.Roles;

@Path("/api/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "一企一档", description = "Enterprise 360: one call, one page")
public class ProfileResource {

    private final ProfileService profiles;
    private final ProfileRebuild rebuild;

    ProfileResource(ProfileService profiles, ProfileRebuild rebuild) {
        this.profiles = profiles;
        this.rebuild = rebuild;
    }

    @GET
    @Path("/{creditCode}/profile")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "一企一档", description = "The enterprise's record and recent changes, figures, qualifications, its projects with "
            + "their warning colours, its tickets and how they ended, its one-thing applications and certificates, and the parts "
            + "other packages add (sections). An enterprise account sees its own only.")
    public ProfileApi.Profile profile(@PathParam("creditCode") String creditCode) {
        return profiles.profile(creditCode);
    }

    @POST
    @Path("/profiles/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "重建一企一档", description = "Rebuilds the read model of projects, tickets and one-thing applications from the "
            + "event history (the topics from their beginning); readers see the old one until it is done. One at a time (409).")
    public ProfileApi.Rebuilt rebuild() {
        ProfileRebuild.Outcome o = rebuild.rebuild();
        return new ProfileApi.Rebuilt(o.records(), o.applied(), o.unreadable(), o.seconds());
    }
}
