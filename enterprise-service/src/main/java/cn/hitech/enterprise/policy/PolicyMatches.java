package cn.hitech.enterprise.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hitech.enterprise.register.EnterpriseScale;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.Timestamps;

/** Reads the stored matches and explains them rule by rule, with the rule's requirement and the enterprise's value. */
@ApplicationScoped
public class PolicyMatches {

    private static final Map<String, String> LEVEL_LABELS = Map.of("MUNICIPAL", "市级", "PROVINCIAL", "省级", "NATIONAL", "国家级");
    /** The project stages of project-service's events (project.status.changed), as its users name them. */
    private static final Map<String, String> STAGE_LABELS = Map.of("RESERVE", "储备", "SIGNED", "签约", "STARTED", "开工",
            "COMPLETED", "竣工", "IN_OPERATION", "投产", "AT_CAPACITY", "达效");
    private static final long KIND_NAMES_TTL_NANOS = 60_000_000_000L;

    private final EntityManager em;
    private final PolicyService policies;
    private final PolicyJson json;
    private final cn.hitech.enterprise.register.IndustryCatalogue industries;
    private volatile Map<String, String> kindNames = Map.of();
    private volatile long kindNamesRead;

    PolicyMatches(EntityManager em, PolicyService policies, PolicyJson json, cn.hitech.enterprise.register.IndustryCatalogue industries) {
        this.em = em;
        this.policies = policies;
        this.json = json;
        this.industries = industries;
    }

    /** The matches of a policy, eligible ones or not ({@code eligible} null: both), by credit code; an enterprise sees its own. */
    public PageView<PolicyApi.MatchView> ofPolicy(UUID policyId, Boolean eligible, Optional<String> scope, int page, int size) {
        Policy policy = policies.find(policyId, false);
        if (scope.isPresent() && policy.status != PolicyStatus.PUBLISHED) {
            throw ProblemException.notFound("policy", policyId);
        }
        String where = " WHERE m.policy_id = :policy" + (eligible == null ? "" : " AND m.eligible = :eligible")
                + (scope.isPresent() ? " AND m.credit_code = CAST(:scope AS bpchar)" : "");
        Query rows = em.createNativeQuery("SELECT m.credit_code, e.name, m.eligible, m.amount, m.explanation::text, m.matched_at"
                + " FROM policy_match m JOIN enterprise e ON e.credit_code = m.credit_code" + where
                + " ORDER BY m.credit_code LIMIT :size OFFSET :skip");
        Query count = em.createNativeQuery("SELECT count(*) FROM policy_match m" + where);
        for (Query q : List.of(rows, count)) {
            q.setParameter("policy", policyId);
            if (eligible != null) {
                q.setParameter("eligible", eligible);
            }
            scope.ifPresent(code -> q.setParameter("scope", code));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.setParameter("size", size).setParameter("skip", (long) page * size).getResultList();
        List<EligibilityRule> rules = json.rules(policy.eligibility);
        List<PolicyApi.MatchView> items = found.stream().map(r -> new PolicyApi.MatchView(policy.id, policy.name, policy.mode,
                policy.status, ((String) r[0]).strip(), (String) r[1], (Boolean) r[2], (BigDecimal) r[3], explain(rules, (String) r[4]),
                Timestamps.instant(r[5]))).toList();
        return new PageView<>(items, page, size, ((Number) count.getSingleResult()).longValue());
    }

    /**
     * Every published policy, and for staff the withdrawn ones too, with this enterprise's outcome: eligible or not and
     * why (null when it was never matched, e.g. registered while the policy was withdrawn).
     */
    public List<PolicyApi.MatchView> ofEnterprise(String creditCode, boolean publishedOnly) {
        List<Policy> all = em.createQuery("FROM Policy WHERE status IN :statuses ORDER BY publishedAt DESC, id", Policy.class)
                .setParameter("statuses", publishedOnly ? List.of(PolicyStatus.PUBLISHED) : List.of(PolicyStatus.PUBLISHED, PolicyStatus.WITHDRAWN))
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("SELECT m.policy_id, m.eligible, m.amount, m.explanation::text, m.matched_at"
                + " FROM policy_match m WHERE m.credit_code = CAST(:code AS bpchar)").setParameter("code", creditCode).getResultList();
        Map<UUID, Object[]> byPolicy = found.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> r));
        List<PolicyApi.MatchView> views = new ArrayList<>();
        for (Policy p : all) {
            Object[] r = byPolicy.get(p.id);
            views.add(r == null
                    ? new PolicyApi.MatchView(p.id, p.name, p.mode, p.status, creditCode, null, null, null, List.of(), null)
                    : new PolicyApi.MatchView(p.id, p.name, p.mode, p.status, creditCode, null, (Boolean) r[1], (BigDecimal) r[2],
                            explain(json.rules(p.eligibility), (String) r[3]), Timestamps.instant(r[4])));
        }
        return views;
    }

    List<PolicyApi.RuleOutcome> explain(List<EligibilityRule> rules, String stored) {
        List<PolicyApi.RuleOutcome> outcomes = new ArrayList<>();
        for (JsonNode item : json.tree(stored)) {
            boolean met = item.path("met").asBoolean();
            JsonNode actual = item.path("actual").isMissingNode() ? null : item.get("actual");
            Integer year = item.hasNonNull("year") ? item.get("year").asInt() : null;
            if (!item.has("index")) {
                String status = actual == null || actual.isNull() ? "未知" : actual.asText();
                outcomes.add(new PolicyApi.RuleOutcome(null, "OPERATING", met, "OPERATING", actual,
                        null, met ? "经营状态：在营，满足" : "经营状态：" + status + "，非在营企业不享受政策"));
                continue;
            }
            int index = item.get("index").asInt();
            EligibilityRule rule = rules.get(index);
            EligibilityRule.Type type = rule.kindOfRule();
            outcomes.add(new PolicyApi.RuleOutcome(index, type.name(), met, required(rule), actual, year,
                    type.label + "：要求" + requiredText(rule) + "；实际" + actualText(type, actual)
                            + (year == null ? "" : "（" + year + " 年）") + (met ? "，满足" : "，不满足")));
        }
        return outcomes;
    }

    /** The missed rules of a stored explanation, for a 422 that tells an applicant why. */
    List<PolicyApi.RuleOutcome> missed(List<EligibilityRule> rules, String stored) {
        return explain(rules, stored).stream().filter(o -> !o.met()).toList();
    }

    private static Object required(EligibilityRule rule) {
        return switch (rule.kindOfRule()) {
            case INDUSTRY_IN -> rule.codes();
            case SCALE -> rule.scale();
            case HAS_QUALIFICATION -> rule.minLevel() == null ? Map.of("kind", rule.kind()) : Map.of("kind", rule.kind(), "minLevel", rule.minLevel());
            case PROJECT_IN_STAGE -> rule.stage();
            default -> rule.value();
        };
    }

    /**
     * The name of a qualification kind (an explanation names 高新技术企业, not HIGH_TECH): from a map read again at most
     * once a minute, so a page of matches does not read the catalogue once per row; a kind added since is read at once.
     */
    private String kindName(String code) {
        Map<String, String> names = kindNames;
        if (System.nanoTime() - kindNamesRead > KIND_NAMES_TTL_NANOS || !names.containsKey(code)) {
            Map<String, String> read = new java.util.HashMap<>();
            for (Object row : em.createNativeQuery("SELECT code, name FROM qualification_kind").getResultList()) {
                Object[] cells = (Object[]) row;
                read.put((String) cells[0], (String) cells[1]);
            }
            kindNames = names = Map.copyOf(read);
            kindNamesRead = System.nanoTime();
        }
        return names.getOrDefault(code, code);
    }

    private String requiredText(EligibilityRule rule) {
        return switch (rule.kindOfRule()) {
            case INDUSTRY_IN -> "属于 " + String.join("、", rule.codes().stream()
                    .map(code -> industries.label(code).map(label -> code + " " + label).orElse(code)).toList());
            case SCALE -> EnterpriseScale.valueOf(rule.scale()).label();
            case HAS_QUALIFICATION -> "持有" + kindName(rule.kind())
                    + (rule.minLevel() == null ? "" : "（" + LEVEL_LABELS.get(rule.minLevel()) + "及以上）");
            case PROJECT_IN_STAGE -> "有项目处于" + STAGE_LABELS.getOrDefault(rule.stage(), rule.stage()) + "阶段";
            default -> " ≥ " + rule.value().stripTrailingZeros().toPlainString();
        };
    }

    private static String actualText(EligibilityRule.Type type, JsonNode actual) {
        if (type == EligibilityRule.Type.HAS_QUALIFICATION) {
            return actual == null || actual.isNull() ? "未持有（或已过期、已撤销）" : "持有" + LEVEL_LABELS.get(actual.asText());
        }
        if (actual == null || actual.isNull()) {
            return "无数据";
        }
        return switch (type) {
            case SCALE -> " " + EnterpriseScale.valueOf(actual.asText()).label();
            case PROJECT_IN_STAGE -> " " + actual.asText() + " 个项目";
            default -> " " + actual.asText();
        };
    }
}
