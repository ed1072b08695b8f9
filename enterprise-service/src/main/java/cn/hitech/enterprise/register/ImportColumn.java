package cn.hitech.enterprise.register;

import java.util.Optional;

/** A column of the bulk import and the export: its zh-CN header, and the English field name also accepted. */
enum ImportColumn {
    CREDIT_CODE("统一社会信用代码", "creditCode"),
    NAME("企业名称", "name"),
    LEGAL_REPRESENTATIVE("法定代表人", "legalRepresentative"),
    INDUSTRY_CODE("行业代码", "industryCode"),
    SCALE("规模", "scale"),
    REGISTERED_CAPITAL("注册资本(万元)", "registeredCapital"),
    ADDRESS("地址", "address"),
    GRID("网格", "grid"),
    COMMISSIONER("服务专员", "commissioner"),
    STATUS("经营状态", "status"),
    ESTABLISHED_ON("成立日期", "establishedOn"),
    ENTERED_ZONE_ON("入区日期", "enteredZoneOn"),
    YEAR("年度", "year"),
    REVENUE("营业收入(万元)", "revenue"),
    RD_SPEND("研发投入(万元)", "rdSpend"),
    HIGH_TECH_REVENUE("高新技术产品收入(万元)", "highTechRevenue"),
    EMPLOYEES("从业人员", "employees"),
    RD_STAFF("研发人员", "rdStaff");

    final String header;
    final String field;

    ImportColumn(String header, String field) {
        this.header = header;
        this.field = field;
    }

    boolean isFigure() {
        return ordinal() >= YEAR.ordinal();
    }

    /** The column a header names: the zh-CN header (full-width brackets too) or the field name, case and spaces aside. */
    static Optional<ImportColumn> of(String header) {
        String h = header.strip().replace('（', '(').replace('）', ')').replace(" ", "");
        for (ImportColumn c : values()) {
            if (c.header.equals(h) || c.field.equalsIgnoreCase(h) || c.header.replace("(万元)", "").equals(h)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    static Optional<ImportColumn> ofField(String field) {
        for (ImportColumn c : values()) {
            if (c.field.equals(field)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
