package cn.hitech.enterprise.grid;

import java.net.URI;
import java.util.List;

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

import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.Roles;

@Path("/api/enterprises/grids")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "网格", description = "The grid tree: streets (街道) and parks (园区), grids (网格) under them")
public class GridResource {

    private final GridService service;

    GridResource(GridService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "网格树", description = "Streets and parks with their grids, each with its enterprises in operation and "
            + "active commissioners (a street or park counts its grids too).")
    public List<GridApi.GridNode> tree() {
        return service.tree();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "查看网格", description = "One node with its grids; the ETag is the version a change names.")
    public GridApi.GridNode get(@PathParam("code") String code) {
        return service.get(code);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "新建街道、园区或网格", description = "A GRID needs a STREET or PARK parent; a street or park has none. Codes "
            + "are unique, and so are names under one parent.")
    public Response create(@NotNull @Valid GridApi.CreateGrid request) {
        GridApi.GridNode created = service.create(request);
        return Response.created(URI.create("/api/enterprises/grids/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "网格改名或调整归属", description = "Renames a node, or moves a grid to another street or park (its "
            + "enterprises keep their grid code, so they move with it). Names the version read: none is a 428, a stale one a 409.")
    public GridApi.GridNode update(@PathParam("code") String code, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid GridApi.UpdateGrid request) {
        return service.update(code, ExpectedVersion.of(ifMatch, request.version()), request);
    }
}
