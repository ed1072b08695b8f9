package cn.hitech.servicedesk.ticket;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.ActsForEnterprise;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Roles;
import cn.hitech.servicedesk.agency.Agency;

@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "工单", description = "8951234 hotline tickets")
public class TicketResource {

    private final TicketService service;
    private final CurrentUser user;
    private final Agency agency;

    TicketResource(TicketService service, CurrentUser user, Agency agency) {
        this.service = service;
        this.user = user;
        this.agency = agency;
    }

    @POST
    @ActsForEnterprise
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "受理工单", description = "Registers a ticket (status REGISTERED) and gives it a ticket number. "
            + "An enterprise account files in its own name only; so does an agent with X-On-Behalf-Of (代办: an authorisation "
            + "of that enterprise for TICKETS, not narrowed to one ticket, else 403 NOT_AUTHORISED_AGENT; another "
            + "enterpriseCreditCode is a 422 ON_BEHALF_MISMATCH).")
    public Response register(@NotNull @Valid TicketApi.RegisterTicket request) {
        TicketApi.TicketView created = service.register(request,
                agency.scopeForNew(Agency.TICKETS, request.enterpriseCreditCode(), "enterpriseCreditCode"));
        return Response.created(URI.create("/api/tickets/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "查看工单", description = "An enterprise account sees only its own tickets. The ETag is the version a "
            + "later move of the ticket names.")
    public TicketApi.TicketView get(@PathParam("id") UUID id) {
        return service.get(id, user.enterpriseScope());
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "工单列表", description = "Newest first, paged, optionally by status, channel (e.g. PROJECT_PROBLEM) and "
            + "the project problem a ticket was taken up from (problemId), and the service commissioner copied on it (commissioner, "
            + "抄送).")
    public PageView<TicketApi.TicketView> list(@QueryParam("status") TicketStatus status,
            @QueryParam("channel") TicketChannel channel, @QueryParam("problemId") UUID problemId,
            @QueryParam("commissioner") String commissioner,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return service.list(user.enterpriseScope(), status, channel, problemId, commissioner, page, size);
    }
}
