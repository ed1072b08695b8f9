package cn.hitech.enterprise.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cn.hitech.platform.calendar.WorkingCalendar;

/** Builds the uptake report in a few grouped queries; working days to payment come from the platform calendar. */
@ApplicationScoped
public class PolicyReports {

    /** GB/T 4754-2017 门类. */
    private static final Map<String, String> SECTIONS = Map.ofEntries(Map.entry("A", "农、林、牧、渔业"), Map.entry("B", "采矿业"),
            Map.entry("C", "制造业"), Map.entry("D", "电力、热力、燃气及水生产和供应业"), Map.entry("E", "建筑业"), Map.entry("F", "批发和零售业"),
            Map.entry("G", "交通运输、仓储和邮政业"), Map.entry("H", "住宿和餐饮业"), Map.entry("I", "信息传输、软件和信息技术服务业"),
            Map.entry("J", "金融业"), Map.entry("K", "房地产业"), Map.entry("L", "租赁和商务服务业"), Map.entry("M", "科学研究和技术服务业"),
            Map.entry("N", "水利、环境和公共设施管理业"), Map.entry("O", "居民服务、修理和其他服务业"), Map.entry("P", "教育"),
            Map.entry("Q", "卫生和社会工作"), Map.entry("R", "文化、体育和娱乐业"), Map.entry("S", "公共管理、社会保障和社会组织"),
            Map.entry("T", "国际组织"));

    private static final String UPTAKE = """
            WITH u AS (
                SELECT m.credit_code, m.eligible, (b.id IS NOT NULL OR a.id IS NOT NULL) AS taken,
                       (COALESCE(b.status = 'PAID', false) OR COALESCE(a.status = 'PAID', false)) AS paid,
                       COALESCE(b.paid_amount, 0) + COALESCE(CASE WHEN a.status = 'PAID' THEN a.approved_amount END, 0) AS amount
                FROM policy_match m
                LEFT JOIN policy_benefit b ON b.policy_id = m.policy_id AND b.credit_code = m.credit_code
                LEFT JOIN policy_application a ON a.policy_id = m.policy_id AND a.credit_code = m.credit_code AND a.status <> 'REJECTED'
                WHERE m.eligible OR b.id IS NOT NULL OR a.id IS NOT NULL)
            SELECT %s AS k, count(*) FILTER (WHERE u.eligible), count(*) FILTER (WHERE u.taken), count(*) FILTER (WHERE u.paid), sum(u.amount)
            FROM u JOIN enterprise e ON e.credit_code = u.credit_code GROUP BY 1 ORDER BY 1""";

    private final EntityManager em;
    private final WorkingCalendar calendar;

    PolicyReports(EntityManager em, WorkingCalendar calendar) {
        this.em = em;
        this.calendar = calendar;
    }

    public PolicyReport report() {
        Map<UUID, double[]> days = workingDaysToPayment();
        @SuppressWarnings("unchecked")
        List<Object[]> policies = em.createNativeQuery("""
                SELECT p.id, p.name, p.mode, p.status,
                       (SELECT count(*) FROM policy_match m WHERE m.policy_id = p.id AND m.eligible),
                       (SELECT count(*) FROM policy_benefit b WHERE b.policy_id = p.id)
                         + (SELECT count(*) FROM policy_application a WHERE a.policy_id = p.id AND a.status <> 'REJECTED'),
                       (SELECT count(*) FROM policy_benefit b WHERE b.policy_id = p.id AND b.status = 'PAID')
                         + (SELECT count(*) FROM policy_application a WHERE a.policy_id = p.id AND a.status = 'PAID'),
                       COALESCE((SELECT sum(b.paid_amount) FROM policy_benefit b WHERE b.policy_id = p.id), 0)
                         + COALESCE((SELECT sum(a.approved_amount) FROM policy_application a WHERE a.policy_id = p.id AND a.status = 'PAID'), 0)
                FROM policy p WHERE p.status <> 'DRAFT' ORDER BY p.published_at DESC NULLS LAST, p.id""").getResultList();
        List<PolicyReport.ByPolicy> byPolicy = policies.stream().map(r -> {
            double[] d = days.get((UUID) r[0]);
            return new PolicyReport.ByPolicy((UUID) r[0], (String) r[1], PolicyMode.valueOf((String) r[2]), PolicyStatus.valueOf((String) r[3]),
                    count(r[4]), count(r[5]), count(r[6]), (BigDecimal) r[7], d == null ? null : Math.round(d[0] / d[1] * 10) / 10.0);
        }).toList();
        List<PolicyReport.Uptake> byIndustry = uptake("COALESCE(left(e.industry_code, 1), '-')").stream()
                .map(u -> new PolicyReport.Uptake(u.key(), SECTIONS.getOrDefault(u.key(), "未登记行业"), u.eligible(), u.taken(), u.paid(),
                        u.amountPaid())).toList();
        List<PolicyReport.Uptake> byGrid = uptake("COALESCE(e.grid, '未划分网格')");
        return new PolicyReport(byPolicy, byIndustry, byGrid);
    }

    private List<PolicyReport.Uptake> uptake(String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(UPTAKE.formatted(key)).getResultList();
        return rows.stream().map(r -> new PolicyReport.Uptake((String) r[0], (String) r[0], count(r[1]), count(r[2]), count(r[3]),
                (BigDecimal) r[4])).toList();
    }

    /** Per policy: the sum of working days from offer or application to payment, and how many were paid. */
    private Map<UUID, double[]> workingDaysToPayment() {
        @SuppressWarnings("unchecked")
        List<Object[]> paid = em.createNativeQuery("""
                SELECT policy_id, CAST(offered_at AT TIME ZONE 'Asia/Shanghai' AS date), CAST(paid_at AT TIME ZONE 'Asia/Shanghai' AS date)
                FROM policy_benefit WHERE status = 'PAID'
                UNION ALL
                SELECT policy_id, submitted_on, paid_on FROM policy_application WHERE status = 'PAID'""").getResultList();
        Map<UUID, double[]> days = new HashMap<>();
        for (Object[] r : paid) {
            double[] d = days.computeIfAbsent((UUID) r[0], k -> new double[2]);
            d[0] += calendar.workingDaysBetween(date(r[1]), date(r[2]));
            d[1]++;
        }
        return days;
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
