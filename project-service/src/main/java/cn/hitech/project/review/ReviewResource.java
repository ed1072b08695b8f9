package cn.hitech.project.review;

import java.net.URI;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.Roles;

@Path("/api/projects/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "观摩评比", description = "On-site review rounds with weighted criteria; the ranking is under /api/projects/reports/reviews")
public class ReviewResource {

    private final ReviewService service;
    private final CurrentUser user;

    ReviewResource(ReviewService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "新建观摩评比", description = "Criteria weights must add up to 100.")
    public Response create(@NotNull @Valid ReviewApi.CreateRound request) {
        ReviewApi.RoundView round = service.create(request);
        return Response.created(URI.create("/api/projects/reviews/" + round.id())).entity(round).build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "观摩评比列表")
    public List<ReviewApi.RoundView> list() {
        return service.list();
    }

    @GET
    @Path("/{roundId}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "查看观摩评比")
    public ReviewApi.RoundView get(@PathParam("roundId") UUID roundId) {
        return service.get(roundId);
    }

    @GET
    @Path("/{roundId}/scores/{projectId}")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "查看本人打分", description = "The signed-in scorer's marks for one project; its ETag is the version a correction names.")
    public ReviewApi.ScoreView myScore(@PathParam("roundId") UUID roundId, @PathParam("projectId") UUID projectId) {
        return service.score(roundId, projectId, user.name());
    }

    @PUT
    @Path("/{roundId}/scores/{projectId}")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "评委打分", description = "The signed-in scorer's marks for one project (0–100 per criterion). The first "
            + "marks need no version; a correction names the version read (If-Match or version), else 428.")
    public ReviewApi.ScoreView score(@PathParam("roundId") UUID roundId, @PathParam("projectId") UUID projectId,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid ReviewApi.ScoreProject request) {
        return service.score(roundId, projectId, ExpectedVersion.optional(ifMatch, request.version()), request, user.name());
    }
}
