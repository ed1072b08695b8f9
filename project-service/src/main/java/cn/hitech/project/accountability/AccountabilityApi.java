package cn.hitech.project.accountability;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Versioned;
import cn.hitech.project.registry.ProjectApi;

public final class AccountabilityApi {

    static final String VERSION = "读取时的版本号（必填，或用 If-Match 头）";

    private AccountabilityApi() {
    }

    @Schema(name = "UpdateFiveOnes", description = "更新五个一；version 为项目读取时的版本")
    public record UpdateFiveOnes(
            @Schema(description = "项目" + VERSION) Long version,
            @NotNull @Valid ProjectApi.FiveOnes fiveOnes) {
    }

    @Schema(name = "UpdateWorkPackage", description = "修改一个包保任务的责任人、部门、期限与备注；状态只能通过 start、complete、reopen 变更")
    public record UpdateWorkPackage(
            @Schema(description = "包保任务" + VERSION) Long version,
            @Size(max = 64) @Schema(description = "责任人", example = "王局长") String accountablePerson,
            @Size(max = 100) @Schema(example = "自然资源和规划分局") String department,
            LocalDate dueDate,
            @Size(max = 1000) String notes,
            // Kept only to refuse it: a status sent here would otherwise be dropped without a word.
            @Null(message = "状态不能直接修改：请用 POST …/start、…/complete 或 …/reopen")
            @Schema(hidden = true) Object status) {
    }

    @Schema(name = "StartWorkPackage", description = "开始推进（未开始 → 推进中）")
    public record StartPackage(
            @Schema(description = "包保任务" + VERSION) Long version,
            @Size(max = 1000) @Schema(description = "备注；给出时替换原备注") String note) {
    }

    @Schema(name = "CompleteWorkPackage", description = "完成（未开始或推进中 → 已完成）")
    public record CompletePackage(
            @Schema(description = "包保任务" + VERSION) Long version,
            @Schema(description = "完成日期，不晚于今天；默认今天", example = "2026-05-28") LocalDate date,
            @Size(max = 1000) @Schema(description = "备注；给出时替换原备注") String note) {
    }

    @Schema(name = "ReopenWorkPackage", description = "重新打开（已完成 → 推进中），须说明原因")
    public record ReopenPackage(
            @Schema(description = "包保任务" + VERSION) Long version,
            @NotBlank @Size(max = 500) @Schema(description = "重新打开的原因", example = "土地证尚未办结，需继续跟进") String reason) {
    }

    @Schema(name = "WorkPackage", description = "五包之一")
    public record WorkPackageView(
            PackageKind kind,
            @Schema(example = "包落地开工") String kindLabel,
            String accountablePerson,
            String department,
            LocalDate dueDate,
            PackageStatus status,
            @Schema(example = "推进中") String statusLabel,
            @Schema(description = "已过期限且未完成") boolean overdue,
            String notes,
            @Schema(description = "完成日期") LocalDate completedOn,
            @Schema(description = "最近一次重新打开的原因") String reopenReason,
            long version,
            Instant updatedAt) implements Versioned {

        static WorkPackageView of(WorkPackage p, LocalDate today) {
            boolean overdue = p.dueDate != null && p.status != PackageStatus.DONE && p.dueDate.isBefore(today);
            return new WorkPackageView(p.kind, p.kind.label(), p.accountablePerson, p.department, p.dueDate, p.status, p.status.label(),
                    overdue, p.notes, p.completedOn, p.reopenReason, p.version, p.updatedAt);
        }
    }

    /** The 五个一 as saved, with the project's version after the change (sent as ETag for the next write). */
    public record FiveOnesSaved(ProjectApi.FiveOnes fiveOnes, long projectVersion) {
    }
}
