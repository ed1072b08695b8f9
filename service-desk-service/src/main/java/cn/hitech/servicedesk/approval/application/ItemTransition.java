package cn.hitech.servicedesk.approval.application;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The moves of an application item, written once as data: from which statuses each is allowed and where it leaves the
 * item. Anything else is refused (409 {@code TRANSITION_NOT_ALLOWED}, nothing changed).
 *
 * <table>
 * <caption>事项流转</caption>
 * <tr><th>move</th><th>from</th><th>to</th></tr>
 * <tr><td>start 受理分派 (the application's acceptance)</td><td>待受理</td><td>办理中</td></tr>
 * <tr><td>complete-step 通过环节 (approve, not the last step)</td><td>办理中</td><td>办理中, at the next step</td></tr>
 * <tr><td>approve 批准 (approve at the last step)</td><td>办理中</td><td>已批准</td></tr>
 * <tr><td>sign-off 会签</td><td>办理中</td><td>办理中 (the step completes when every named department signed)</td></tr>
 * <tr><td>refuse 不予许可</td><td>办理中, 待补正</td><td>不予许可</td></tr>
 * <tr><td>request-correction 要求补正</td><td>办理中</td><td>待补正 (this item's clock stops)</td></tr>
 * <tr><td>supply 补正材料</td><td>待补正</td><td>办理中 (the deadline moves on by the paused working time)</td></tr>
 * <tr><td>urge 催办, supervise 督办 (the job, at yellow and red)</td><td>办理中</td><td>stays</td></tr>
 * </table>
 */
public enum ItemTransition {
    START("受理分派", EnumSet.of(ItemStatus.WAITING), ItemStatus.IN_PROGRESS),
    COMPLETE_STEP("通过环节", EnumSet.of(ItemStatus.IN_PROGRESS), ItemStatus.IN_PROGRESS),
    APPROVE("审批通过", EnumSet.of(ItemStatus.IN_PROGRESS), ItemStatus.APPROVED),
    SIGN_OFF("会签", EnumSet.of(ItemStatus.IN_PROGRESS), ItemStatus.IN_PROGRESS),
    REFUSE("不予许可", EnumSet.of(ItemStatus.IN_PROGRESS, ItemStatus.CORRECTION), ItemStatus.REFUSED),
    REQUEST_CORRECTION("要求补正", EnumSet.of(ItemStatus.IN_PROGRESS), ItemStatus.CORRECTION),
    SUPPLY("补正材料", EnumSet.of(ItemStatus.CORRECTION), ItemStatus.IN_PROGRESS),
    URGE("催办", EnumSet.of(ItemStatus.IN_PROGRESS), ItemStatus.IN_PROGRESS),
    SUPERVISE("督办", EnumSet.of(ItemStatus.IN_PROGRESS), ItemStatus.IN_PROGRESS);

    private final String label;
    private final Set<ItemStatus> from;
    private final ItemStatus to;

    ItemTransition(String label, Set<ItemStatus> from, ItemStatus to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    public boolean allowedFrom(ItemStatus status) {
        return from.contains(status);
    }

    public ItemStatus to() {
        return to;
    }

    String fromLabels() {
        return from.stream().map(ItemStatus::label).collect(Collectors.joining("、"));
    }

    /** The name in URLs, events and the move history: {@code complete-step}, {@code request-correction} … */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
