package cn.hitech.enterprise.cultivation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.Roles;
import cn.hitech.platform.web.table.Tabular;

/** 培育库: readiness of an enterprise, the thresholds, and the pool managers keep. */
@Path("/api/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "培育库", description = "Cultivation pool and readiness check")
public class CultivationResource {

    private final CultivationService service;
    private final CurrentUser user;

    CultivationResource(CultivationService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @GET
    @Path("/{creditCode}/readiness")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "培育测算", description = "Per target: ready or not, each criterion measured against its threshold, and "
            + "what is missing in zh-CN. An enterprise account sees only its own.")
    public CultivationApi.Readiness readiness(@PathParam("creditCode") String creditCode) {
        return service.readiness(creditCode, user.enterpriseScope());
    }

    @GET
    @Path("/cultivation/thresholds")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "认定门槛", description = "The criteria of every cultivation target, as data.")
    public List<CultivationApi.ThresholdsView> thresholds() {
        return service.thresholds();
    }

    @PUT
    @Path("/cultivation/thresholds/{target}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "修改认定门槛", description = "Replaces a target's criteria, naming the version read (If-Match or version); "
            + "a catalogue kind without thresholds becomes a target.")
    public CultivationApi.ThresholdsView putThresholds(@PathParam("target") String target,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid CultivationApi.PutThresholds request) {
        return service.putThresholds(target, ExpectedVersion.optional(ifMatch, request.version()), request);
    }

    @POST
    @Path("/cultivation-pool")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "纳入培育库", description = "An enterprise for a target; twice is a 409, a kind without thresholds a 422.")
    public Response add(@NotNull @Valid CultivationApi.AddMember request) {
        CultivationApi.MemberView added = service.add(request, user.name());
        return Response.created(URI.create("/api/enterprises/cultivation-pool/" + added.id())).entity(added).build();
    }

    @DELETE
    @Path("/cultivation-pool/{id}")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "移出培育库", description = "Names the version read (If-Match or ?version=).")
    public Response remove(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @QueryParam("version") Long version) {
        service.remove(id, ExpectedVersion.of(ifMatch, version));
        return Response.noContent().build();
    }

    @GET
    @Path("/cultivation-pool")
    @Produces({MediaType.APPLICATION_JSON, Tabular.CSV, Tabular.XLSX})
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "培育库", description = "Members with their readiness, per target ranked closest to qualifying first: more "
            + "criteria met, then the smaller shortfall (sum of relative gaps; a missing figure counts 1). Graduated: already holds it. "
            + "With format=csv|xlsx (or that Accept) the same members, in the same order, leave as a table.")
    public CultivationApi.Pool pool(@QueryParam("target") String target,
            @QueryParam("format") @Parameter(description = "json（默认）、csv 或 xlsx") String format) {
        return service.pool(target);
    }
}
