package cn.hitech.enterprise.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import cn.hitech.platform.calendar.WorkingCalendar;

/**
 * 政策匹配: evaluates a policy's rules for enterprises in one SQL statement (set-based: all 27,000 enterprises in one
 * INSERT … SELECT, or one enterprise when an event says it changed) and stores, per enterprise, whether it qualifies,
 * each rule's outcome with the enterprise's value, and the amount it would receive. Rules are compiled from their
 * validated form; every value from a rule is a bind parameter.
 */
@ApplicationScoped
public class PolicyMatcher {

    private final EntityManager em;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final PolicyJson json;
    private final BenefitOffers offers;

    PolicyMatcher(EntityManager em, Clock clock, WorkingCalendar calendar, PolicyJson json, BenefitOffers offers) {
        this.em = em;
        this.clock = clock;
        this.calendar = calendar;
        this.json = json;
        this.offers = offers;
    }

    /** Matches every enterprise of the register against {@code policy}; the number of enterprises matched. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int matchAll(Policy policy) {
        return compile(policy, null).executeUpdate();
    }

    /**
     * Re-matches enterprise {@code creditCode} against every published policy (a qualification gained, figures updated, a
     * project put into operation …) and offers the 免申即享 benefits it now qualifies for, once each.
     */
    @Transactional
    public void rematch(String creditCode) {
        List<Policy> published = em.createQuery("FROM Policy WHERE status = :status ORDER BY id", Policy.class)
                .setParameter("status", PolicyStatus.PUBLISHED).getResultList();
        for (Policy policy : published) {
            match(policy, creditCode);
        }
    }

    /** Matches one enterprise against one policy, offering the benefit of an AUTO policy in force when it qualifies. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void match(Policy policy, String creditCode) {
        compile(policy, creditCode).executeUpdate();
        if (policy.mode == PolicyMode.AUTO && policy.status == PolicyStatus.PUBLISHED && policy.inForceOn(calendar.today(clock))) {
            offers.offer(policy, creditCode);
        }
    }

    private Query compile(Policy policy, String creditCode) {
        List<EligibilityRule> rules = json.rules(policy.eligibility);
        Map<String, Object> params = new HashMap<>();
        params.put("policy", policy.id);
        params.put("today", calendar.today(clock));
        params.put("now", clock.instant());
        List<String> values = new ArrayList<>();
        List<String> judged = new ArrayList<>();
        List<String> explained = new ArrayList<>();
        explained.add("jsonb_build_object('type', 'OPERATING', 'met', j.status = 'OPERATING', 'actual', to_jsonb(j.status))");
        StringBuilder eligible = new StringBuilder("j.status = 'OPERATING'");
        for (int i = 0; i < rules.size(); i++) {
            EligibilityRule rule = rules.get(i);
            String v = "v" + i;
            String p = ":p" + i;
            String value;
            String met;
            String actual = "to_jsonb(j." + v + ")";
            boolean figure = false;
            switch (rule.kindOfRule()) {
                case INDUSTRY_IN -> {
                    params.put("p" + i, String.join(",", rule.codes().stream().map(code -> code + "%").toList()));
                    value = "b.industry_code";
                    met = "c." + v + " LIKE ANY (string_to_array(CAST(" + p + " AS text), ','))";
                }
                case SCALE -> {
                    params.put("p" + i, rule.scale());
                    value = "b.scale";
                    met = "c." + v + " = CAST(" + p + " AS text)";
                }
                case HAS_QUALIFICATION -> {
                    params.put("p" + i, rule.kind());
                    value = "(SELECT max(CASE q.level WHEN 'NATIONAL' THEN 3 WHEN 'PROVINCIAL' THEN 2 WHEN 'MUNICIPAL' THEN 1 ELSE 0 END)"
                            + " FROM enterprise_qualification q WHERE q.credit_code = b.credit_code AND q.kind = CAST(" + p + " AS text)"
                            + " AND q.revoked_at IS NULL AND (q.valid_until IS NULL OR q.valid_until >= CAST(:today AS date)))";
                    int minimum = rule.minLevel() == null ? 1 : PolicyRules.LEVELS.indexOf(rule.minLevel()) + 1;
                    met = "c." + v + " >= " + minimum;
                    actual = "to_jsonb(CASE j." + v + " WHEN 3 THEN 'NATIONAL' WHEN 2 THEN 'PROVINCIAL' WHEN 1 THEN 'MUNICIPAL' END)";
                }
                case REVENUE_AT_LEAST -> {
                    params.put("p" + i, rule.value());
                    value = "b.revenue";
                    met = "c." + v + " >= CAST(" + p + " AS numeric)";
                    figure = true;
                }
                case RD_RATIO_AT_LEAST -> {
                    params.put("p" + i, rule.value());
                    value = "CASE WHEN b.revenue > 0 THEN round(b.rd_spend * 100 / b.revenue, 2) END";
                    met = "c." + v + " >= CAST(" + p + " AS numeric)";
                    figure = true;
                }
                case EMPLOYEES_AT_LEAST -> {
                    params.put("p" + i, rule.value());
                    value = "b.employees";
                    met = "c." + v + " >= CAST(" + p + " AS numeric)";
                    figure = true;
                }
                case PROJECT_IN_STAGE -> {
                    params.put("p" + i, rule.stage());
                    value = "(SELECT count(*) FROM policy_project pp WHERE pp.owner_credit_code = b.credit_code"
                            + " AND pp.stage = CAST(" + p + " AS text))";
                    met = "c." + v + " > 0";
                }
                case YEARS_IN_ZONE_AT_LEAST -> {
                    params.put("p" + i, rule.value());
                    value = "CASE WHEN b.since IS NOT NULL THEN CAST(date_part('year', age(CAST(:today AS date), b.since)) AS integer) END";
                    met = "c." + v + " >= CAST(" + p + " AS numeric)";
                }
                default -> throw new IllegalStateException(rule.type());
            }
            values.add(value + " AS " + v);
            judged.add("COALESCE(" + met + ", false) AS m" + i);
            eligible.append(" AND j.m").append(i);
            explained.add("jsonb_build_object('index', " + i + ", 'type', '" + rule.kindOfRule().name() + "', 'met', j.m" + i
                    + ", 'actual', " + actual + (figure ? ", 'year', j.year" : "") + ")");
        }
        String one = creditCode == null ? "" : " WHERE %s.credit_code = CAST(:code AS bpchar)";
        if (creditCode != null) {
            params.put("code", creditCode);
        }
        String sql = "WITH latest AS (SELECT DISTINCT ON (f.credit_code) f.credit_code, f.year, f.revenue, f.rd_spend, f.employees"
                + " FROM enterprise_figures f" + one.formatted("f") + " ORDER BY f.credit_code, f.year DESC),"
                + " b AS (SELECT e.credit_code, e.status, e.industry_code, e.scale, COALESCE(e.entered_zone_on, e.established_on) AS since,"
                + " l.year, l.revenue, l.rd_spend, l.employees FROM enterprise e LEFT JOIN latest l ON l.credit_code = e.credit_code"
                + one.formatted("e") + "),"
                + " c AS (SELECT b.*, " + String.join(", ", values) + " FROM b),"
                + " j AS (SELECT c.*, " + String.join(", ", judged) + " FROM c)"
                + " INSERT INTO policy_match (policy_id, credit_code, eligible, explanation, amount, matched_at)"
                + " SELECT CAST(:policy AS uuid), j.credit_code, " + eligible + ", jsonb_build_array(" + String.join(", ", explained) + "), "
                + amount(policy.amount(), params) + ", CAST(:now AS timestamptz) FROM j"
                + " ON CONFLICT (policy_id, credit_code) DO UPDATE SET eligible = EXCLUDED.eligible, explanation = EXCLUDED.explanation,"
                + " amount = EXCLUDED.amount, matched_at = EXCLUDED.matched_at";
        Query query = em.createNativeQuery(sql);
        // A parameter the rules did not need (no date rule: no :today) must not be bound.
        params.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                query.setParameter(name, value);
            }
        });
        return query;
    }

    private static String amount(PolicyAmount amount, Map<String, Object> params) {
        if (PolicyAmount.FIXED.equals(amount.kind())) {
            params.put("amount", amount.value());
            return "CAST(:amount AS numeric)";
        }
        params.put("percent", amount.percent());
        String base = "REVENUE".equals(amount.base()) ? "j.revenue" : "j.rd_spend";
        String share = "round(" + base + " * CAST(:percent AS numeric) / 100, 2)";
        if (amount.cap() == null) {
            return share;
        }
        params.put("cap", amount.cap());
        return "LEAST(" + share + ", CAST(:cap AS numeric))";
    }
}
