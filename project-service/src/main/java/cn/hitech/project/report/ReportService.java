package cn.hitech.project.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import cn.hitech.project.registry.IndustryChain;
import cn.hitech.project.registry.ProjectLevel;
import cn.hitech.project.warning.ProjectWarning;
import cn.hitech.project.warning.WarningColour;
import cn.hitech.project.warning.WarningReason;

/**
 * The manager reports, each one or two aggregate queries over the current state (no per-project round trips), so
 * they stay fast at thousands of projects and tens of thousands of monthly reports (see {@code bench/}).
 */
@ApplicationScoped
public class ReportService {

    /** How investment can be grouped. */
    public enum GroupBy {
        INDUSTRY("industry_chain"),
        LEVEL("level"),
        DEPARTMENT("coalesce(p.department, '" + UNASSIGNED + "')"),
        LIST("l.name");

        private final String column;

        GroupBy(String column) {
            this.column = column;
        }
    }

    static final String UNASSIGNED = "未分配";

    private final EntityManager em;

    ReportService(EntityManager em) {
        this.em = em;
    }

    public ReportApi.RatesReport rates(ReportPeriod period) {
        Object[] r = (Object[]) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE planned_start BETWEEN ?1 AND ?2),
                       count(*) FILTER (WHERE planned_start BETWEEN ?1 AND ?2 AND actual_start <= ?2),
                       count(*) FILTER (WHERE planned_end BETWEEN ?1 AND ?2),
                       count(*) FILTER (WHERE planned_end BETWEEN ?1 AND ?2 AND actual_completion <= ?2),
                       count(*) FILTER (WHERE planned_end BETWEEN ?1 AND ?2 AND operation_date <= ?2)
                FROM project""").setParameter(1, period.from()).setParameter(2, period.to()).getSingleResult();
        long startDue = n(r[0]);
        long completionDue = n(r[2]);
        return new ReportApi.RatesReport(period, List.of(
                new ReportApi.RateRow("START", "开工率", startDue, n(r[1]), ReportPeriod.percent(n(r[1]), startDue)),
                new ReportApi.RateRow("COMPLETION", "竣工率", completionDue, n(r[3]), ReportPeriod.percent(n(r[3]), completionDue)),
                new ReportApi.RateRow("OPERATION", "投产率", completionDue, n(r[4]), ReportPeriod.percent(n(r[4]), completionDue))));
    }

    public ReportApi.InvestmentReport investment(ReportPeriod period, GroupBy by) {
        String from = by == GroupBy.LIST ? "project p CROSS JOIN LATERAL unnest(p.lists) AS l(name)" : "project p";
        // Three index probes per project on (project_id, month) — the latest report up to the period's end, before the
        // period, before the year — rather than sorting every report of every project three times.
        Query query = em.createNativeQuery("""
                SELECT %1$s, count(*), sum(p.total_investment), coalesce(sum(p.annual_planned_investment), 0),
                       coalesce(sum(e.c - coalesce(b.c, 0)), 0), coalesce(sum(e.c - coalesce(y.c, 0)), 0), coalesce(sum(e.c), 0)
                FROM %2$s
                LEFT JOIN LATERAL (SELECT cumulative_investment c FROM progress_report r
                                   WHERE r.project_id = p.id AND r.month <= ?2 ORDER BY r.month DESC LIMIT 1) e ON true
                LEFT JOIN LATERAL (SELECT cumulative_investment c FROM progress_report r
                                   WHERE r.project_id = p.id AND r.month < ?1 ORDER BY r.month DESC LIMIT 1) b ON true
                LEFT JOIN LATERAL (SELECT cumulative_investment c FROM progress_report r
                                   WHERE r.project_id = p.id AND r.month < ?3 ORDER BY r.month DESC LIMIT 1) y ON true
                GROUP BY 1 ORDER BY 3 DESC""".formatted(by.column, from));
        List<?> rows = query.setParameter(1, period.from()).setParameter(2, period.to().withDayOfMonth(1))
                .setParameter(3, period.from().withDayOfYear(1)).getResultList();
        List<ReportApi.InvestmentRow> result = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String group = (String) r[0];
            BigDecimal total = (BigDecimal) r[2];
            BigDecimal plan = (BigDecimal) r[3];
            BigDecimal thisYear = (BigDecimal) r[5];
            BigDecimal cumulative = (BigDecimal) r[6];
            result.add(new ReportApi.InvestmentRow(group, label(by, group), n(r[1]), total, plan, (BigDecimal) r[4], thisYear, cumulative,
                    ReportPeriod.percent(thisYear, plan), ReportPeriod.percent(cumulative, total)));
        }
        return new ReportApi.InvestmentReport(period, by.name(), result);
    }

    public ReportApi.MilestoneReport milestones(ReportPeriod period) {
        List<ReportApi.MilestoneRateRow> rows = milestoneRows(period);
        long due = rows.stream().mapToLong(ReportApi.MilestoneRateRow::due).sum();
        long onTime = rows.stream().mapToLong(ReportApi.MilestoneRateRow::onTime).sum();
        ReportApi.MilestoneRateRow total = new ReportApi.MilestoneRateRow("合计", due, onTime,
                rows.stream().mapToLong(ReportApi.MilestoneRateRow::late).sum(),
                rows.stream().mapToLong(ReportApi.MilestoneRateRow::overdue).sum(), ReportPeriod.percent(onTime, due));
        return new ReportApi.MilestoneReport(period, ReportApi.withTotal(rows, total));
    }

    private List<ReportApi.MilestoneRateRow> milestoneRows(ReportPeriod period) {
        List<?> rows = em.createNativeQuery("""
                SELECT coalesce(p.department, '%s'), count(*),
                       count(*) FILTER (WHERE m.actual_date <= m.baseline_date),
                       count(*) FILTER (WHERE m.actual_date > m.baseline_date),
                       count(*) FILTER (WHERE m.actual_date IS NULL)
                FROM milestone m JOIN project p ON p.id = m.project_id
                WHERE m.baseline_date BETWEEN ?1 AND ?2
                GROUP BY 1 ORDER BY 1""".formatted(UNASSIGNED)).setParameter(1, period.from()).setParameter(2, period.asOf()).getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new ReportApi.MilestoneRateRow((String) r[0], n(r[1]), n(r[2]), n(r[3]), n(r[4]), ReportPeriod.percent(n(r[2]), n(r[1])));
        }).toList();
    }

    public ReportApi.WarningListReport warnings(WarningColour only) {
        List<Object[]> rows = em.createQuery("""
                select w, p.name, p.level, p.department, p.leader, p.guarantor from ProjectWarning w, Project p
                where p.id = w.projectId and w.colour in :colours""", Object[].class)
                .setParameter("colours", only == null ? List.of(WarningColour.RED, WarningColour.YELLOW) : List.of(only)).getResultList();
        LocalDate asOf = null;
        List<ReportApi.WarningRow> result = new ArrayList<>();
        for (Object[] r : rows) {
            ProjectWarning w = (ProjectWarning) r[0];
            asOf = w.asOf;
            result.add(new ReportApi.WarningRow(w.projectId, (String) r[1], ((ProjectLevel) r[2]).label(), (String) r[3], (String) r[4],
                    (String) r[5], w.colour.name(), w.colour.label(), w.reasons.stream().map(WarningReason::message).toList()));
        }
        result.sort(Comparator.comparing((ReportApi.WarningRow w) -> WarningColour.valueOf(w.colour())).reversed()
                .thenComparing(ReportApi.WarningRow::projectName));
        return new ReportApi.WarningListReport(asOf, result);
    }

    public ReportApi.DepartmentScoreboard departments(ReportPeriod period) {
        Map<String, ReportApi.MilestoneRateRow> milestones = index(milestoneRows(period), ReportApi.MilestoneRateRow::department);
        Map<String, ReportApi.InvestmentRow> investment = index(investment(period, GroupBy.DEPARTMENT).rows(), ReportApi.InvestmentRow::group);
        List<?> rows = em.createNativeQuery("""
                SELECT coalesce(p.department, '%s'), count(*), count(p.actual_start),
                       count(*) FILTER (WHERE w.colour = 'RED'), count(*) FILTER (WHERE w.colour = 'YELLOW'),
                       coalesce(sum((SELECT count(*) FROM project_problem q WHERE q.project_id = p.id AND q.status = 'OPEN')), 0),
                       coalesce(sum((SELECT count(*) FROM work_package k WHERE k.project_id = p.id AND k.status <> 'DONE'
                                     AND k.due_date < ?1)), 0)
                FROM project p LEFT JOIN project_warning w ON w.project_id = p.id
                GROUP BY 1""".formatted(UNASSIGNED)).setParameter(1, period.asOf()).getResultList();
        List<ReportApi.DepartmentScore> scores = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String department = (String) r[0];
            long projects = n(r[1]);
            long red = n(r[3]);
            long yellow = n(r[4]);
            BigDecimal onTime = milestones.containsKey(department) ? milestones.get(department).onTimeRate() : null;
            BigDecimal annual = investment.containsKey(department) ? investment.get(department).annualCompletionRate() : null;
            scores.add(new ReportApi.DepartmentScore(0, department, projects, n(r[2]), red, yellow, onTime, annual, n(r[5]), n(r[6]),
                    score(onTime, annual, projects, red, yellow)));
        }
        scores.sort(Comparator.comparing(ReportApi.DepartmentScore::score).reversed().thenComparing(ReportApi.DepartmentScore::department));
        List<ReportApi.DepartmentScore> ranked = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            ReportApi.DepartmentScore s = scores.get(i);
            ranked.add(new ReportApi.DepartmentScore(i + 1, s.department(), s.projects(), s.started(), s.red(), s.yellow(),
                    s.milestoneOnTimeRate(), s.annualInvestmentRate(), s.openProblems(), s.overduePackages(), s.score()));
        }
        return new ReportApi.DepartmentScoreboard(period, ranked);
    }

    /** Weights in {@link ReportApi.DepartmentScore}; a rate that cannot be computed (nothing due) counts as full marks. */
    static BigDecimal score(BigDecimal onTimeRate, BigDecimal annualRate, long projects, long red, long yellow) {
        double milestones = onTimeRate == null ? 1 : onTimeRate.doubleValue() / 100;
        double investment = annualRate == null ? 1 : Math.min(1, annualRate.doubleValue() / 100);
        double health = projects == 0 ? 1 : 1 - (red + 0.5 * yellow) / projects;
        return BigDecimal.valueOf(40 * milestones + 40 * investment + 20 * health).setScale(1, RoundingMode.HALF_UP);
    }

    private static String label(GroupBy by, String group) {
        return switch (by) {
            case INDUSTRY -> IndustryChain.valueOf(group).label();
            case LEVEL -> ProjectLevel.valueOf(group).label();
            case DEPARTMENT, LIST -> group;
        };
    }

    private static <T> Map<String, T> index(List<T> rows, Function<T, String> key) {
        Map<String, T> map = new HashMap<>();
        rows.forEach(r -> map.put(key.apply(r), r));
        return map;
    }

    private static long n(Object count) {
        return ((Number) count).longValue();
    }
}
