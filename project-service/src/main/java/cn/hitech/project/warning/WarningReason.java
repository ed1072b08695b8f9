package cn.hitech.project.warning;

/**
 * One reason a project is not green: the rule that fired, the colour it gives, what it is about ({@code subject}: a
 * milestone, a package, a month; empty for the project itself) and a zh-CN explanation.
 */
public record WarningReason(Rule rule, WarningColour colour, String subject, String message) {

    /** The warning rules (thresholds in {@link WarningConfig}). */
    public enum Rule {
        /** 未按期开工. */
        START_OVERDUE,
        /** 投资进度滞后于时序进度. */
        INVESTMENT_BEHIND,
        /** 节点临期. */
        MILESTONE_DUE,
        /** 节点逾期. */
        MILESTONE_OVERDUE,
        /** 包保任务逾期. */
        PACKAGE_OVERDUE,
        /** 月报未报. */
        REPORT_MISSING
    }

    /** What identifies a reason across recomputations; the message's counts (days late …) change daily and do not. */
    String key() {
        return rule + "/" + colour + "/" + subject;
    }
}
