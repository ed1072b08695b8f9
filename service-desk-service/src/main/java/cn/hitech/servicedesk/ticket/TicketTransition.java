package cn.hitech.servicedesk.ticket;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The moves of a ticket, written once as data: from which statuses each is allowed, and where it leaves the ticket.
 * Anything else is refused (409 {@code TRANSITION_NOT_ALLOWED}, nothing changed).
 *
 * <table>
 * <caption>工单流转</caption>
 * <tr><th>move</th><th>from</th><th>to</th></tr>
 * <tr><td>dispatch 派单</td><td>已受理, 已退单</td><td>已派单</td></tr>
 * <tr><td>answer 直接答复</td><td>已受理</td><td>已关闭</td></tr>
 * <tr><td>sign 签收</td><td>已派单</td><td>已签收</td></tr>
 * <tr><td>return 退单</td><td>已派单, 已签收</td><td>已退单</td></tr>
 * <tr><td>refuse-return 驳回退单</td><td>已退单</td><td>the status it was returned from (已派单 or 已签收)</td></tr>
 * <tr><td>extension 申请延期, approve-extension 批准延期, reject-extension 驳回延期</td><td>已签收</td><td>stays</td></tr>
 * <tr><td>suspend 挂起</td><td>已签收</td><td>已挂起</td></tr>
 * <tr><td>supply-material 补充材料</td><td>已挂起</td><td>stays (a resume follows at once)</td></tr>
 * <tr><td>resume 恢复办理</td><td>已挂起</td><td>已签收</td></tr>
 * <tr><td>resolve 办结</td><td>已签收</td><td>已办结</td></tr>
 * <tr><td>call-back 回访</td><td>已办结</td><td>已关闭</td></tr>
 * <tr><td>reopen 重办</td><td>已办结</td><td>已签收</td></tr>
 * <tr><td>urge 催办, supervise 督办</td><td>已派单, 已签收, 已挂起</td><td>stays</td></tr>
 * <tr><td>merge 并单</td><td>已受理, 已派单, 已签收, 已挂起, 已退单</td><td>已并单</td></tr>
 * <tr><td>parent-resolved 随主单办结</td><td>已并单</td><td>stays (the parent's reply recorded)</td></tr>
 * <tr><td>parent-closed 随主单关闭</td><td>已并单</td><td>已关闭</td></tr>
 * </table>
 * 重办 of a parent leaves its children where they stand: a closed child stays closed (its enterprise had the answer);
 * a child still 已并单 follows the parent's next 办结.
 */
public enum TicketTransition {
    DISPATCH("派单", EnumSet.of(TicketStatus.REGISTERED, TicketStatus.RETURNED), TicketStatus.DISPATCHED),
    /**
     * 驳回退单: the dispatcher refuses the return; the order goes back to the same department in the status it was
     * returned from, with the deadlines it had (the time spent returned is not given back). See {@link #restores()}.
     */
    REFUSE_RETURN("驳回退单", EnumSet.of(TicketStatus.RETURNED), null),
    ANSWER("直接答复", EnumSet.of(TicketStatus.REGISTERED), TicketStatus.CLOSED),
    SIGN("签收", EnumSet.of(TicketStatus.DISPATCHED), TicketStatus.SIGNED),
    RETURN("退单", EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.SIGNED), TicketStatus.RETURNED),
    EXTENSION("申请延期", EnumSet.of(TicketStatus.SIGNED), TicketStatus.SIGNED),
    APPROVE_EXTENSION("批准延期", EnumSet.of(TicketStatus.SIGNED), TicketStatus.SIGNED),
    /** 驳回延期: the pending request is cleared; the resolve deadline stands. */
    REJECT_EXTENSION("驳回延期", EnumSet.of(TicketStatus.SIGNED), TicketStatus.SIGNED),
    SUSPEND("挂起", EnumSet.of(TicketStatus.SIGNED), TicketStatus.SUSPENDED),
    /** 补充材料: the enterprise supplies what the suspension asked for; the ticket resumes in the same transaction. */
    SUPPLY_MATERIAL("补充材料", EnumSet.of(TicketStatus.SUSPENDED), TicketStatus.SUSPENDED),
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
    SUPERVISE("督办", EnumSet.of(TicketStatus.DISPATCHED, TicketStatus.SIGNED, TicketStatus.SUSPENDED), null),
    /** 并单: a duplicate still open (not resolved, not closed) goes into a parent ticket; its clocks stop. */
    MERGE("并单", EnumSet.of(TicketStatus.REGISTERED, TicketStatus.DISPATCHED, TicketStatus.SIGNED, TicketStatus.SUSPENDED,
            TicketStatus.RETURNED), TicketStatus.MERGED),
    /** 随主单办结: by the system, when the parent is resolved; the child records the parent's reply and stays merged. */
    PARENT_RESOLVED("随主单办结", EnumSet.of(TicketStatus.MERGED), TicketStatus.MERGED),
    /** 随主单关闭: by the system, when the parent closes (回访 or 直接答复). */
    PARENT_CLOSED("随主单关闭", EnumSet.of(TicketStatus.MERGED), TicketStatus.CLOSED);

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

    /**
     * Whether the move puts the ticket back where an earlier move took it from (驳回退单), rather than in a status of its
     * own: then the caller names that status, and it must be one the earlier move left.
     */
    public boolean restores() {
        return this == REFUSE_RETURN;
    }

    /** Where the ticket stands after the move from {@code from}: a move without a status of its own leaves it there. */
    public TicketStatus to(TicketStatus from) {
        return to == null ? from : to;
    }

    /** The statuses it leaves, in words: "已受理、已退单". */
    String fromLabels() {
        return from.stream().map(TicketStatus::label).collect(Collectors.joining("、"));
    }

    /** The move named {@code pathName} in the history; empty for a name this table does not know. */
    public static java.util.Optional<TicketTransition> byPathName(String pathName) {
        return java.util.Arrays.stream(values()).filter(t -> t.pathName().equals(pathName)).findFirst();
    }

    /** The name in URLs, events and the move history: {@code dispatch}, {@code approve-extension}, {@code call-back} … */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
