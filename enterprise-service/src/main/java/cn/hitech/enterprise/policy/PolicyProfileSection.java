package cn.hitech.enterprise.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.enterprise.profile.ProfileSection;

/**
 * 一企一档: the published policies the enterprise qualifies for (with the amount), its 免申即享 benefits and its 快申快享
 * applications, each with where it stands (offered, confirmed, paid …).
 */
@ApplicationScoped
class PolicyProfileSection implements ProfileSection {

    private static final int RECENT = 20;

    private final PolicyMatches matches;
    private final BenefitService benefits;
    private final ApplicationService applications;

    PolicyProfileSection(PolicyMatches matches, BenefitService benefits, ApplicationService applications) {
        this.matches = matches;
        this.benefits = benefits;
        this.applications = applications;
    }

    @Override
    public String name() {
        return "policies";
    }

    @Override
    public Object of(String creditCode) {
        List<PolicyApi.MatchView> eligible = matches.ofEnterprise(creditCode, true).stream()
                .filter(m -> Boolean.TRUE.equals(m.eligible())).toList();
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("eligible", eligible.stream().map(m -> Map.of("policyId", m.policyId(), "policyName", m.policyName(), "mode", m.mode(),
                "amount", m.amount() == null ? java.math.BigDecimal.ZERO : m.amount())).toList());
        part.put("benefits", benefits.ofEnterprise(creditCode));
        part.put("applications", applications.list(null, null, null, Optional.of(creditCode), 0, RECENT).items());
        return part;
    }
}
