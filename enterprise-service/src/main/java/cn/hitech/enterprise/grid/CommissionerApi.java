package cn.hitech.enterprise.grid;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.domain.Masking;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Versioned;

/** The request and response shapes of the commissioner team. */
public final class CommissionerApi {

    static final String CODE = "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$";
    /** A mobile number, or a landline with its area code (0537-6557731). */
    static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";

    private CommissionerApi() {
    }

    @Schema(name = "AddCommissioner", description = "新增服务专员")
    public record AddCommissioner(
            @NotBlank @Pattern(regexp = CODE, message = "编码为 1–32 位字母、数字、- 或 _，以字母或数字开头")
            @Schema(example = "ZY0001") String code,
            @NotBlank @Size(max = 50) @Schema(example = "刘洋") String name,
            @NotBlank @Pattern(regexp = PHONE, message = "须为 11 位手机号或带区号的固定电话") @Schema(example = "13805370001") String phone,
            @NotBlank @Size(max = 40) @Schema(description = "所属网格（或街道/园区）编码", example = "LX-02") String homeGrid,
            @Min(value = 1, message = "服务上限至少为 1") @Max(value = 1000, message = "服务上限至多为 1000")
            @Schema(description = "本人服务上限；不填按全区上限（默认 25）") Integer capacity) {
    }

    @Schema(name = "LeaveCommissioner", description = "服务专员离岗；version 为读取时的版本")
    public record Leave(@Schema(description = "读取时的版本号（必填，或用 If-Match 头）") Long version) {
    }

    @Schema(name = "Commissioner", description = "服务专员")
    public record CommissionerView(
            String code,
            String name,
            @Schema(description = "企业账号看到的是脱敏号码", example = "13805370001") String phone,
            String homeGrid,
            @Schema(example = "柳行街道第2网格") String homeGridName,
            CommissionerStatus status,
            @Schema(example = "在岗") String statusLabel,
            @Schema(description = "本人服务上限（空：按全区上限）") Integer capacity,
            @Schema(description = "适用的服务上限") int cap,
            @Schema(description = "当前服务的在营企业数") long enterprises,
            long version,
            Instant createdAt,
            Instant updatedAt,
            Instant leftAt) implements Versioned {

        static CommissionerView of(Commissioner c, String homeGridName, int zoneCap, long enterprises, boolean maskPhone) {
            return new CommissionerView(c.code, c.name, maskPhone ? Masking.phone(c.phone) : c.phone, c.homeGrid, homeGridName, c.status,
                    c.status.label(), c.capacity, c.cap(zoneCap), enterprises, c.version, c.createdAt, c.updatedAt, c.leftAt);
        }
    }

    @Schema(name = "CommissionerEnterprise", description = "服务专员名下的企业")
    public record EnterpriseRow(String creditCode, String name, String grid) {
    }

    @Schema(name = "CommissionerDetail", description = "服务专员及其名下企业（分页）")
    public record CommissionerDetail(CommissionerView commissioner, PageView<EnterpriseRow> enterprises) implements Versioned {

        @Override
        public long version() {
            return commissioner.version();
        }
    }

    @Schema(name = "CommissionerLeft", description = "离岗结果：其名下企业按同样规则重新分配")
    public record LeaveResult(CommissionerView commissioner, AssignmentApi.AssignmentResult reassignment) implements Versioned {

        @Override
        public long version() {
            return commissioner.version();
        }
    }

    @Schema(name = "OwnCommissioner", description = "本企业的服务专员")
    public record OwnCommissioner(String code, String name, @Schema(description = "企业账号看到的是脱敏号码") String phone,
            String homeGrid, String homeGridName) {
    }
}
