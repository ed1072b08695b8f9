package cn.hitech.enterprise.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Versioned;

/** The API's records for 快申快享 applications. */
public final class ApplicationApi {

    private ApplicationApi() {
    }

    /** Warning colour against the time limit, as for tickets. */
    public enum Colour {
        GREEN, YELLOW, RED
    }

    @Schema(name = "PolicyApply", description = "申请：企业账户为本企业申请；工作人员代为申请时给出 creditCode")
    public record Apply(String creditCode) {
    }

    @Schema(name = "ApproveApplication")
    public record Approve(@NotNull @DecimalMin(value = "0.01", message = "须大于 0") BigDecimal amount, Long version) {
    }

    @Schema(name = "RejectApplication")
    public record Reject(@NotBlank @Size(max = 500) String reason, Long version) {
    }

    @Schema(name = "PayApplication")
    public record Pay(@NotBlank @Size(max = 64) String reference, Long version) {
    }

    @Schema(name = "PolicyApplication", description = "快申快享申请")
    public record ApplicationView(UUID id, UUID policyId, String policyName, String creditCode, String enterpriseName,
            ApplicationStatus status, String statusLabel, Instant submittedAt, LocalDate submittedOn,
            @Schema(description = "兑现时限（工作日计）") LocalDate dueOn, Integer workingDaysLeft, Colour colour,
            BigDecimal entitledAmount, BigDecimal approvedAmount, String rejectReason, Instant decidedAt, BenefitApi.Payout payout,
            Boolean paidInTime, long version) implements Versioned {
    }
}
