package cn.hitech.enterprise.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Versioned;

/** The API's records for 帮办代办 authorisations. */
public final class AgencyApi {

    private AgencyApi() {
    }

    @Schema(name = "GrantAuthorisation", description = "授权：COMMISSIONER 不给 agent 时为本企业当前的服务专员；HELPER 须给出帮办员账号")
    public record Grant(
            @NotBlank @Schema(enumeration = {"COMMISSIONER", "HELPER"}) String agentKind,
            @Schema(description = "代办人账号（1–64 位字母、数字或 ._@-）") String agent,
            @NotEmpty @Schema(description = "TICKETS / APPROVALS / POLICIES") List<@NotBlank String> scopes,
            @Schema(description = "只授权一件工单或一件事申请时其编号（UUID），此时 scopes 只能是 TICKETS 或 APPROVALS 之一") String reference,
            @Schema(description = "默认今天") LocalDate validFrom,
            @NotNull @Schema(description = "含当天，至多 validFrom 后一年") LocalDate validUntil) {
    }

    @Schema(name = "WithdrawAuthorisation")
    public record Withdraw(Long version, @Size(max = 500) String reason) {
    }

    @Schema(name = "AgencyAuthorisation", description = "帮办代办授权")
    public record AuthorisationView(UUID id, String creditCode, String enterpriseName, String agent, AgentKind agentKind,
            List<String> scopes, UUID reference, LocalDate validFrom, LocalDate validUntil, AuthorisationStatus status,
            @Schema(description = "未生效 / 有效 / 已过期 / 已撤回") String statusLabel, String grantedBy, Instant withdrawnAt,
            String withdrawnBy, String reason, long version) implements Versioned {

        static AuthorisationView of(AgencyAuthorisation a, String enterpriseName, LocalDate today) {
            AuthorisationStatus status = a.statusOn(today);
            return new AuthorisationView(a.id, a.creditCode.strip(), enterpriseName, a.agent, a.agentKind, a.scopeList(), a.reference,
                    a.validFrom, a.validUntil, status, status.label(), a.grantedBy, a.withdrawnAt, a.withdrawnBy, a.reason, a.version);
        }
    }
}
