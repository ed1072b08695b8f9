package cn.hitech.enterprise.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.enterprise.register.EnterpriseApi;
import cn.hitech.platform.messaging.Audit;

/** The 一企一档 (enterprise 360) as one answer. */
public final class ProfileApi {

    private ProfileApi() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EnterpriseProfile", description = "一企一档：企业档案、变更记录、经营数据、资质、项目、工单、一件事与证照")
    public record Profile(
            EnterpriseApi.EnterpriseView enterprise,
            @Schema(description = "最近的变更记录（谁、何时、改了什么）") List<Audit.Entry> recentChanges,
            @Schema(description = "经营数据，按年度倒序") List<Figures> figures,
            @Schema(description = "资质荣誉（含已过期、已撤销，标明状态）") List<Qualification> qualifications,
            Projects projects,
            Tickets tickets,
            Applications applications,
            @Schema(description = "一件事办结后取得的证照") List<Certificate> certificates,
            @Schema(description = "其他板块（培育评估、惠企政策、服务专员等），按板块名") Map<String, Object> sections,
            @Schema(description = "生成时间") Instant asOf) {
    }

    @Schema(name = "ProfileFigures")
    public record Figures(int year, BigDecimal revenue, BigDecimal rdSpend, BigDecimal highTechRevenue, Integer employees,
            Integer rdStaff) {
    }

    @Schema(name = "ProfileQualification")
    public record Qualification(UUID id, String kind, String level, int year, String certificateNumber, LocalDate validUntil,
            @Schema(description = "VALID 有效 / EXPIRED 已过期 / REVOKED 已撤销") String state) {
    }

    @Schema(name = "ProfileProjects", description = "企业的重大项目及红黄绿灯")
    public record Projects(int total, @Schema(description = "按预警颜色计数") Map<String, Integer> byColour, List<Project> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProfileProject")
    public record Project(UUID id, String name, String level, String industryChain, BigDecimal totalInvestment, String stage,
            String stageLabel, LocalDate stageOn, String warningColour, Object warningReasons) {
    }

    @Schema(name = "ProfileTickets", description = "企业的 8951234 工单及办理结果")
    public record Tickets(int total, int open, @Schema(description = "按状态计数") Map<String, Integer> byStatus, List<Ticket> recent) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProfileTicket")
    public record Ticket(UUID id, String number, String channel, String category, String status, String statusLabel,
            String department, Instant registeredAt, Instant resolvedAt, String reply) {
    }

    @Schema(name = "ProfileApplications", description = "企业的一件事申请")
    public record Applications(int total, @Schema(description = "按状态计数") Map<String, Integer> byStatus, List<Application> recent) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProfileApplication")
    public record Application(UUID id, String number, String thing, String thingName, String status, String statusLabel,
            String outcome, Object refusedItems, Instant submittedAt, Instant completedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProfileCertificate")
    public record Certificate(String number, UUID applicationId, String itemCode, String name, String issuer, LocalDate issuedOn,
            LocalDate validFrom, LocalDate validTo) {
    }

    @Schema(name = "ProfileRebuild", description = "一企一档重建结果")
    public record Rebuilt(long records, long applied, long unreadable, double seconds) {
    }
}
