package cn.hitech.servicedesk.ticket;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The moves of a ticket, written once: 受理 →dispatch→ 派单 →sign→ 签收 →resolve→ 办结 →call-back→ 关闭. Side paths:
 * 直接答复 closes a ticket at intake; 退单 sends a dispatched order back to the dispatcher, who dispatches it again;
 * 挂起 / 恢复 pause and resume the resolve clock; 延期 is asked for and approved while the department handles it (the
 * status stays 签收); an unsatisfied, unsolved 回访 reopens it (重办) to the same department. 催办 (urge) and 督办
 * (supervise) are a manager's moves on a ticket in hand that leave its status where it stands. Anything else is refused.
 */
public enum TicketTransition {
    DISPATCH("派单", EnumSet.of(TicketStatus.REGISTERED, TicketStatus.RETURNED), TicketStatus.DISPATCHED),
    ANSWER("直接答复", EnumSet.of(TicketStatus.REGISTERED), TicketStatus.CLOSED),
    SIGN("签收", EnumSet.of(TicketStatus.DISPATCHED), TicketStatus.SIGNED),
    RETURN("退单", EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.SIGNED), TicketStatus.RETURNED),
    EXTENSION("申请延期", EnumSet.of(TicketStatus.SIGNED), TicketStatus.SIGNED),
    APPROVE_EXTENSION("批准延期", EnumSet.of(TicketStatus.SIGNED), TicketStatus.SIGNED),
    SUSPEND("挂起", EnumSet.of(TicketStatus.SIGNED), TicketStatus.SUSPENDED),
    RESUME("恢复办理", EnumSet.of(TicketStatus.SUSPENDED), TicketStatus.SIGNED),
    RESOLVE("办结", EnumSet.of(TicketStatus.SIGNED), TicketStatus.RESOLVED),
    CALL_BACK("回访", EnumSet.of(TicketStatus.RESOLVED), TicketStatus.CLOSED),
    /**
     * 重办: reached through the call-back endpoint when the enterprise is unsatisfied and the matter unsolved, or by the
     * system when the project problem the ticket resolved is opened again ({@code project.problem.reopened}).
     */
    REOPEN("重办", EnumSet.of(TicketStatus.RESOLVED), TicketStatus.SIGNED),
    /** 催办: a manager (or the supervision job at yellow) presses the department; the status stays, a count goes up. */
    URGE("催办", EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.SIGNED, TicketStatus.SUSPENDED), null),
    /** 督办: a manager (or the job at red, or a 3rd handling) puts the ticket under supervision with a deadline of its own. */
    SUPERVISE("督办", EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.SIGNED, TicketStatus.SUSPENDED), null);

    private final String label;
    private final Set<TicketStatus> from;
    private final TicketStatus to;

    TicketTransition(String label, Set<TicketStatus> from, TicketStatus to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    public boolean allowedFrom(TicketStatus status) {
        return from.contains(status);
    }

    /** Where the ticket stands after the move from {@code from}: a move without a status of its own leaves it there. */
    public TicketStatus to(TicketStatus from) {
        return to == null ? from : to;
    }

    /** The statuses it leaves, in words: "已受理、已退单". */
    String fromLabels() {
        return from.stream().map(TicketStatus::label).collect(Collectors.joining("、"));
    }

    /** The name in URLs, events and the move history: {@code dispatch}, {@code approve-extension}, {@code call-back} … */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
