package cn.hitech.servicedesk.approval.application;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The moves of an application as a whole, as data. Anything else is refused (409 {@code TRANSITION_NOT_ALLOWED}).
 *
 * <table>
 * <caption>申请流转</caption>
 * <tr><th>move</th><th>from</th><th>to</th></tr>
 * <tr><td>submit 提交申请</td><td>(new)</td><td>已提交</td></tr>
 * <tr><td>accept 受理 (预审通过)</td><td>已提交</td><td>办理中: every applicable item starts at once</td></tr>
 * <tr><td>request-correction 一次性告知补正</td><td>已提交, and only once per application</td><td>待补正</td></tr>
 * <tr><td>supply 补正材料</td><td>待补正</td><td>已提交 (back to the clerk)</td></tr>
 * <tr><td>complete 办结 (by the system, when the last item is decided)</td><td>办理中</td><td>已办结 or 部分不予许可</td></tr>
 * </table>
 */
public enum ApplicationTransition {
    SUBMIT("提交申请", EnumSet.noneOf(ApplicationStatus.class)),
    ACCEPT("受理", EnumSet.of(ApplicationStatus.SUBMITTED)),
    REQUEST_CORRECTION("一次性告知补正", EnumSet.of(ApplicationStatus.SUBMITTED)),
    SUPPLY("补正材料", EnumSet.of(ApplicationStatus.CORRECTION_REQUESTED)),
    COMPLETE("办结", EnumSet.of(ApplicationStatus.IN_PROGRESS));

    private final String label;
    private final Set<ApplicationStatus> from;

    ApplicationTransition(String label, Set<ApplicationStatus> from) {
        this.label = label;
        this.from = from;
    }

    public String label() {
        return label;
    }

    public boolean allowedFrom(ApplicationStatus status) {
        return from.contains(status);
    }

    String fromLabels() {
        return from.stream().map(ApplicationStatus::label).collect(Collectors.joining("、"));
    }

    public String pathName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
