package cn.hitech.project.warning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.project.registry.ProjectStatus;

/**
 * 红黄绿灯 rules, computed — never typed — on the working-day calendar. Pure: the same facts, date and thresholds
 * always give the same reasons, so every rule is unit-tested on real dates.
 */
public final class WarningRules {

    private final WorkingCalendar calendar;
    private final WarningConfig config;
    private final Function<YearMonth, LocalDate> lockDate;

    /** {@code lockDate}: when a month's progress report is due at the latest (the month lock). */
    public WarningRules(WorkingCalendar calendar, WarningConfig config, Function<YearMonth, LocalDate> lockDate) {
        this.calendar = calendar;
        this.config = config;
        this.lockDate = lockDate;
    }

    public List<WarningReason> assess(ProjectFacts p, LocalDate asOf) {
        List<WarningReason> reasons = new ArrayList<>();
        startOverdue(p, asOf, reasons);
        investmentBehind(p, asOf, reasons);
        milestones(p, asOf, reasons);
        for (ProjectFacts.OpenPackage pkg : p.openPackages()) {
            if (pkg.dueDate() != null && pkg.dueDate().isBefore(asOf)) {
                reasons.add(new WarningReason(WarningReason.Rule.PACKAGE_OVERDUE, WarningColour.YELLOW, pkg.label(),
                        "「" + pkg.label() + "」应于 " + pkg.dueDate() + " 完成，已逾期 " + calendar.workingDaysBetween(pkg.dueDate(), asOf)
                                + " 个工作日"));
            }
        }
        reportMissing(p, asOf, reasons);
        return reasons;
    }

    public static WarningColour colourOf(List<WarningReason> reasons) {
        return reasons.stream().map(WarningReason::colour).reduce(WarningColour.GREEN, WarningColour::worse);
    }

    private void startOverdue(ProjectFacts p, LocalDate asOf, List<WarningReason> reasons) {
        if (p.plannedStart() == null || p.status().compareTo(ProjectStatus.STARTED) >= 0) {
            return;
        }
        long monthsLate = ChronoUnit.MONTHS.between(YearMonth.from(p.plannedStart()), YearMonth.from(asOf));
        if (monthsLate >= 1) {
            WarningColour colour = monthsLate >= config.startRedMonths() ? WarningColour.RED : WarningColour.YELLOW;
            reasons.add(new WarningReason(WarningReason.Rule.START_OVERDUE, colour, "",
                    "计划 " + YearMonth.from(p.plannedStart()) + " 开工，尚未开工，已延误 " + monthsLate + " 个月"));
        }
    }

    /** Time elapsed counts working days between the planned start and end; investment is the latest cumulative report. */
    private void investmentBehind(ProjectFacts p, LocalDate asOf, List<WarningReason> reasons) {
        if (p.status() != ProjectStatus.STARTED && p.status() != ProjectStatus.COMPLETED
                || p.plannedStart() == null || p.plannedEnd() == null || p.totalInvestment().signum() == 0 || !asOf.isAfter(p.plannedStart())) {
            return;
        }
        int span = Math.max(1, calendar.workingDaysBetween(p.plannedStart(), p.plannedEnd()));
        int elapsed = Math.min(span, calendar.workingDaysBetween(p.plannedStart(), asOf));
        BigDecimal timePercent = BigDecimal.valueOf(elapsed * 100L).divide(BigDecimal.valueOf(span), 1, RoundingMode.HALF_UP);
        BigDecimal investedPercent = p.cumulativeInvestment().multiply(BigDecimal.valueOf(100))
                .divide(p.totalInvestment(), 1, RoundingMode.HALF_UP);
        BigDecimal gap = timePercent.subtract(investedPercent);
        WarningColour colour = gap.compareTo(BigDecimal.valueOf(config.investmentRedPoints())) > 0 ? WarningColour.RED
                : gap.compareTo(BigDecimal.valueOf(config.investmentYellowPoints())) >= 0 ? WarningColour.YELLOW : WarningColour.GREEN;
        if (colour != WarningColour.GREEN) {
            reasons.add(new WarningReason(WarningReason.Rule.INVESTMENT_BEHIND, colour, "", "投资完成 " + investedPercent
                    + "%，时序进度 " + timePercent + "%，滞后 " + gap + " 个百分点"));
        }
    }

    private void milestones(ProjectFacts p, LocalDate asOf, List<WarningReason> reasons) {
        for (ProjectFacts.OpenMilestone m : p.openMilestones()) {
            if (m.plannedDate() == null) {
                continue;
            }
            if (m.plannedDate().isBefore(asOf)) {
                reasons.add(new WarningReason(WarningReason.Rule.MILESTONE_OVERDUE, WarningColour.RED, m.name(), "节点「" + m.name()
                        + "」计划 " + m.plannedDate() + "，已逾期 " + calendar.workingDaysBetween(m.plannedDate(), asOf) + " 个工作日"));
            } else {
                int left = calendar.workingDaysBetween(asOf, m.plannedDate());
                if (left <= config.milestoneDueWorkingDays()) {
                    reasons.add(new WarningReason(WarningReason.Rule.MILESTONE_DUE, WarningColour.YELLOW, m.name(), "节点「" + m.name()
                            + "」计划 " + m.plannedDate() + "，仅剩 " + left + " 个工作日"));
                }
            }
        }
    }

    private void reportMissing(ProjectFacts p, LocalDate asOf, List<WarningReason> reasons) {
        YearMonth previous = YearMonth.from(asOf).minusMonths(1);
        boolean building = p.status() == ProjectStatus.STARTED || p.status() == ProjectStatus.COMPLETED;
        if (building && p.actualStart() != null && !p.actualStart().isAfter(previous.atEndOfMonth()) && !p.previousMonthReported()
                && asOf.isAfter(lockDate.apply(previous))) {
            reasons.add(new WarningReason(WarningReason.Rule.REPORT_MISSING, WarningColour.YELLOW, previous.toString(),
                    previous + " 月报未报（" + lockDate.apply(previous) + " 截止）"));
        }
    }
}
