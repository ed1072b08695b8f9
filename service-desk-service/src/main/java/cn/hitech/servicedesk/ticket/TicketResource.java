package cn.hitech.servicedesk.ticket;

import java.net.URI;
import java.util.List;
import java.util.Locale;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.ActsForEnterprise;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.Roles;
import cn.hitech.platform.web.table.Tabular;
import cn.hitech.servicedesk.agency.Agency;

@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "工单", description = "8951234 hotline tickets")
public class TicketResource {

    private final TicketService service;
    private final CurrentUser user;
    private final Agency agency;
    private final TicketFilters filters;

    TicketResource(TicketService service, CurrentUser user, Agency agency, TicketFilters filters) {
        this.service = service;
        this.user = user;
        this.agency = agency;
        this.filters = filters;
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
    @Produces({MediaType.APPLICATION_JSON, Tabular.CSV, Tabular.XLSX})
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "工单列表", description = "Paged, optionally by status (repeatable: any of them), channel (e.g. "
            + "PROJECT_PROBLEM), the project problem a ticket was taken up from (problemId), the service commissioner copied on it (commissioner, 抄送), category, the "
            + "department it is dispatched to (department, 主办单位代码), overdue=true (超时: the running limit's deadline has "
            + "passed, as the red of sla.colour; false: not overdue) and supervised=true (督办; false: not supervised; not for "
            + "enterprise accounts, 403). sort=newest (default) or deadline (the running limit's deadline first, tickets without "
            + "a running limit last). An enterprise account sees only its own tickets. With format=csv|xlsx (or that Accept) "
            + "every matching ticket leaves as a table in the same order (page and size do not apply); more than 50000 is a "
            + "422 EXPORT_TOO_LARGE. A bad value is a 400 naming the parameter.")
    public Response list(
            @QueryParam("status") @Parameter(description = "工单状态；可重复，任一即可（如全部在办状态）") List<TicketStatus> status,
            @QueryParam("channel") TicketChannel channel, @QueryParam("problemId") UUID problemId,
            @QueryParam("commissioner") String commissioner,
            @QueryParam("category") TicketCategory category,
            @QueryParam("department") @Parameter(description = "主办单位代码", example = "POWER_SUPPLY") String department,
            @QueryParam("overdue") @Parameter(description = "true：当前时限已超时；false：未超时") String overdue,
            @QueryParam("supervised") @Parameter(description = "true：督办中；false：未督办（企业账号不可用）") String supervised,
            @QueryParam("sort") @Parameter(description = "newest（默认，最新受理在前）或 deadline（当前时限截止早的在前，无计时时限的在后）")
            String sort,
            @QueryParam("format") @Parameter(description = "json（默认）、csv 或 xlsx：导出全部符合条件的工单") String format,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size,
            @Context HttpHeaders headers) {
        TicketRepository.Filter filter = filters.of(user.enterpriseScope(), status, channel, problemId, commissioner, category,
                department, overdue, supervised);
        TicketRepository.Order order = order(sort);
        MediaType type = Tabular.wanted(headers);
        if (type.equals(MediaType.APPLICATION_JSON_TYPE)) {
            return Response.ok(service.list(filter, order, page, size), type).build();
        }
        return Response.ok(service.export(filter, order), type).build();
    }


    private static TicketRepository.Order order(String sort) {
        String text = blankOr(sort);
        if (text == null) {
            return TicketRepository.Order.NEWEST;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "newest" -> TicketRepository.Order.NEWEST;
            case "deadline" -> TicketRepository.Order.DEADLINE;
            default -> throw ProblemException.invalidField("sort", "'" + sort + "' 无法识别；可选值：newest, deadline");
        };
    }

    private static String blankOr(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
