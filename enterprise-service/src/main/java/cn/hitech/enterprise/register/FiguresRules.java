package cn.hitech.enterprise.register;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.hitech.platform.web.Problem;

/** 经营数据's rules across fields, for the API and the import: parts never exceed their whole. */
final class FiguresRules {

    private FiguresRules() {
    }

    static List<Problem.FieldError> check(BigDecimal revenue, BigDecimal rdSpend, BigDecimal highTechRevenue, Integer employees,
            Integer rdStaff) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (rdStaff != null && employees != null && rdStaff > employees) {
            errors.add(new Problem.FieldError("rdStaff", "研发人员 " + rdStaff + " 多于从业人员 " + employees));
        }
        if (highTechRevenue != null && revenue != null && highTechRevenue.compareTo(revenue) > 0) {
            errors.add(new Problem.FieldError("highTechRevenue", "高新技术产品收入 " + highTechRevenue.toPlainString() + " 万元超过营业收入 "
                    + revenue.toPlainString() + " 万元"));
        }
        if (rdSpend != null && revenue != null && rdSpend.compareTo(revenue) > 0) {
            errors.add(new Problem.FieldError("rdSpend", "研发投入 " + rdSpend.toPlainString() + " 万元超过营业收入 " + revenue.toPlainString()
                    + " 万元"));
        }
        return errors;
    }

    /** What the audit trail keeps of one year's figures; the import writes the same. */
    static java.util.Map<String, Object> summary(EnterpriseFigures f) {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("revenue", f.revenue);
        fields.put("rdSpend", f.rdSpend);
        fields.put("highTechRevenue", f.highTechRevenue);
        fields.put("employees", f.employees);
        fields.put("rdStaff", f.rdStaff);
        return fields;
    }

    static cn.hitech.platform.events.enterprise.FiguresChanged event(EnterpriseFigures f) {
        return new cn.hitech.platform.events.enterprise.FiguresChanged(f.key.creditCode(), f.key.year(), f.revenue, f.rdSpend,
                f.highTechRevenue, f.employees, f.rdStaff, f.version, f.updatedAt);
    }
}
