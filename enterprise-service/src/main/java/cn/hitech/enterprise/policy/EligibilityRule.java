package cn.hitech.enterprise.policy;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 申报条件: one machine-checkable condition of a policy. {@code type} says which fields it uses:
 * INDUSTRY_IN {@code codes} (GB/T 4754 code prefixes, e.g. C35); SCALE {@code scale} (ABOVE_SCALE / BELOW_SCALE);
 * HAS_QUALIFICATION {@code kind} and optional {@code minLevel} (MUNICIPAL &lt; PROVINCIAL &lt; NATIONAL); REVENUE_AT_LEAST
 * {@code value} 万元 (latest year); RD_RATIO_AT_LEAST {@code value} % of revenue (latest year); EMPLOYEES_AT_LEAST
 * {@code value}; PROJECT_IN_STAGE {@code stage} (a project status code such as IN_OPERATION); YEARS_IN_ZONE_AT_LEAST
 * {@code value} (whole years since entering the zone).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "EligibilityRule", description = "申报条件")
public record EligibilityRule(
        @Schema(enumeration = {"INDUSTRY_IN", "SCALE", "HAS_QUALIFICATION", "REVENUE_AT_LEAST", "RD_RATIO_AT_LEAST",
                "EMPLOYEES_AT_LEAST", "PROJECT_IN_STAGE", "YEARS_IN_ZONE_AT_LEAST"}) String type,
        List<String> codes,
        String scale,
        String kind,
        String minLevel,
        BigDecimal value,
        String stage) {

    /** The types of rule, with the zh-CN name each is explained with. */
    public enum Type {
        INDUSTRY_IN("行业"),
        SCALE("企业规模"),
        HAS_QUALIFICATION("资质"),
        REVENUE_AT_LEAST("营业收入（万元）"),
        RD_RATIO_AT_LEAST("研发投入占营业收入比例（%）"),
        EMPLOYEES_AT_LEAST("从业人数"),
        PROJECT_IN_STAGE("项目阶段"),
        YEARS_IN_ZONE_AT_LEAST("入区年限（年）");

        final String label;

        Type(String label) {
            this.label = label;
        }
    }

    Type kindOfRule() {
        return Type.valueOf(type);
    }
}
