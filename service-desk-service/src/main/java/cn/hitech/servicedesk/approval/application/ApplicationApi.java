package cn.hitech.servicedesk.approval.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Versioned;

/** Requests and answers of one-thing applications (一件事申请), their items and the licence library; never entities. */
public final class ApplicationApi {

    private ApplicationApi() {
    }

    // ---- requests

    @Schema(name = "SubmitApproval", description = "一表申请：一件事、表单答案；窗口代企业提交时须填 applicantCreditCode")
    public record Submit(
            @NotBlank @Size(max = 40) String thing,
            @NotNull Map<String, JsonNode> answers,
            @Schema(description = "关联项目（项目开工一件事）；不填时取表单 projectId") UUID projectId,
            @Schema(description = "申请企业的统一社会信用代码：窗口人员代办时必填；企业账号取自登录身份") String applicantCreditCode,
            @Schema(description = "是否到窗口现场提交（计跑动次数）；企业网上申请默认否，窗口代办默认是") Boolean inPerson) {
    }

    @Schema(name = "AcceptApproval", description = "预审通过，受理")
    public record Accept(Long version, @Size(max = 1000) String note) {
    }

    @Schema(name = "ApprovalCorrectionRequest", description = "一次性告知补正：列出全部需补正的材料（一次告知中的材料代码）")
    public record RequestCorrection(Long version, @NotEmpty List<@NotBlank String> materials, @Size(max = 1000) String note) {
    }

    @Schema(name = "ApprovalSupply", description = "补正材料：交齐所要求的材料；可同时修改表单答案")
    public record Supply(Long version, @NotNull List<@NotBlank String> materials,
            @Schema(description = "修改的表单答案（合并到原答案；null 删除该项）") Map<String, JsonNode> answers,
            @Schema(description = "是否到窗口现场提交（计跑动次数）") Boolean inPerson) {
    }

    @Schema(name = "ApprovalItemApprove", description = "通过当前环节；最后一个环节通过即批准事项并颁发证照")
    public record Approve(Long version,
            @Schema(description = "办理部门代码；不填为事项的承办部门") String department,
            @Schema(description = "部门内部意见，不向申请人显示") @Size(max = 1000) String note) {
    }

    @Schema(name = "ApprovalItemSignOff", description = "会签：当前环节的一个会签部门签署")
    public record SignOff(Long version, @NotBlank String department, @Size(max = 1000) String note) {
    }

    @Schema(name = "ApprovalItemRefuse", description = "不予许可，须说明理由（告知申请人）")
    public record Refuse(Long version, @NotBlank @Size(max = 1000) String reason, String department) {
    }

    @Schema(name = "ApprovalItemCorrection", description = "事项补正：暂停本事项计时，其他事项照常办理")
    public record ItemCorrection(Long version, @NotEmpty List<@NotBlank String> materials, @Size(max = 1000) String note) {
    }

    @Schema(name = "ApprovalItemSupply", description = "事项补正材料：交齐后恢复计时")
    public record ItemSupply(Long version, @NotNull List<@NotBlank String> materials, Boolean inPerson) {
    }

    // ---- answers

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalApplication", description = "一件事申请：状态、版本（ETag）、各事项办理情况、需申请人办理的事项、证照、结果告知")
    public record ApplicationView(UUID id, String number, String thing, String thingName, int thingVersion, long version,
            ApplicationStatus status, String statusLabel, String applicantCreditCode, String applicantName, UUID projectId,
            @Schema(description = "表单答案（身份证号已脱敏）") Map<String, Object> answers,
            @Schema(description = "跑动次数（实际到窗口次数）") int visits,
            Instant submittedAt, Instant acceptedAt, Instant completedAt,
            @Schema(description = "窗口一次性告知补正") Correction correction,
            @Schema(description = "一套材料及其状态") List<MaterialView> materials,
            List<ItemView> items,
            @Schema(description = "需要申请人办理的事：补正哪些材料") List<Asked> askedOfApplicant,
            List<CertificateView> certificates,
            @Schema(description = "结果告知") Map<String, Object> resultNotice,
            String calendarWarning) implements Versioned {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalApplicationItem", description = "事项：状态、环节、时限与红黄绿灯")
    public record ItemView(String code, String name, String department, String departmentName, ItemStatus status,
            String statusLabel, StepView currentStep, List<StepView> steps, int promisedDays, Instant startedAt, Instant dueBy,
            Sla sla, long pausedWorkingMinutes, Correction correction, String refusalReason, String certificate,
            String certificateNumber, Instant decidedAt, int urgeCount, Instant supervisedAt,
            @Schema(description = "部门内部意见（申请人不可见）") String internalNote) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalStepState")
    public record StepView(String code, String name, @Schema(description = "DONE / CURRENT / WAITING") String state,
            List<SignOffView> countersign) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalSignOff")
    public record SignOffView(String department, String departmentName, boolean signed, Instant signedAt) {
    }

    @Schema(name = "ApprovalSla")
    public record Sla(Instant deadline, long workingMinutesLeft, ApprovalDeadlines.Colour colour, boolean paused) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalCorrection")
    public record Correction(List<MaterialRef> materials, String note, Instant requestedAt, Instant suppliedAt) {
    }

    @Schema(name = "ApprovalMaterialRef")
    public record MaterialRef(String code, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalApplicationMaterial")
    public record MaterialView(String code, String name, String formLabel, int copies, List<String> items,
            @Schema(description = "SUBMITTED 随申请提交 / ASKED 待补正 / BY_CERTIFICATE 已有证照，免于提交") String state,
            String stateLabel, @Schema(description = "免于提交所依据的证照编号") String certificateNumber) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalAsked", description = "需申请人补正：整件事（窗口）或某个事项")
    public record Asked(@Schema(description = "APPLICATION 或事项代码") String scope, String itemName, List<MaterialRef> materials,
            String note, Instant since) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalCertificate", description = "证照库中的证照")
    public record CertificateView(String number, String kind, String itemCode, String thingCode, UUID applicationId,
            String holderCreditCode, String holderName, String issuer, String issuerDepartment, LocalDate issuedOn,
            LocalDate validFrom, @Schema(description = "为空表示长期有效") LocalDate validTo, boolean valid) {
    }

    @Schema(name = "ApprovalReusedMaterial", description = "证照免提交：申请人证照库中的有效证照已证明的材料")
    public record ReusedMaterial(String material, String materialName, String certificateNumber, String certificateKind,
            LocalDate validTo, @Schema(description = "已有证照，免于提交") String label) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalMoveView", description = "办理记录")
    public record MoveView(long id, String itemCode, String move, String from, String to, String step, String department,
            boolean visit, String actor, String actorRole, Instant occurredAt, Map<String, Object> details,
            @Schema(description = "代办：actor 代其办理的企业（统一社会信用代码）；否则不出现") String onBehalfOf) {
    }
}
