package cn.hitech.enterprise.policy;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 兑现金额: FIXED {@code value} 万元, or PERCENT_OF {@code percent} % of the latest year's {@code base} (RD_SPEND 研发投入
 * or REVENUE 营业收入), at most {@code cap} 万元 when a cap is given (e.g. 10% of R&D, at most 50万).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PolicyAmount", description = "兑现金额")
public record PolicyAmount(
        @Schema(enumeration = {"FIXED", "PERCENT_OF"}) String kind,
        BigDecimal value,
        @Schema(enumeration = {"RD_SPEND", "REVENUE"}) String base,
        BigDecimal percent,
        BigDecimal cap) {

    static final String FIXED = "FIXED";
    static final String PERCENT_OF = "PERCENT_OF";
}
