package cn.hitech.platform.events.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import cn.hitech.platform.events.Event;
import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.UnreadableEventException;

/**
 * 工单办结: the service desk resolved a ticket and replied. {@code problemId} is set when the ticket came from a
 * project problem ({@code project.problem.raised}), so the project service can close the problem with the reply.
 */
public record TicketResolved(
        UUID ticketId,
        String ticketNumber,
        String creditCode,
        UUID problemId,
        String reply,
        String resolvedBy,
        Instant occurredAt) implements Event {

    public static final EventType<TicketResolved> TYPE =
            new EventType<>("ticket.resolved", 1, Topics.TICKETS, "ticket", TicketResolved.class);

    public TicketResolved {
        if (ticketId == null || ticketNumber == null || occurredAt == null) {
            throw new UnreadableEventException("a ticket event needs ticketId, ticketNumber and occurredAt");
        }
    }

    @Override
    public String aggregateId() {
        return Objects.requireNonNull(ticketId).toString();
    }
}
