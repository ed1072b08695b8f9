package cn.hitech.enterprise.register;

import java.time.Instant;

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
            @Size(max = 50) String legalRepresentative,
            @Size(max = 100) @Schema(example = "高端装备") String industry,
            EnterpriseScale scale,
            @Size(max = 300) String address,
            @Size(max = 100) @Schema(example = "黄屯街道第3网格") String grid,
            @Size(max = 50) @Schema(description = "服务专员") String commissioner) {

        EnterpriseDetails details() {
            return new EnterpriseDetails(name, legalRepresentative, industry, scale, address, grid, commissioner);
        }
    }

    @Schema(name = "UpdateEnterprise", description = "企业信息变更：整体替换可变更的字段；version 为读取时的版本")
    public record UpdateEnterprise(
            @Schema(description = "读取时的版本号（必填，或用 If-Match 头）；已被他人修改时返回 409") Long version,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 50) String legalRepresentative,
            @Size(max = 100) String industry,
            EnterpriseScale scale,
            @Size(max = 300) String address,
            @Size(max = 100) String grid,
            @Size(max = 50) String commissioner) {

        EnterpriseDetails details() {
            return new EnterpriseDetails(name, legalRepresentative, industry, scale, address, grid, commissioner);
        }
    }

    /** The changeable part of an enterprise's record. */
    record EnterpriseDetails(String name, String legalRepresentative, String industry, EnterpriseScale scale, String address,
            String grid, String commissioner) {
    }

    @Schema(name = "Enterprise", description = "企业")
    public record EnterpriseView(
            String creditCode,
            String name,
            String legalRepresentative,
            String industry,
            EnterpriseScale scale,
            @Schema(example = "规上") String scaleLabel,
            String address,
            String grid,
            String commissioner,
            long version,
            Instant createdAt,
            Instant updatedAt) implements Versioned {

        static EnterpriseView of(Enterprise e) {
            return new EnterpriseView(e.creditCode, e.name, e.legalRepresentative, e.industry, e.scale,
                    e.scale == null ? null : e.scale.label(), e.address, e.grid, e.commissioner, e.version, e.createdAt, e.updatedAt);
        }
    }
}
