package cn.hitech.platform.events.approval;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import cn.hitech.platform.events.Event;
import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.UnreadableEventException;

/**
 * 一件事办理流转: an application, or one of its items ({@code itemCode} set), made one named {@code move}
 * ({@code submit}, {@code accept}, {@code request-correction}, {@code supply}, {@code complete}; for an item
 * {@code start}, {@code complete-step}, {@code approve}, {@code sign-off}, {@code refuse}, {@code request-correction},
 * {@code supply}, {@code urge}, {@code supervise}) from status {@code from} to {@code to} (the codes of the approvals
 * API; equal when the move keeps the status; {@code from} is {@code NEW} for {@code submit}). {@code step} is the item's step the move concerned, {@code department}
 * the department that made it (or owns the item), {@code dueBy} the item's deadline after the move. Keyed by the
 * application id, so the moves of one application stay in order.
 */
public record ApprovalStatusChanged(
        UUID applicationId,
        String applicationNumber,
        String thingCode,
        String applicantCreditCode,
        String itemCode,
        String move,
        String from,
        String to,
        String step,
        String department,
        Instant dueBy,
        String actor,
        Instant occurredAt) implements Event {

    public static final EventType<ApprovalStatusChanged> TYPE =
            new EventType<>("approval.status.changed", 1, Topics.APPROVALS, "approval", ApprovalStatusChanged.class);

    public ApprovalStatusChanged {
        if (applicationId == null || applicationNumber == null || move == null || from == null || to == null || occurredAt == null) {
            throw new UnreadableEventException("an approval move needs applicationId, applicationNumber, move, from, to and occurredAt");
        }
    }

    @Override
    public String aggregateId() {
        return Objects.requireNonNull(applicationId).toString();
    }
}
