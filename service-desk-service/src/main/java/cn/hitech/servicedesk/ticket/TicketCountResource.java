package cn.hitech.servicedesk.ticket;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.Grouping;
import cn.hitech.platform.web.Roles;
import cn.hitech.servicedesk.clock.ReplayClock;

/** 工单分组计数: the ticket list's totals by channel, status, category or department, one query for a whole chart. */
@Path("/api/tickets/counts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "工单", description = "8951234 hotline tickets")
public class TicketCountResource {

    private static final Map<String, String> DIMENSIONS = Grouping.dimensions("channel", "t.channel", "status", "t.status",
            "category", "t.category", "department", "t.departmentCode");

    private final TicketRepository tickets;
    private final TicketFilters filters;
    private final CurrentUser user;
    private final ReplayClock clock;

    TicketCountResource(TicketRepository tickets, TicketFilters filters, CurrentUser user, ReplayClock clock) {
        this.tickets = tickets;
        this.filters = filters;
        this.user = user;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "工单分组计数", description = "The tickets the list (GET /api/tickets) finds with the same filters, counted "
            + "by channel, status, category or department (主办单位代码; a ticket not yet dispatched counts in the group without a key), "
            + "or by two of them (by=department,status: one row per pair, with keys). Each count equals the list's total for that "
            + "group's filter; groups with no ticket are left out. An enterprise account counts its own tickets only. An unknown "
            + "dimension is a 400 naming by; a bad filter value a 400 naming it.")
    public List<Grouping.Count> counts(
            @QueryParam("by") @Parameter(description = "分组维度：channel、status、category、department，或以逗号分隔的两个",
                    required = true, example = "channel") String by,
            @QueryParam("status") @Parameter(description = "工单状态；可重复，任一即可") List<TicketStatus> status,
            @QueryParam("channel") TicketChannel channel, @QueryParam("problemId") UUID problemId,
            @QueryParam("commissioner") String commissioner,
            @QueryParam("category") TicketCategory category,
            @QueryParam("department") @Parameter(description = "主办单位代码", example = "POWER_SUPPLY") String department,
            @QueryParam("overdue") @Parameter(description = "true：当前时限已超时；false：未超时") String overdue,
            @QueryParam("supervised") @Parameter(description = "true：督办中；false：未督办（企业账号不可用）") String supervised) {
        Grouping grouping = Grouping.parse(by, DIMENSIONS);
        TicketRepository.Filter filter = filters.of(user.enterpriseScope(), status, channel, problemId, commissioner, category,
                department, overdue, supervised);
        return grouping.rows(tickets.countBy(filter, clock.domainNow(), grouping.columns()));
    }
}
