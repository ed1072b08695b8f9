package cn.hitech.servicedesk.ticket;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;

/** 工单: one request of an enterprise, followed from registration to call-back. */
@Entity
@Table(name = "ticket")
public class Ticket extends TrackedEntity {

    @Id
    public UUID id;

    /** 工单编号, e.g. {@code GD20261122000042}: what the hotline operator reads out to the caller. */
    public String number;

    @Enumerated(EnumType.STRING)
    public TicketChannel channel;

    @Enumerated(EnumType.STRING)
    public TicketCategory category;

    public String title;

    public String description;

    @Column(name = "enterprise_credit_code", columnDefinition = "bpchar")
    public String enterpriseCreditCode;

    /** 企业名称, 所属网格, 服务专员: taken from the enterprise directory when the ticket is registered, for routing. */
    @Column(name = "enterprise_name")
    public String enterpriseName;

    public String grid;

    public String commissioner;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_phone")
    public String contactPhone;

    public boolean urgent;

    @Enumerated(EnumType.STRING)
    public TicketStatus status;

    /** 主办单位: the department code the ticket is dispatched to; 协办单位 (comma-separated codes) help it. */
    @Column(name = "department_code")
    public String departmentCode;

    /** 建议承办单位: the department the matching routing rule suggested at registration; null when none matched. */
    @Column(name = "suggested_department")
    public String suggestedDepartment;

    @Column(name = "assisting_departments")
    public String assistingDepartments;

    @Column(name = "dispatched_at")
    public Instant dispatchedAt;

    /** 签收时限, 办结时限, 回访时限: the deadlines of the limits that have started. */
    @Column(name = "sign_by")
    public Instant signBy;

    @Column(name = "signed_at")
    public Instant signedAt;

    @Column(name = "resolve_by")
    public Instant resolveBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "call_back_by")
    public Instant callBackBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** 挂起: since when the resolve clock stands still; the working time paused so far, in minutes. */
    @Column(name = "suspended_at")
    public Instant suspendedAt;

    @Column(name = "paused_minutes")
    public long pausedMinutes;

    /** 延期: the working days asked for and not yet approved, the reason, and the days approved so far. */
    @Column(name = "extension_days_asked")
    public Integer extensionDaysAsked;

    @Column(name = "extension_reason")
    public String extensionReason;

    @Column(name = "extension_days_granted")
    public int extensionDaysGranted;

    @Column(name = "return_reason")
    public String returnReason;

    /** 答复: the reply to the enterprise (of the resolution, or the direct answer at intake), and the outcome. */
    public String reply;

    public String outcome;

    @Enumerated(EnumType.STRING)
    public Satisfaction satisfaction;

    public Boolean solved;

    @Column(name = "reopen_count")
    public int reopenCount;

    /** 项目问题: the project problem this ticket was taken up from (channel PROJECT_PROBLEM), and its project; else null. */
    @Column(name = "problem_id")
    public UUID problemId;

    @Column(name = "project_id")
    public UUID projectId;

    /** 催办: how often the ticket was urged, and when last. */
    @Column(name = "urge_count")
    public int urgeCount;

    @Column(name = "last_urged_at")
    public Instant lastUrgedAt;

    /** 督办: since when the ticket stands under supervision (null: not supervised), by whom, its own deadline, the note. */
    @Column(name = "supervised_at")
    public Instant supervisedAt;

    @Column(name = "supervised_by")
    public String supervisedBy;

    @Column(name = "supervise_by")
    public Instant superviseBy;

    @Column(name = "supervision_note")
    public String supervisionNote;

    /** 诉求分类: the code of a leaf topic of the 3-level catalogue; null for tickets registered before it. */
    @Column(name = "topic_code")
    public String topicCode;

    /** 12345转办: the 12345 hotline's own order number and the instant it was received there. */
    @Column(name = "external_number")
    public String externalNumber;

    @Column(name = "external_received_at")
    public Instant externalReceivedAt;

    /** 并单: the parent ticket this duplicate was merged into, and when; a merged child follows the parent's outcome. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "merged_at")
    public Instant mergedAt;

    /** 重复诉求: the earlier ticket this one repeats, found at intake, and how ({@code SAME_TOPIC} or {@code SIMILAR_TEXT}). */
    @Column(name = "repeat_of")
    public UUID repeatOf;

    @Column(name = "repeat_kind")
    public String repeatKind;

    /** 抄送: the service commissioner (服务专员) copied at registration, as the directory named them then; else null. */
    @Column(name = "copied_to")
    public String copiedTo;

    /** 直接答复: the knowledge-base article the answer was taken from; null when the operator wrote it. */
    @Column(name = "knowledge_article_id")
    public UUID knowledgeArticleId;
}
