package cn.hitech.platform.events.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import cn.hitech.platform.events.Event;
import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.UnreadableEventException;

/**
 * 工单受理: the service desk registered a ticket, the first move of every ticket. {@code channel} and {@code category}
 * are the codes of the ticket API ({@code HOTLINE}, {@code REQUEST}, …); {@code topicCode} is the leaf of the 诉求分类
 * catalogue, if given. {@code creditCode} is null for an unregistered caller, who named the company in words
 * ({@code enterpriseName}). {@code copiedTo} is the enterprise's service commissioner (服务专员) copied (抄送) on it, and
 * {@code suggestedDepartment} the department the routing rules suggest (建议承办单位), each null when there is none. The
 * contact's phone is never in the event. Keyed by the ticket id, so its later moves ({@code ticket.status.changed})
 * follow it in order.
 */
public record TicketRegistered(
        UUID ticketId,
        String number,
        String channel,
        String category,
        String topicCode,
        String creditCode,
        String enterpriseName,
        String copiedTo,
        boolean urgent,
        String suggestedDepartment,
        Instant occurredAt) implements Event {

    public static final EventType<TicketRegistered> TYPE =
            new EventType<>("ticket.registered", 1, Topics.TICKETS, "ticket", TicketRegistered.class);

    public TicketRegistered {
        if (ticketId == null || number == null || channel == null || category == null || occurredAt == null) {
            throw new UnreadableEventException("a ticket registration needs ticketId, number, channel, category and occurredAt");
        }
    }

    @Override
    public String aggregateId() {
        return Objects.requireNonNull(ticketId).toString();
    }
}
