package cn.hitech.project.accountability;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.project.registry.ProjectApi;

public final class AccountabilityApi {

    private AccountabilityApi() {
    }

    @Schema(name = "UpdateFiveOnes", description = "更新五个一；version 为项目读取时的版本")
    public record UpdateFiveOnes(
            @NotNull Long version,
            @NotNull @Valid ProjectApi.FiveOnes fiveOnes) {
    }

    @Schema(name = "UpdateWorkPackage", description = "更新一个包保任务；version 为读取时的版本")
    public record UpdateWorkPackage(
            @NotNull Long version,
            @Size(max = 64) @Schema(description = "责任人", example = "王局长") String accountablePerson,
            @Size(max = 100) @Schema(example = "自然资源和规划分局") String department,
            LocalDate dueDate,
            @NotNull PackageStatus status,
            @Size(max = 1000) String notes) {
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
            long version,
            Instant updatedAt) {

        static WorkPackageView of(WorkPackage p, LocalDate today) {
            boolean overdue = p.dueDate != null && p.status != PackageStatus.DONE && p.dueDate.isBefore(today);
            return new WorkPackageView(p.kind, p.kind.label(), p.accountablePerson, p.department, p.dueDate, p.status, p.status.label(),
                    overdue, p.notes, p.version, p.updatedAt);
        }
    }
}
