package cn.hitech.enterprise.qualification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Versioned;
import cn.hitech.platform.web.table.Tabular;

/** The request and response shapes of qualifications (资质荣誉). */
public final class QualificationApi {

    private QualificationApi() {
    }

    @Schema(name = "QualificationKind", description = "资质类型")
    public record KindView(@Schema(example = "LITTLE_GIANT") String code, @Schema(example = "专精特新\"小巨人\"") String name,
            List<QualificationLevel> levels,
            @Schema(description = "通常有效期（年）；为空表示无固定期限") Integer validityYears) {

        static KindView of(QualificationKind k) {
            return new KindView(k.code, k.name, k.levelList(), k.validityYears == null ? null : k.validityYears.intValue());
        }
    }

    @Schema(name = "GrantQualification", description = "认定资质：validUntil 缺省为 year + 该类型有效期 的年末")
    public record GrantQualification(
            @NotBlank @Size(max = 40) @Schema(example = "LITTLE_GIANT") String kind,
            @NotNull QualificationLevel level,
            @NotNull @Min(1949) @Max(2100) Integer year,
            @Size(max = 64) String certificateNumber,
            LocalDate validUntil) {
    }

    @Schema(name = "BatchGrantQualification", description = "批量认定中的一条：企业与资质")
    public record BatchGrant(
            @NotNull @cn.hitech.platform.domain.ValidCreditCode String creditCode,
            @NotBlank @Size(max = 40) String kind,
            @NotNull QualificationLevel level,
            @NotNull @Min(1949) @Max(2100) Integer year,
            @Size(max = 64) String certificateNumber,
            LocalDate validUntil) {
    }

    @Schema(name = "CorrectQualification", description = "更正资质：整体替换年份、证书编号与有效期；version 为读取时的版本")
    public record CorrectQualification(
            @Schema(description = "读取时的版本号（必填，或用 If-Match 头）") Long version,
            @NotNull @Min(1949) @Max(2100) Integer year,
            @Size(max = 64) String certificateNumber,
            LocalDate validUntil) {
    }

    @Schema(name = "RevokeQualification", description = "撤销资质")
    public record RevokeQualification(Long version, @NotBlank @Size(max = 500) @Schema(example = "复核未通过") String reason) {
    }

    @Schema(name = "Qualification", description = "资质荣誉")
    public record QualificationView(
            UUID id,
            String creditCode,
            @Schema(description = "企业名称（仅跨企业列表）") String enterpriseName,
            String kind,
            String kindName,
            QualificationLevel level,
            String levelLabel,
            int year,
            String certificateNumber,
            LocalDate validUntil,
            boolean revoked,
            Instant revokedAt,
            String revokeReason,
            long version,
            Instant createdAt,
            Instant updatedAt) implements Versioned {
    }

    @Schema(name = "QualificationPage", description = "资质列表（分页），也可 ?format=csv|xlsx 导出本页")
    public record QualificationPage(List<QualificationView> items, int page, int size, long total) implements Tabular {

        @Override
        public String tableTitle() {
            return "资质荣誉";
        }

        @Override
        public List<String> tableHeaders() {
            return List.of("统一社会信用代码", "企业名称", "资质类型", "级别", "认定年份", "证书编号", "有效期至", "已撤销");
        }

        @Override
        public List<List<Object>> tableRows() {
            List<List<Object>> rows = new ArrayList<>();
            for (QualificationView q : items) {
                rows.add(Arrays.asList(q.creditCode(), q.enterpriseName(), q.kindName(), q.levelLabel(), q.year(),
                        q.certificateNumber(), q.validUntil(), q.revoked() ? "是" : "否"));
            }
            return rows;
        }
    }

    @Schema(name = "ExpiringQualifications", description = "到期预警：今天起 within 天内到期、未撤销的资质，按到期日")
    public record Expiring(LocalDate from, LocalDate to, List<ExpiringItem> items) {
    }

    @Schema(name = "ExpiringQualification")
    public record ExpiringItem(QualificationView qualification, @Schema(description = "距到期天数") long daysLeft) {
    }

    @Schema(name = "QualificationCounts", description = "资质统计：按类型与级别统计当前持有（未撤销、未过期）的资质")
    public record Counts(@Schema(description = "认定年份；为空表示全部年份") Integer year, List<CountRow> rows, long total) implements Tabular {

        @Override
        public String tableTitle() {
            return year == null ? "资质统计" : "资质统计 " + year;
        }

        @Override
        public List<String> tableHeaders() {
            return List.of("资质类型代码", "资质类型", "级别", "级别名称", "企业数");
        }

        @Override
        public List<List<Object>> tableRows() {
            List<List<Object>> rows = new ArrayList<>();
            for (CountRow r : this.rows) {
                rows.add(Arrays.asList(r.kind(), r.kindName(), r.level().name(), r.level().label(), r.count()));
            }
            return rows;
        }
    }

    @Schema(name = "QualificationCount")
    public record CountRow(String kind, String kindName, QualificationLevel level, long count) {
    }
}
