package cn.hitech.servicedesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
            boolean urgent,
            @Size(max = 40) @Schema(description = "诉求分类（三级目录的末级代码，见 GET /api/tickets/topics）", example = "POWER_CONNECTION")
            String topicCode,
            @Size(max = 200) @Schema(description = "企业名称：未登记统一社会信用代码的来电企业可填写；已登记的以企业目录为准")
            String companyName,
            @Size(max = 40) @Schema(description = "12345 转办工单编号（12345转办渠道必填）", example = "SD12345202602130001")
            String externalNumber,
            @Schema(description = "12345 受理时间（12345转办渠道必填，带时区）") Instant externalReceivedAt) {
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
            @Schema(description = "主办单位代码") String department,
            @Schema(description = "主办单位名称") String departmentName,
            @Schema(description = "协办单位代码") List<String> assistingDepartments,
            @Schema(description = "建议承办单位代码（受理时由分派规则给出）；无匹配规则时为空") String suggestedDepartment,
            Deadlines deadlines,
            @Schema(description = "当前计时的时限：剩余工作分钟与红黄绿灯；无计时时限时为空") TicketDeadlines.Sla sla,
            @Schema(description = "时限涉及节假日安排未发布的年份时的提示；否则为空") String calendarWarning,
            @Schema(description = "挂起时间（挂起中）") Instant suspendedAt,
            @Schema(description = "待审批的延期申请（工作日）") Integer extensionDaysAsked,
            String extensionReason,
            @Schema(description = "已批准延期（工作日）") int extensionDaysGranted,
            String returnReason,
            @Schema(description = "答复内容（办结答复或直接答复）") String reply,
            String outcome,
            Satisfaction satisfaction,
            Boolean solved,
            @Schema(description = "重办次数") int reopenCount,
            @Schema(description = "来源项目问题（项目问题渠道的工单）；否则为空") UUID problemId,
            @Schema(description = "来源项目（项目问题渠道的工单）；否则为空") UUID projectId,
            @Schema(description = "催办次数") int urgeCount,
            @Schema(description = "最近催办时间") Instant lastUrgedAt,
            @Schema(description = "督办（未督办时为空）") Supervision supervision,
            @Schema(description = "诉求分类代码") String topicCode,
            @Schema(description = "诉求分类（一级 / 二级 / 三级）") String topicLabel,
            @Schema(description = "12345 转办工单编号") String externalNumber,
            @Schema(description = "12345 受理时间") Instant externalReceivedAt,
            @Schema(description = "并单：已并入的主工单；否则为空") TicketRef mergedInto,
            @Schema(description = "并单：并入本工单的重复工单，按并单时间先后") List<TicketRef> mergedChildren,
            @Schema(description = "重复诉求：受理时发现本工单重复的工单（所在重复簇的首张工单）与方式；否则为空") Repeat repeatOf,
            @Schema(description = "直接答复所用的知识库条目；否则为空") UUID knowledgeArticleId,
            @Schema(description = "抄送：受理时企业有服务专员的，抄送该专员；否则为空") String copiedTo,
            @Schema(description = "可并单的在办工单（同一企业同一诉求分类，或内容相似；至多 5 张，相似度高者在前）：仅在受理时给出，"
                    + "其他时候为空") List<MergeCandidate> mergeCandidates,
            long version,
            Instant createdAt,
            Instant updatedAt) implements Versioned {
    }

    @Schema(name = "TicketMergeCandidate", description = "可并单的在办工单：kind 为 SAME_TOPIC（同一企业同一诉求分类 30 日内）"
            + "或 SIMILAR_TEXT（标题与内容相似）；similarity 为内容相似度（0–1）")
    public record MergeCandidate(UUID id, String number, String title, TicketStatus status, String kind,
            @Schema(example = "0.42") java.math.BigDecimal similarity, Instant createdAt) {
    }

    @Schema(name = "TicketRef", description = "另一张工单：编号与 id")
    public record TicketRef(UUID id, String number) {
    }

    @Schema(name = "TicketRepeat", description = "重复诉求：所重复的工单与方式（SAME_TOPIC 同一企业同一分类 30 日内；SIMILAR_TEXT 内容相似）")
    public record Repeat(UUID id, String number, String kind, String kindLabel) {
    }

    @Schema(name = "TicketDeadlines", description = "时限（时刻，UTC）：签收、办结、回访；未开始计时的为空")
    public record Deadlines(Instant dispatchedAt, Instant signBy, Instant signedAt, Instant resolveBy, Instant resolvedAt,
            Instant callBackBy, Instant closedAt) {
    }

    @Schema(name = "DispatchTicket", description = "派单：主办单位与可选的协办单位")
    public record Dispatch(@NotBlank @Schema(example = "POWER_SUPPLY") String department, List<@NotBlank String> assistingDepartments,
            @Size(max = 1000) String note, Long version) {
    }

    @Schema(name = "TicketVersion", description = "只需所读版本的流转（签收、恢复办理、批准延期）")
    public record VersionOnly(Long version) {
    }

    @Schema(name = "ReturnTicket", description = "退单：理由必填")
    public record Return(@NotBlank @Size(max = 1000) String reason, Long version) {
    }

    @Schema(name = "RequestExtension", description = "申请延期：理由与工作日数")
    public record Extension(@NotNull @Min(1) @Max(10) Integer days, @NotBlank @Size(max = 1000) String reason, Long version) {
    }

    @Schema(name = "SuspendTicket", description = "挂起：等待企业补充材料等")
    public record Suspend(@NotBlank @Size(max = 1000) String reason, Long version) {
    }

    @Schema(name = "ResolveTicket", description = "办结：答复必填")
    public record Resolve(@NotBlank @Size(max = 4000) String reply, @Size(max = 1000) String outcome, Long version) {
    }

    @Schema(name = "CallBack", description = "回访：满意度与是否解决；不满意且未解决则重办")
    public record CallBack(@NotNull Satisfaction satisfaction, @NotNull Boolean solved, @Size(max = 1000) String note, Long version) {
    }

    @Schema(name = "AnswerTicket", description = "直接答复：受理时即答复并关闭；可引用已发布的知识库条目（articleId），"
            + "未填答复内容时以条目的答复为准")
    public record Answer(@Size(max = 4000) String answer, UUID articleId, Long version) {

        /** The operator's own words, citing no article. */
        public Answer(String answer, Long version) {
            this(answer, null, version);
        }
    }

    @Schema(name = "MergeTicket", description = "并单：把本工单（重复诉求）并入主工单（id 或工单编号）")
    public record Merge(@NotBlank @Size(max = 40) @Schema(example = "GD20260213000042") String parent, @Size(max = 1000) String reason,
            Long version) {
    }

    @Schema(name = "RefuseReturn", description = "驳回退单：理由必填；工单回到原承办单位，时限不变")
    public record RefuseReturn(@NotBlank @Size(max = 1000) String reason, Long version) {
    }

    @Schema(name = "RejectExtension", description = "驳回延期：理由必填；办结时限不变")
    public record RejectExtension(@NotBlank @Size(max = 1000) String reason, Long version) {
    }

    @Schema(name = "SupplyMaterial", description = "补充材料：挂起等待企业补充材料时提交，提交后工单自动恢复办理")
    public record SupplyMaterial(@NotBlank @Size(max = 4000) String text, @Size(max = 20) List<@NotNull @Valid Attachment> attachments,
            Long version) {
    }

    @Schema(name = "MaterialAttachment", description = "附件：名称与地址")
    public record Attachment(@NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 1000) @Pattern(regexp = "^https?://\\S+$", message = "附件地址须为 http(s) 网址") String url) {
    }

    @Schema(name = "TicketMaterial", description = "企业补充的材料；by 为提交方（企业 / 热线受理员代企业）")
    public record MaterialView(UUID id, String text, List<Attachment> attachments, String by, Instant submittedAt) {
    }

    @Schema(name = "TicketTimelineEntry", description = "工单公开进度：对企业可见的流转，不含内部理由与经办人姓名")
    public record TimelineEntry(Instant at, @Schema(example = "dispatch") String move, @Schema(example = "派单至供电公司") String text,
            @Schema(example = "热线受理员") String by, TicketStatus status, @Schema(example = "已派单") String statusLabel,
            @Schema(description = "代办：代哪家企业办理（统一社会信用代码）；企业自办或工作人员办理时为空") String onBehalfOf) {
    }

    @Schema(name = "TicketSupervision", description = "督办：开始时间、督办人、督办时限与说明")
    public record Supervision(Instant since, String by, Instant deadline, String note) {
    }

    @Schema(name = "UrgeTicket", description = "催办：说明可选")
    public record Urge(@Size(max = 1000) String note, Long version) {
    }

    @Schema(name = "SuperviseTicket", description = "督办：督办时限（时刻如 2026-02-16T17:30:00+08:00，或日期如 2026-02-16，"
            + "即当日下班时）须晚于当前时间；说明必填")
    public record Supervise(@NotBlank @Schema(example = "2026-02-16") String deadline, @NotBlank @Size(max = 1000) String note,
            Long version) {
    }

    @Schema(name = "TicketMove", description = "流转记录")
    public record MoveView(long id, String move, TicketStatus from, TicketStatus to, String department, String actor, String actorRole,
            Instant occurredAt, Map<String, Object> details,
            @Schema(description = "代办：actor 代其办理的企业（统一社会信用代码）；否则为空") String onBehalfOf) {
    }
}
