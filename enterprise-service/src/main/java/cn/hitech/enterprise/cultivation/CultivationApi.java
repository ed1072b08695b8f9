package cn.hitech.enterprise.cultivation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.domain.ValidCreditCode;
import cn.hitech.platform.web.Versioned;
import cn.hitech.platform.web.table.Tabular;

/** The request and response shapes of the cultivation pool (培育库) and its readiness check. */
public final class CultivationApi {

    private CultivationApi() {
    }

    /** How one criterion came out. */
    public enum CriterionStatus {
        /** 已达标. */
        MET,
        /** 未达标. */
        MISSED,
        /** 缺数据: a figure it needs is not there (never counted as met). */
        MISSING
    }

    @Schema(name = "CriterionResult", description = "一项门槛的测算结果")
    public record CriterionResult(
            Metric metric,
            @Schema(example = "研发投入占比") String name,
            CriterionStatus status,
            @Schema(description = "测得值（单位见 unit）；缺数据时为空") BigDecimal measured,
            @Schema(description = "门槛值（分档时为该企业所在档）") BigDecimal threshold,
            @Schema(example = "%") String unit,
            @Schema(description = "差距（门槛 − 测得值，单位同上）；仅未达标时有") BigDecimal gap,
            @Schema(description = "缺少的数据项，如 2025 年研发投入") List<String> missingFigures,
            @Schema(example = "研发投入占比 2.1%，需 ≥ 3%，差 0.9 个百分点（约 27 万元）") String message) {
    }

    @Schema(name = "TargetReadiness", description = "对一个培育目标的达标测算")
    public record TargetReadiness(
            @Schema(example = "HIGH_TECH") String target,
            @Schema(example = "高新技术企业") String targetName,
            @Schema(description = "所用经营数据年份：今年之前最近一个有数据的年份") int year,
            boolean ready,
            @Schema(description = "毕业：已持有该资质（未撤销、未过期）") boolean graduated,
            int criteriaMet,
            int criteriaTotal,
            @Schema(description = "达标项占比 0–1（排序第一键，越大越近）") BigDecimal metShare,
            @Schema(description = "差距分：未达标项的相对差距之和，缺数据的项各计 1（排序第二键，越小越近）") BigDecimal shortfall,
            String summary,
            List<CriterionResult> criteria) {
    }

    @Schema(name = "Readiness", description = "培育测算：按每个培育目标")
    public record Readiness(String creditCode, String enterpriseName, List<TargetReadiness> targets) {
    }

    @Schema(name = "CultivationThresholds", description = "培育目标的认定门槛（数据，管理员可改）")
    public record ThresholdsView(String target, String targetName, List<Criterion> criteria, String source, long version,
            Instant updatedAt) implements Versioned {
    }

    @Schema(name = "PutCultivationThresholds", description = "替换一个目标的门槛；已存在时须给出读取时的 version（或 If-Match）")
    public record PutThresholds(Long version, List<Criterion> criteria, @Size(max = 500) String source) {
    }

    @Schema(name = "AddPoolMember", description = "纳入培育库")
    public record AddMember(
            @NotNull @ValidCreditCode String creditCode,
            @NotBlank @Size(max = 40) @Schema(example = "HIGH_TECH") String target,
            @Size(max = 500) String note) {
    }

    @Schema(name = "PoolMember", description = "培育库成员")
    public record MemberView(UUID id, String creditCode, String enterpriseName, String target, String targetName, String note,
            String addedBy, long version, Instant createdAt) implements Versioned {
    }

    @Schema(name = "RankedPoolMember", description = "培育库成员及其测算，按离达标远近排名（每个目标内从 1 起）")
    public record RankedMember(int rank, MemberView member, boolean graduated, TargetReadiness readiness) {
    }

    @Schema(name = "CultivationPool", description = "培育库：按目标，离达标最近的在前")
    public record Pool(@Schema(description = "所筛选的目标；为空表示全部") String target, List<RankedMember> items, int total)
            implements Tabular {

        private static final DateTimeFormatter ADDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

        @Override
        public String tableTitle() {
            return "培育库";
        }

        @Override
        public List<String> tableHeaders() {
            return List.of("培育目标", "名次", "企业名称", "统一社会信用代码", "测算", "达标项", "门槛项", "经营数据年份", "差距", "备注", "纳入人",
                    "纳入时间");
        }

        @Override
        public List<List<Object>> tableRows() {
            return items.stream().map(m -> Arrays.<Object>asList(m.member().targetName(), m.rank(), m.member().enterpriseName(),
                    m.member().creditCode(), m.graduated() ? "已毕业" : m.readiness().ready() ? "已达标" : "未达标",
                    m.readiness().criteriaMet(), m.readiness().criteriaTotal(), m.readiness().year(), m.readiness().summary(),
                    m.member().note(), m.member().addedBy(), m.member().createdAt() == null ? null : ADDED.format(m.member().createdAt())))
                    .toList();
        }
    }
}
