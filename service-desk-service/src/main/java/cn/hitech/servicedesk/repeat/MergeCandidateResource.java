package cn.hitech.servicedesk.repeat;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.Roles;
import cn.hitech.servicedesk.ticket.Ticket;
import cn.hitech.servicedesk.ticket.TicketApi;

@Path("/api/tickets/{id}/merge-candidates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "工单流转")
public class MergeCandidateResource {

    private final EntityManager em;
    private final RepeatDetector repeats;

    MergeCandidateResource(EntityManager em, RepeatDetector repeats) {
        this.em = em;
        this.repeats = repeats;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "可并单的工单", description = "The open tickets this one could be merged into (POST /{id}/merge), as found "
            + "at its registration: of the same enterprise and topic, or alike in wording, within the 30 days before it; at most 5, "
            + "most alike first.")
    public List<TicketApi.MergeCandidate> candidates(@PathParam("id") UUID id) {
        Ticket ticket = em.find(Ticket.class, id);
        if (ticket == null) {
            throw ProblemException.notFound("ticket", id);
        }
        return repeats.candidates(ticket);
    }
}
