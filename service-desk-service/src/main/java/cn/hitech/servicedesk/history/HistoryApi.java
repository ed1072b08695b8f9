package cn.hitech.servicedesk.history;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.ticket.Satisfaction;
import cn.hitech.servicedesk.ticket.TicketStatus;

/** The request and answer shapes of the history import (历史工单导入). */
public final class HistoryApi {

    private HistoryApi() {
    }

    /** How a batch is written: all of it or nothing ({@code all-or-nothing}, the default), or every good ticket ({@code good-only}). */
    public enum Mode {
        ALL_OR_NOTHING, GOOD_ONLY;

        static Mode of(String given) {
            if (given == null || given.isBlank() || given.equalsIgnoreCase("all-or-nothing")) {
                return ALL_OR_NOTHING;
            }
            if (given.equalsIgnoreCase("good-only")) {
                return GOOD_ONLY;
            }
            throw ProblemException.invalidField("mode", "导入方式只能是 all-or-nothing 或 good-only，不能是 " + given);
        }
    }

    /**
     * One ticket of the old system: beside these members, the same object holds the registration fields of
     * {@code RegisterTicket} (channel, category, title, description, enterpriseCreditCode …).
     */
    @Schema(name = "ImportedTicket", description = "一张历史工单：受理字段（同 RegisterTicket）加旧系统编号、受理时间、受理人与流转记录")
    public record ImportedTicket(
            @Schema(description = "旧系统工单编号：同一编号再次导入时跳过（幂等）", example = "8951234-2025-000817") String legacyNumber,
            @Schema(description = "旧系统受理时间（带时区），不晚于当前时间") Instant registeredAt,
            @Schema(description = "旧系统受理人（记入导入审计）", example = "话务员 李敏") String registeredBy,
            @Schema(description = "流转记录，按时间先后") List<ImportedMove> moves) {
    }

    /** One move of the old system, replayed through the live move of the same name at {@code at}. */
    @Schema(name = "ImportedMove", description = "一条历史流转：流转名、发生时间、旧系统操作人，以及该流转本身的字段")
    public record ImportedMove(
            @Schema(description = "dispatch、sign、return、extension、approve-extension、suspend、resume、resolve、call-back、answer、urge、supervise")
            String move,
            @Schema(description = "发生时间（带时区）：不早于上一条、不晚于当前时间") Instant at,
            @Schema(description = "旧系统操作人（记入导入审计）") String actor,
            @Schema(description = "派单：主办单位代码") String department,
            @Schema(description = "派单：协办单位代码") List<String> assistingDepartments,
            @Schema(description = "派单、回访、催办、督办的说明") String note,
            @Schema(description = "退单、延期、挂起的理由") String reason,
            @Schema(description = "延期：工作日数") Integer days,
            @Schema(description = "办结答复；直接答复时也可用 answer") String reply,
            @Schema(description = "办结结果") String outcome,
            @Schema(description = "回访满意度") Satisfaction satisfaction,
            @Schema(description = "回访：是否解决") Boolean solved,
            @Schema(description = "直接答复内容") String answer,
            @Schema(description = "督办时限（日期或带时区的时刻）") String deadline) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TicketImportReport", description = "导入结果：已导入、已跳过（重复的旧系统编号）与未通过（逐张说明原因）")
    public record Report(
            Mode mode,
            @Schema(description = "是否写入了工单：all-or-nothing 有未通过的工单时为 false，整批未写入") boolean written,
            int received,
            List<Imported> imported,
            List<Skipped> skipped,
            List<Failed> failed,
            @Schema(description = "整批被拒时（422，application/problem+json）：问题类型") URI type,
            @Schema(description = "整批被拒时：问题标题") String title,
            @Schema(description = "整批被拒时：422") Integer status,
            @Schema(description = "整批被拒时的代码：IMPORT_REFUSED") String code,
            @Schema(description = "整批被拒时的说明") String detail) {
    }

    @Schema(name = "ImportedTicketResult", description = "已导入的工单")
    public record Imported(int index, String legacyNumber, UUID id, String number, TicketStatus status) {
    }

    @Schema(name = "SkippedTicket", description = "跳过的工单：旧系统编号已导入过")
    public record Skipped(int index, String legacyNumber, @Schema(description = "已有的工单编号") String number, String reason) {
    }

    /** A ticket refused, as a problem entry: which ticket, which of its moves (null: the registration), and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FailedTicket", description = "未通过的工单：序号、出错的流转序号（为空则是受理本身）与问题说明（同 problem+json）")
    public record Failed(int index, String legacyNumber, Integer move, String moveName, int status, String code, String title,
            String detail, List<Problem.FieldError> errors) {
    }
}
