package cn.hitech.project.accountability;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The moves of a 五包 package, written once: 未开始 →start→ 推进中 →complete→ 已完成 →reopen→ 推进中. A package may also
 * be completed straight from 未开始: its goal can be met before anyone marked it begun (开工 fulfils 包落地开工 even
 * if nobody pressed "start"), and the stage that fulfils a package closes it through this same move. Reopening
 * needs a reason. Anything else (starting twice, completing a finished package, reopening an open one) is refused.
 */
public enum PackageTransition {
    START("开始推进", EnumSet.of(PackageStatus.NOT_STARTED), PackageStatus.IN_PROGRESS),
    COMPLETE("完成", EnumSet.of(PackageStatus.NOT_STARTED, PackageStatus.IN_PROGRESS), PackageStatus.DONE),
    REOPEN("重新打开", EnumSet.of(PackageStatus.DONE), PackageStatus.IN_PROGRESS);

    private final String label;
    private final Set<PackageStatus> from;
    private final PackageStatus to;

    PackageTransition(String label, Set<PackageStatus> from, PackageStatus to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    public boolean allowedFrom(PackageStatus status) {
        return from.contains(status);
    }

    public PackageStatus to() {
        return to;
    }

    /** The statuses it leaves, in words: "未开始、推进中". */
    String fromLabels() {
        return from.stream().map(PackageStatus::label).collect(Collectors.joining("、"));
    }

    /** The name in URLs and in the audit trail: {@code start}, {@code complete}, {@code reopen}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
