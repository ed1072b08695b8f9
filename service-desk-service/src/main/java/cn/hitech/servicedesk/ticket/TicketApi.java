package cn.hitech.servicedesk.ticket;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.domain.Masking;
import cn.hitech.platform.domain.ValidCreditCode;
import cn.hitech.platform.web.Versioned;

/** The request and response shapes of tickets. */
public final class TicketApi {

    private TicketApi() {
    }

    @Schema(name = "RegisterTicket", description = "受理工单")
    public record RegisterTicket(
            @NotNull TicketChannel channel,
            @NotNull TicketCategory category,
            @NotBlank @Size(max = 200) @Schema(example = "新建厂房用电报装进度咨询") String title,
            @NotBlank @Size(max = 4000) String description,
            @ValidCreditCode String enterpriseCreditCode,
            @Size(max = 50) String contactName,
            @Pattern(regexp = "^[0-9+\\-]{5,20}$", message = "联系电话格式不正确") @Schema(example = "13812345678") String contactPhone,
            boolean urgent) {
    }

    @Schema(name = "Ticket", description = "工单；联系电话已脱敏")
    public record TicketView(
            UUID id,
            @Schema(example = "GD20261122000042") String number,
            TicketChannel channel,
            String channelLabel,
            TicketCategory category,
            String categoryLabel,
            String title,
            String description,
            String enterpriseCreditCode,
            @Schema(description = "企业名称（来自本地企业目录）") String enterpriseName,
            @Schema(description = "所属网格") String grid,
            @Schema(description = "服务专员") String commissioner,
            String contactName,
            @Schema(example = "138****5678") String contactPhone,
            boolean urgent,
            TicketStatus status,
            @Schema(example = "已受理") String statusLabel,
            long version,
            Instant createdAt,
            Instant updatedAt) implements Versioned {

        static TicketView of(Ticket t) {
            return new TicketView(t.id, t.number, t.channel, t.channel.label(), t.category, t.category.label(), t.title,
                    t.description, t.enterpriseCreditCode, t.enterpriseName, t.grid, t.commissioner, t.contactName, Masking.phone(t.contactPhone), t.urgent, t.status,
                    t.status.label(), t.version, t.createdAt, t.updatedAt);
        }
    }
}
