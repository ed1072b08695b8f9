package cn.hitech.enterprise.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Versioned;

/** The API's records for 免申即享 benefits. */
public final class BenefitApi {

    private BenefitApi() {
    }

    @Schema(name = "ConfirmAccount", description = "确认收款账户：户名须与企业名称一致")
    public record ConfirmAccount(@NotBlank @Size(max = 100) String bankName, @NotBlank @Size(max = 200) String accountName,
            @NotBlank @Pattern(regexp = "\\d{8,30}", message = "须为 8–30 位数字") String accountNumber, Long version) {
    }

    @Schema(name = "PayBenefit", description = "拨付：银行流水号等凭证号")
    public record Pay(@NotBlank @Size(max = 64) String reference, Long version) {
    }

    @Schema(name = "Payout", description = "拨付记录")
    public record Payout(BigDecimal amount, Instant paidAt, String reference) {
    }

    @Schema(name = "Benefit", description = "免申即享兑现")
    public record BenefitView(UUID id, UUID policyId, String policyName, String creditCode, String enterpriseName, String commissioner,
            BigDecimal amount, BenefitStatus status, String statusLabel, Instant offeredAt, String bankName, String accountName,
            @Schema(description = "账号（脱敏）") String accountNumber, Instant confirmedAt, Payout payout, long version) implements Versioned {
    }

    /** Keeps the last four digits of a bank account, as on a bank's own statement. */
    static String mask(String accountNumber) {
        if (accountNumber == null) {
            return null;
        }
        return "*".repeat(Math.max(0, accountNumber.length() - 4)) + accountNumber.substring(Math.max(0, accountNumber.length() - 4));
    }
}
