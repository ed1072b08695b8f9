package cn.hitech.servicedesk.department;

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

@Path("/api/tickets/departments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "承办单位", description = "Departments tickets are dispatched to")
public class DepartmentResource {

    private final DepartmentService service;

    DepartmentResource(DepartmentService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "承办单位列表", description = "The departments a ticket can be dispatched to, by code.")
    public List<DepartmentApi.DepartmentView> list() {
        return service.list();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "查看承办单位", description = "One department; its ETag is the version a rename names.")
    public DepartmentApi.DepartmentView get(@PathParam("code") String code) {
        return service.get(code);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "新增承办单位", description = "A new code (upper-case letters, digits, underscores) and a name not yet used.")
    public Response add(@NotNull @Valid DepartmentApi.AddDepartment request) {
        DepartmentApi.DepartmentView created = service.add(request);
        return Response.created(URI.create("/api/tickets/departments/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "修改承办单位名称", description = "Renames a department; names the version read (If-Match or body).")
    public DepartmentApi.DepartmentView rename(@PathParam("code") String code, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid DepartmentApi.RenameDepartment request) {
        return service.rename(code, ExpectedVersion.of(ifMatch, request.version()), request.name());
    }
}
