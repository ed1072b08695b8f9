package cn.hitech.enterprise.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import cn.hitech.enterprise.register.EnterpriseScale;
import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;

/**
 * Checks a policy's eligibility rules and amount before they are stored, so that matching never meets a rule it cannot
 * evaluate. A bad rule is a 422 naming the rule's index and field ({@code eligibility[2].value}); nothing is stored.
 */
final class PolicyRules {

    /** GB/T 4754-2017: the 门类 letter (A–T), then up to four digits (大类, 中类, 小类). */
    private static final Pattern INDUSTRY_PREFIX = Pattern.compile("[A-T]\\d{0,4}");
    /** Qualification kinds are the codes of the qualification API (e.g. LITTLE_GIANT). */
    private static final Pattern QUALIFICATION_KIND = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    static final List<String> LEVELS = List.of("MUNICIPAL", "PROVINCIAL", "NATIONAL");
    /** The project statuses of project-service (see ProjectStatusChanged). */
    static final Set<String> PROJECT_STAGES = Set.of("RESERVE", "SIGNED", "STARTED", "COMPLETED", "IN_OPERATION", "AT_CAPACITY");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_RULES = 20;

    private PolicyRules() {
    }

    /** {@code kinds}: the codes of the qualification catalogue, so that a rule can only name a kind an enterprise can hold. */
    static void check(List<EligibilityRule> rules, PolicyAmount amount, Set<String> kinds) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (rules.isEmpty()) {
            errors.add(new Problem.FieldError("eligibility", "至少需要一条申报条件"));
        } else if (rules.size() > MAX_RULES) {
            errors.add(new Problem.FieldError("eligibility", "申报条件最多 " + MAX_RULES + " 条"));
        }
        for (int i = 0; i < rules.size(); i++) {
            checkRule("eligibility[" + i + "]", rules.get(i), kinds, errors);
        }
        if (!errors.isEmpty()) {
            throw rejected("POLICY_RULE_INVALID", errors);
        }
        checkAmount(amount, errors);
        if (!errors.isEmpty()) {
            throw rejected("POLICY_AMOUNT_INVALID", errors);
        }
    }

    private static ProblemException rejected(String code, List<Problem.FieldError> errors) {
        Problem.FieldError first = errors.get(0);
        return new ProblemException(422, code, Problem.titleFor(422), first.field() + "：" + first.message()
                + (errors.size() > 1 ? "（共 " + errors.size() + " 处错误）" : ""), errors);
    }

    private static void checkRule(String at, EligibilityRule rule, Set<String> kinds, List<Problem.FieldError> errors) {
        if (rule == null || rule.type() == null) {
            errors.add(new Problem.FieldError(at + ".type", "缺少条件类型"));
            return;
        }
        EligibilityRule.Type type;
        try {
            type = rule.kindOfRule();
        } catch (IllegalArgumentException unknown) {
            errors.add(new Problem.FieldError(at + ".type", "未知的条件类型 " + rule.type()));
            return;
        }
        switch (type) {
            case INDUSTRY_IN -> {
                if (rule.codes() == null || rule.codes().isEmpty()) {
                    errors.add(new Problem.FieldError(at + ".codes", "请给出至少一个国民经济行业分类代码（前缀）"));
                } else {
                    for (int c = 0; c < rule.codes().size(); c++) {
                        String code = rule.codes().get(c);
                        if (code == null || !INDUSTRY_PREFIX.matcher(code).matches()) {
                            errors.add(new Problem.FieldError(at + ".codes[" + c + "]",
                                    "不是 GB/T 4754-2017 行业代码前缀（门类字母 A–T 加至多 4 位数字）：" + code));
                        }
                    }
                }
            }
            case SCALE -> {
                if (rule.scale() == null || java.util.Arrays.stream(EnterpriseScale.values()).noneMatch(s -> s.name().equals(rule.scale()))) {
                    errors.add(new Problem.FieldError(at + ".scale", "企业规模须为 ABOVE_SCALE（规上）或 BELOW_SCALE（规下）"));
                }
            }
            case HAS_QUALIFICATION -> {
                if (rule.kind() == null || !QUALIFICATION_KIND.matcher(rule.kind()).matches()) {
                    errors.add(new Problem.FieldError(at + ".kind", "请给出资质类型代码（大写字母、数字、下划线）"));
                } else if (!kinds.contains(rule.kind())) {
                    errors.add(new Problem.FieldError(at + ".kind", "资质目录中没有类型 " + rule.kind()));
                }
                if (rule.minLevel() != null && !LEVELS.contains(rule.minLevel())) {
                    errors.add(new Problem.FieldError(at + ".minLevel", "最低级别须为 MUNICIPAL、PROVINCIAL 或 NATIONAL"));
                }
            }
            case REVENUE_AT_LEAST -> atLeast(at, rule.value(), false, null, errors);
            case RD_RATIO_AT_LEAST -> atLeast(at, rule.value(), false, HUNDRED, errors);
            case EMPLOYEES_AT_LEAST, YEARS_IN_ZONE_AT_LEAST -> atLeast(at, rule.value(), true, null, errors);
            case PROJECT_IN_STAGE -> {
                if (rule.stage() == null || !PROJECT_STAGES.contains(rule.stage())) {
                    errors.add(new Problem.FieldError(at + ".stage", "项目阶段须为 " + String.join("、", new java.util.TreeSet<>(PROJECT_STAGES)) + " 之一"));
                }
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    private static void atLeast(String at, BigDecimal value, boolean whole, BigDecimal max, List<Problem.FieldError> errors) {
        if (value == null || value.signum() < 0) {
            errors.add(new Problem.FieldError(at + ".value", "请给出不小于 0 的数值"));
        } else if (whole && value.stripTrailingZeros().scale() > 0) {
            errors.add(new Problem.FieldError(at + ".value", "须为整数"));
        } else if (max != null && value.compareTo(max) > 0) {
            errors.add(new Problem.FieldError(at + ".value", "不能大于 " + max));
        } else if (value.compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
            errors.add(new Problem.FieldError(at + ".value", "数值过大"));
        }
    }

    private static void checkAmount(PolicyAmount amount, List<Problem.FieldError> errors) {
        if (PolicyAmount.FIXED.equals(amount.kind())) {
            if (amount.value() == null || amount.value().signum() <= 0 || amount.value().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                errors.add(new Problem.FieldError("amount.value", "固定金额须大于 0 万元、不超过 100 万万元"));
            }
        } else if (PolicyAmount.PERCENT_OF.equals(amount.kind())) {
            if (!"RD_SPEND".equals(amount.base()) && !"REVENUE".equals(amount.base())) {
                errors.add(new Problem.FieldError("amount.base", "计算基数须为 RD_SPEND（研发投入）或 REVENUE（营业收入）"));
            }
            if (amount.percent() == null || amount.percent().signum() <= 0 || amount.percent().compareTo(HUNDRED) > 0) {
                errors.add(new Problem.FieldError("amount.percent", "比例须大于 0、不超过 100"));
            }
            if (amount.cap() != null && amount.cap().signum() <= 0) {
                errors.add(new Problem.FieldError("amount.cap", "封顶金额须大于 0 万元"));
            }
        } else {
            errors.add(new Problem.FieldError("amount.kind", "金额方式须为 FIXED（固定金额）或 PERCENT_OF（按比例）"));
        }
    }
}
