package cn.hitech.servicedesk.routing;

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

import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.Roles;

@Path("/api/tickets/routing-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "分派规则", description = "Which department a new ticket is suggested for, or dispatched to at once")
public class RoutingRuleResource {

    private final RoutingService service;

    RoutingRuleResource(RoutingService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "分派规则列表", description = "All rules, active or not, in the order they are tried (priority, lower first).")
    public List<RoutingApi.RuleView> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "查看分派规则", description = "One rule; its ETag is the version an edit names.")
    public RoutingApi.RuleView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "新增分派规则", description = "A category and/or keywords, a priority, an existing department (else 422), "
            + "and whether matching tickets are dispatched at once.")
    public Response add(@NotNull @Valid RoutingApi.RuleInput input) {
        RoutingApi.RuleView created = service.add(input);
        return Response.created(URI.create("/api/tickets/routing-rules/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "修改分派规则", description = "Replaces the rule (active=false switches it off); names the version read "
            + "(If-Match or body).")
    public RoutingApi.RuleView change(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid RoutingApi.RuleInput input) {
        return service.change(id, ExpectedVersion.of(ifMatch, input.version()), input);
    }
}
