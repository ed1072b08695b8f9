package cn.hitech.enterprise.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hitech.platform.web.Versioned;

/** The API's records for the policy catalogue and its matches. */
public final class PolicyApi {

    private PolicyApi() {
    }

    @Schema(name = "PolicyRequest", description = "政策内容（新建；修改时另带 version）")
    public record PolicyRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) @Schema(description = "发文单位") String issuer,
            @NotBlank @Size(max = 100) @Schema(description = "文号") String documentNumber,
            @NotNull LocalDate validFrom,
            @NotNull LocalDate validTo,
            @NotNull PolicyMode mode,
            @NotNull List<@NotNull @Valid EligibilityRule> eligibility,
            @NotNull @Valid PolicyAmount amount,
            Long version) {
    }

    /** The body of a move (publish, withdraw): only the version read, unless given as If-Match. */
    public record VersionOnly(Long version) {
    }

    @Schema(name = "Policy", description = "惠企政策")
    public record PolicyView(UUID id, String name, String issuer, String documentNumber, LocalDate validFrom, LocalDate validTo,
            PolicyMode mode, String modeLabel, PolicyStatus status, String statusLabel, List<EligibilityRule> eligibility,
            PolicyAmount amount, Instant publishedAt, long version) implements Versioned {
    }

    /** What publishing did: how many enterprises were matched, how many qualify, how many benefits were offered. */
    @Schema(name = "PolicyPublished")
    public record Published(PolicyView policy, long matched, long eligible, long offered) {
    }

    /** One rule's outcome for one enterprise: what was required, what the enterprise has, and a zh-CN sentence. */
    @Schema(name = "RuleOutcome", description = "条件是否满足及依据")
    public record RuleOutcome(Integer index, String type, boolean met, Object required, JsonNode actual, Integer year, String detail) {
    }

    @Schema(name = "PolicyMatch", description = "企业与政策的匹配结果")
    public record MatchView(UUID policyId, String policyName, PolicyMode mode, PolicyStatus policyStatus, String creditCode,
            String enterpriseName, Boolean eligible, BigDecimal amount, List<RuleOutcome> rules, Instant matchedAt) {
    }
}
