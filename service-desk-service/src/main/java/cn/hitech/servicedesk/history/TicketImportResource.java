package cn.hitech.servicedesk.history;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.Roles;
import cn.hitech.servicedesk.ticket.TicketApi;

/** 历史工单导入: the old 8951234 system's tickets, with their histories, replayed through the live rules. */
@Path("/api/tickets/import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "工单", description = "8951234 hotline tickets")
public class TicketImportResource {

    /** One request holds at most this many tickets: the all-or-nothing batch is one transaction. */
    static final int MAX_BATCH = 500;

    private final TicketImportService service;

    TicketImportResource(TicketImportService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "导入历史工单", description = "Each ticket (the fields of RegisterTicket plus legacyNumber, registeredAt, "
            + "registeredBy and moves) is registered at registeredAt and each move made at its own instant through the live "
            + "move of that name, in a transaction of its own: deadlines, in-time flags, move history, audit and events follow "
            + "the live rules. The moves are made by the importing account; the old system's actors go into the ticket's "
            + "audit entry 'import'. A legacyNumber imported before is skipped. A ticket whose moves are out of time order, "
            + "after the domain clock, or not allowed by the rules is refused (index, move index, problem) and not written. "
            + "mode=all-or-nothing (default): any refusal refuses the batch, 422 and nothing written; mode=good-only: every "
            + "good ticket is written, 200. At most " + MAX_BATCH + " tickets per request.")
    public Response importTickets(@QueryParam("mode") String mode,
            @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY,
                    implementation = ImportedTicketDoc.class))) @NotNull @NotEmpty @Size(max = MAX_BATCH) List<@NotNull ObjectNode> tickets) {
        HistoryApi.Report report = service.importAll(tickets, HistoryApi.Mode.of(mode));
        return report.code() != null ? Response.status(422).type("application/problem+json").entity(report).build()
                : Response.ok(report).build();
    }

    /** The shape of one imported ticket, for the OpenAPI description only: the registration fields and the history's. */
    @Schema(name = "ImportedTicketWithRegistration", allOf = {TicketApi.RegisterTicket.class, HistoryApi.ImportedTicket.class})
    private interface ImportedTicketDoc {
    }
}
