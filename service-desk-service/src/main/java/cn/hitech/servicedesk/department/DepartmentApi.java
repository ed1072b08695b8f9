package cn.hitech.servicedesk.department;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Versioned;

/** The request and response shapes of departments. */
public final class DepartmentApi {

    private DepartmentApi() {
    }

    @Schema(name = "Department", description = "承办单位")
    public record DepartmentView(@Schema(example = "POWER_SUPPLY") String code, @Schema(example = "供电公司") String name,
            long version) implements Versioned {

        static DepartmentView of(Department d) {
            return new DepartmentView(d.code, d.name, d.version);
        }
    }

    @Schema(name = "AddDepartment", description = "新增承办单位")
    public record AddDepartment(
            @NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$", message = "单位代码须为大写字母、数字和下划线") String code,
            @NotBlank @Size(max = 100) String name) {
    }

    @Schema(name = "RenameDepartment", description = "修改承办单位名称")
    public record RenameDepartment(@NotBlank @Size(max = 100) String name, Long version) {
    }
}
