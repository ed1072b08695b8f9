package cn.hitech.platform.events.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.hitech.platform.events.Event;
import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.UnreadableEventException;

/**
 * 工单流转: a ticket made one named {@code move} ({@code dispatch}, {@code sign}, {@code return}, {@code extension},
 * {@code approve-extension}, {@code suspend}, {@code resume}, {@code resolve}, {@code call-back}, {@code reopen},
 * {@code answer}) from status {@code from} to {@code to} (the codes of the ticket API: {@code REGISTERED},
 * {@code DISPATCHED}, …; equal when the move keeps the status, as an extension does). {@code department} is the 主办
 * department code after the move, {@code assistingDepartments} the 协办 ones; {@code signBy}, {@code resolveBy} and
 * {@code callBackBy} are the deadlines as they stand after it (null when that limit has not started). Keyed by the
 * ticket id, so a ticket's moves stay in order.
 */
public record TicketStatusChanged(
        UUID ticketId,
        String ticketNumber,
        String creditCode,
        String move,
        String from,
        String to,
        String department,
        List<String> assistingDepartments,
        Instant signBy,
        Instant resolveBy,
        Instant callBackBy,
        String actor,
        Instant occurredAt) implements Event {

    public static final EventType<TicketStatusChanged> TYPE =
            new EventType<>("ticket.status.changed", 1, Topics.TICKETS, "ticket", TicketStatusChanged.class);

    public TicketStatusChanged {
        if (ticketId == null || ticketNumber == null || move == null || from == null || to == null || occurredAt == null) {
            throw new UnreadableEventException("a ticket move needs ticketId, ticketNumber, move, from, to and occurredAt");
        }
        assistingDepartments = assistingDepartments == null ? List.of() : List.copyOf(assistingDepartments);
    }

    @Override
    public String aggregateId() {
        return Objects.requireNonNull(ticketId).toString();
    }
}
