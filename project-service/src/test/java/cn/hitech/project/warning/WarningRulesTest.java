package cn.hitech.project.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.project.registry.ProjectStatus;

/** The 红黄绿灯 rules on real dates around the 2026 Spring Festival (off 15–23 Feb; Sat 14 and Sat 28 Feb worked). */
class WarningRulesTest {

    private static final WarningConfig DEFAULTS = config(5);
    private final WarningRules rules = new WarningRules(WorkingCalendar.standard(), DEFAULTS, month -> month.plusMonths(1).atDay(10));

    private static WarningConfig config(int milestoneDueWorkingDays) {
        return new WarningConfig() {
            public int startRedMonths() {
                return 3;
            }

            public int investmentYellowPoints() {
                return 10;
            }

            public int investmentRedPoints() {
                return 30;
            }

            public int milestoneDueWorkingDays() {
                return milestoneDueWorkingDays;
            }

            public String every() {
                return "off";
            }
        };
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static ProjectFacts facts(ProjectStatus status, String plannedStart, String actualStart, String cumulative,
            List<ProjectFacts.OpenMilestone> milestones, List<ProjectFacts.OpenPackage> packages, boolean reported) {
        return new ProjectFacts(UUID.randomUUID(), "测试项目", status, plannedStart == null ? null : d(plannedStart), d("2026-12-31"),
                actualStart == null ? null : d(actualStart), new BigDecimal("100000.00"), new BigDecimal(cumulative), reported,
                milestones, packages);
    }

    private static ProjectFacts withMilestone(String planned) {
        return facts(ProjectStatus.SIGNED, null, null, "0", List.of(new ProjectFacts.OpenMilestone("开工", d(planned))), List.of(), true);
    }

    @Test
    void aMilestoneAfterTheFestivalIsDueSoonerThanTheCalendarSuggests() {
        // Fri 13 Feb → Tue 24 Feb: eleven calendar days, but only Sat 14 and Tue 24 are worked.
        List<WarningReason> reasons = rules.assess(withMilestone("2026-02-24"), d("2026-02-13"));
        assertEquals(1, reasons.size());
        assertEquals(WarningReason.Rule.MILESTONE_DUE, reasons.get(0).rule());
        assertEquals(WarningColour.YELLOW, reasons.get(0).colour());
        assertEquals("节点「开工」计划 2026-02-24，仅剩 2 个工作日", reasons.get(0).message());
        WarningRules strict = new WarningRules(WorkingCalendar.standard(), config(1), month -> month.plusMonths(1).atDay(10));
        assertTrue(strict.assess(withMilestone("2026-02-24"), d("2026-02-13")).isEmpty(), "2 working days left is outside a 1-day window");
        assertEquals("节点「开工」计划 2026-02-24，仅剩 1 个工作日", strict.assess(withMilestone("2026-02-24"), d("2026-02-14")).get(0).message());
        assertTrue(rules.assess(withMilestone("2026-03-10"), d("2026-02-13")).isEmpty());
    }

    @Test
    void anOverdueMilestoneIsRedAndCountsOnlyWorkingDays() {
        List<WarningReason> reasons = rules.assess(withMilestone("2026-02-13"), d("2026-02-24"));
        assertEquals(WarningColour.RED, WarningRules.colourOf(reasons));
        assertEquals("节点「开工」计划 2026-02-13，已逾期 2 个工作日", reasons.get(0).message());
        assertEquals(WarningReason.Rule.MILESTONE_OVERDUE, reasons.get(0).rule());
        assertEquals(WarningColour.YELLOW, WarningRules.colourOf(rules.assess(withMilestone("2026-02-13"), d("2026-02-13"))),
                "due today is not yet overdue");
    }

    @Test
    void notStartedInThePlannedMonthIsYellowThreeMonthsLateRed() {
        ProjectFacts late = facts(ProjectStatus.SIGNED, "2026-01-15", null, "0", List.of(), List.of(), true);
        assertTrue(rules.assess(late, d("2026-01-31")).isEmpty());
        assertEquals(List.of(new WarningReason(WarningReason.Rule.START_OVERDUE, WarningColour.YELLOW, "", "计划 2026-01 开工，尚未开工，已延误 1 个月")),
                rules.assess(late, d("2026-02-13")));
        assertEquals(WarningColour.YELLOW, WarningRules.colourOf(rules.assess(late, d("2026-03-31"))));
        assertEquals(WarningColour.RED, WarningRules.colourOf(rules.assess(late, d("2026-04-01"))));
        ProjectFacts started = facts(ProjectStatus.STARTED, "2026-01-15", "2026-03-02", "100000", List.of(), List.of(), true);
        assertTrue(rules.assess(started, d("2026-04-01")).stream().noneMatch(r -> r.rule() == WarningReason.Rule.START_OVERDUE));
    }

    @Test
    void investmentBehindTheScheduleCountedOnWorkingDays() {
        // Planned 5 Jan – 31 Dec 2026 is 246 working days; by 30 June 118 of them have passed: 48.0 % of the time.
        assertTrue(rules.assess(investing("40000"), d("2026-06-30")).isEmpty(), "8 points behind is fine");
        assertEquals("投资完成 30.0%，时序进度 48.0%，滞后 18.0 个百分点", only(investing("30000")).message());
        assertEquals(WarningColour.YELLOW, only(investing("18000")).colour(), "exactly 30 points is still yellow");
        assertEquals(WarningColour.RED, only(investing("15000")).colour());
        // By 27 Feb only 34 working days have passed (13.8 %), the festival not counting; by calendar days it would be 14.7 %.
        assertEquals("投资完成 0.0%，时序进度 13.8%，滞后 13.8 个百分点", rules.assess(investing("0"), d("2026-02-27")).get(0).message());
    }

    private ProjectFacts investing(String cumulative) {
        return new ProjectFacts(UUID.randomUUID(), "在建项目", ProjectStatus.STARTED, d("2026-01-05"), d("2026-12-31"), d("2026-01-05"),
                new BigDecimal("100000.00"), new BigDecimal(cumulative), true, List.of(), List.of());
    }

    private WarningReason only(ProjectFacts facts) {
        List<WarningReason> reasons = rules.assess(facts, d("2026-06-30"));
        assertEquals(1, reasons.size(), reasons.toString());
        return reasons.get(0);
    }

    @Test
    void overduePackagesAndMissingReportsAreYellow() {
        ProjectFacts p = facts(ProjectStatus.STARTED, "2025-11-03", "2025-11-03", "99000", List.of(),
                List.of(new ProjectFacts.OpenPackage("包落地开工", d("2026-02-13"))), false);
        List<WarningReason> onLockDay = rules.assess(p, d("2026-02-10"));
        assertEquals(List.of(), onLockDay);
        List<WarningReason> after = rules.assess(p, d("2026-02-24"));
        assertEquals(2, after.size(), after.toString());
        assertEquals("「包落地开工」应于 2026-02-13 完成，已逾期 2 个工作日", after.get(0).message());
        assertEquals("2026-01 月报未报（2026-02-10 截止）", after.get(1).message());
        assertEquals(WarningColour.YELLOW, WarningRules.colourOf(after));
        assertEquals(YearMonth.of(2026, 1).toString(), after.get(1).subject());
    }
}
