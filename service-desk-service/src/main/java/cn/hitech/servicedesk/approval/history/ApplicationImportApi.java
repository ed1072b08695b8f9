package cn.hitech.servicedesk.approval.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.servicedesk.approval.application.ApplicationStatus;

/** 历史申请导入: the old one-window system's applications, each with its moves at the instants they were made. */
public final class ApplicationImportApi {

    private ApplicationImportApi() {
    }

    @Schema(name = "ImportedApprovalApplication", description = "一件历史申请：一表申请的内容、提交时间与此后的每一步办理")
    public record ImportedApplication(
            @Schema(description = "旧系统申请编号，导入一次；再次导入时跳过") @NotBlank @Size(max = 40) String legacyNumber,
            @NotBlank @Size(max = 40) String thing,
            @NotBlank String applicantCreditCode,
            @NotNull Map<String, JsonNode> answers,
            UUID projectId,
            @Schema(description = "是否到窗口现场提交（计跑动次数）") Boolean inPerson,
            @NotNull Instant submittedAt,
            @NotNull List<@NotNull @Valid ImportedMove> moves) {
    }

    /** The moves of the live API, by name; item moves name the item. */
    public enum Move {
        ACCEPT, REQUEST_CORRECTION, SUPPLY, APPROVE, SIGN_OFF, REFUSE, ITEM_REQUEST_CORRECTION, ITEM_SUPPLY;

        boolean ofItem() {
            return this == APPROVE || this == SIGN_OFF || this == REFUSE || this == ITEM_REQUEST_CORRECTION || this == ITEM_SUPPLY;
        }
    }

    @Schema(name = "ImportedApprovalMove", description = "一步历史办理：时间、动作（同在线接口），事项动作须写事项代码")
    public record ImportedMove(
            @NotNull Instant at,
            @NotNull Move move,
            @Schema(description = "事项代码（事项动作）") String item,
            @Schema(description = "部门代码：会签部门，或办理部门") String department,
            @Schema(description = "补正或补交的材料代码") List<@NotBlank String> materials,
            @Size(max = 1000) String reason,
            @Size(max = 1000) String note,
            Boolean inPerson) {
    }

    @Schema(name = "ApprovalImportBatch")
    public record Batch(@NotEmpty @Size(max = 500) List<@NotNull @Valid ImportedApplication> applications) {
    }

    @Schema(name = "ApprovalImportReport", description = "导入结果：整批写入，或（有一件不通过时）整批未写入并返回 422")
    public record Report(int received, List<Imported> imported, List<Skipped> skipped) {
    }

    public record Imported(int index, String legacyNumber, UUID id, String number, ApplicationStatus status) {
    }

    public record Skipped(int index, String legacyNumber, String number, String reason) {
    }
}
