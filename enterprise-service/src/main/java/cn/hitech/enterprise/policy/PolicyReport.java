package cn.hitech.enterprise.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.table.Tabular;

/**
 * 政策兑现报表: uptake by policy (eligible, offered or applied, paid, amount paid, working days to payment), by industry
 * (GB/T 4754 门类) and by grid. {@code taken}: benefits offered (免申即享) plus applications not rejected (快申快享).
 */
@Schema(name = "PolicyReport", description = "政策兑现报表")
public record PolicyReport(List<ByPolicy> byPolicy, List<Uptake> byIndustry, List<Uptake> byGrid) implements Tabular {

    public record ByPolicy(UUID policyId, String name, PolicyMode mode, PolicyStatus status, long eligible, long taken, long paid,
            BigDecimal amountPaid, @Schema(description = "平均拨付用时（工作日），无拨付时为空") Double averageWorkingDaysToPayment) {
    }

    public record Uptake(String key, String label, long eligible, long taken, long paid, BigDecimal amountPaid) {
    }

    @Override
    public String tableTitle() {
        return "政策兑现";
    }

    @Override
    public List<String> tableHeaders() {
        return List.of("维度", "名称", "符合条件企业", "已推送/已申请", "已拨付", "拨付金额（万元）", "平均拨付用时（工作日）");
    }

    @Override
    public List<List<Object>> tableRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (ByPolicy p : byPolicy) {
            rows.add(java.util.Arrays.asList("政策", p.name() + "（" + p.mode().label() + "）", p.eligible(), p.taken(), p.paid(), p.amountPaid(),
                    p.averageWorkingDaysToPayment()));
        }
        for (Uptake u : byIndustry) {
            rows.add(java.util.Arrays.asList("行业门类", u.key() + " " + u.label(), u.eligible(), u.taken(), u.paid(), u.amountPaid(), null));
        }
        for (Uptake u : byGrid) {
            rows.add(java.util.Arrays.asList("网格", u.label(), u.eligible(), u.taken(), u.paid(), u.amountPaid(), null));
        }
        return rows;
    }
}
