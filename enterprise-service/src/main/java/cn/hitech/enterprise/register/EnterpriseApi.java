package cn.hitech.enterprise.register;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.domain.ValidCreditCode;
import cn.hitech.platform.web.Versioned;

/** The request and response shapes of the enterprise register. */
public final class EnterpriseApi {

    private EnterpriseApi() {
    }

    @Schema(name = "RegisterEnterprise", description = "企业登记")
    public record RegisterEnterprise(
            @NotNull @ValidCreditCode @Schema(example = "91350200MA2YJ1XR9G") String creditCode,
            @NotBlank @Size(max = 200) @Schema(example = "山推工程机械股份有限公司") String name,
            @Size(max = 50) @Schema(description = "法定代表人") String legalRepresentative,
            @Size(max = 100) @Schema(description = "行业名称：给出 industryCode 时取行业分类目录中的名称，此字段被忽略") String industry,
            @Size(max = 5) @Schema(description = "国民经济行业分类代码 GB/T 4754-2017", example = "C3514") String industryCode,
            EnterpriseScale scale,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) @Schema(description = "注册资本（万元）", example = "12500.00")
            BigDecimal registeredCapital,
            @Schema(description = "经营状态，缺省为 OPERATING（在营）") EnterpriseStatus status,
            @Schema(description = "成立日期") LocalDate establishedOn,
            @Schema(description = "入区日期，不早于成立日期") LocalDate enteredZoneOn,
            @Size(max = 300) String address,
            @Size(max = 100) @Schema(example = "黄屯街道第3网格") String grid,
            @Size(max = 50) @Schema(description = "服务专员") String commissioner) {

        EnterpriseDetails details() {
            return new EnterpriseDetails(name, legalRepresentative, industry, industryCode, scale, registeredCapital, status,
                    establishedOn, enteredZoneOn, address, grid, commissioner);
        }
    }

    @Schema(name = "UpdateEnterprise", description = "企业信息变更：整体替换可变更的字段（status 缺省时不变）；version 为读取时的版本")
    public record UpdateEnterprise(
            @Schema(description = "读取时的版本号（必填，或用 If-Match 头）；已被他人修改时返回 409") Long version,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 50) String legalRepresentative,
            @Size(max = 100) String industry,
            @Size(max = 5) String industryCode,
            EnterpriseScale scale,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal registeredCapital,
            EnterpriseStatus status,
            LocalDate establishedOn,
            LocalDate enteredZoneOn,
            @Size(max = 300) String address,
            @Size(max = 100) String grid,
            @Size(max = 50) String commissioner) {

        EnterpriseDetails details() {
            return new EnterpriseDetails(name, legalRepresentative, industry, industryCode, scale, registeredCapital, status,
                    establishedOn, enteredZoneOn, address, grid, commissioner);
        }
    }

    /** The changeable part of an enterprise's record. */
    record EnterpriseDetails(String name, String legalRepresentative, String industry, String industryCode, EnterpriseScale scale,
            BigDecimal registeredCapital, EnterpriseStatus status, LocalDate establishedOn, LocalDate enteredZoneOn, String address,
            String grid, String commissioner) {

        static EnterpriseDetails of(Enterprise e) {
            return new EnterpriseDetails(e.name, e.legalRepresentative, e.industry, e.industryCode, e.scale, e.registeredCapital,
                    e.status, e.establishedOn, e.enteredZoneOn, e.address, e.grid, e.commissioner);
        }
    }

    @Schema(name = "Enterprise", description = "企业")
    public record EnterpriseView(
            String creditCode,
            String name,
            @Schema(description = "法定代表人；对管理者（MANAGER）脱敏，如 张*") String legalRepresentative,
            @Schema(description = "行业名称（GB/T 4754-2017）", example = "建筑工程用机械制造") String industry,
            @Schema(example = "C3514") String industryCode,
            EnterpriseScale scale,
            @Schema(example = "规上") String scaleLabel,
            @Schema(description = "注册资本（万元）") BigDecimal registeredCapital,
            EnterpriseStatus status,
            @Schema(example = "在营") String statusLabel,
            LocalDate establishedOn,
            LocalDate enteredZoneOn,
            String address,
            String grid,
            String commissioner,
            long version,
            Instant createdAt,
            Instant updatedAt) implements Versioned {

        static EnterpriseView of(Enterprise e) {
            return of(e, true);
        }

        /** {@code seesLegalRepresentative}: false for roles that need not see it whole (it is then masked). */
        static EnterpriseView of(Enterprise e, boolean seesLegalRepresentative) {
            return new EnterpriseView(e.creditCode, e.name,
                    seesLegalRepresentative ? e.legalRepresentative : LegalRepresentative.masked(e.legalRepresentative), e.industry,
                    e.industryCode, e.scale, e.scale == null ? null : e.scale.label(), e.registeredCapital, e.status,
                    e.status == null ? null : e.status.label(), e.establishedOn, e.enteredZoneOn, e.address, e.grid, e.commissioner,
                    e.version, e.createdAt, e.updatedAt);
        }
    }

    @Schema(name = "EnterpriseFigures", description = "经营数据（某一年度）：金额单位万元")
    public record PutFigures(
            @Schema(description = "修改已有年度时必填：读取时的版本号（或 If-Match）；新建年度时不填") Long version,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) @Schema(description = "营业收入（万元）") BigDecimal revenue,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) @Schema(description = "研发投入（万元）") BigDecimal rdSpend,
            @DecimalMin("0") @Digits(integer = 12, fraction = 2) @Schema(description = "高新技术产品（服务）收入（万元）")
            BigDecimal highTechRevenue,
            @Min(0) @Schema(description = "从业人员") Integer employees,
            @Min(0) @Schema(description = "研发（科技）人员") Integer rdStaff) {
    }

    @Schema(name = "EnterpriseFiguresView", description = "经营数据（某一年度）")
    public record FiguresView(String creditCode, int year, BigDecimal revenue, BigDecimal rdSpend, BigDecimal highTechRevenue,
            Integer employees, Integer rdStaff, long version, Instant createdAt, Instant updatedAt) implements Versioned {

        static FiguresView of(EnterpriseFigures f) {
            return new FiguresView(f.key.creditCode(), f.key.year(), f.revenue, f.rdSpend, f.highTechRevenue, f.employees, f.rdStaff,
                    f.version, f.createdAt, f.updatedAt);
        }
    }

    @Schema(name = "EnterpriseHistoryEntry", description = "变更记录：谁、以什么角色、何时、改了什么（前后值）")
    public record HistoryEntry(long id, Instant occurredAt, String actor, String role, String action,
            @Schema(description = "操作名称", example = "信息变更") String actionLabel, List<FieldChange> changes) {
    }

    /** One field of a change: its value before and after ({@code before} null for a registration). */
    @Schema(name = "FieldChange")
    public record FieldChange(String field, Object before, Object after) {
    }

    @Schema(name = "ImportError", description = "导入中被拒绝的一行：行号（与文件中一致，表头为第1行）、列（表头）、原因")
    public record ImportError(int row, String column, String reason) {
    }

    @Schema(name = "ImportReport", description = "批量导入结果")
    public record ImportReport(int imported, int updated, int unchanged, int rejected, List<ImportError> errors, boolean dryRun,
            ImportMode mode) {
    }

    /** 导入方式: all rows or none, or the good rows only. */
    public enum ImportMode {
        ALL_OR_NOTHING, GOOD_ROWS
    }
}
