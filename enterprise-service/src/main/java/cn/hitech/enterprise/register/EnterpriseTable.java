package cn.hitech.enterprise.register;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.hitech.platform.web.table.Tabular;

/** The register as a table in the import's columns (the figures of each enterprise's latest year), so an export imports back. */
record EnterpriseTable(List<Object[]> rows, boolean seesLegalRepresentative) implements Tabular {

    @Override
    public String tableTitle() {
        return "企业名录";
    }

    @Override
    public List<String> tableHeaders() {
        return Arrays.stream(ImportColumn.values()).map(c -> c.header).toList();
    }

    @Override
    public List<List<Object>> tableRows() {
        List<List<Object>> table = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            List<Object> cells = new ArrayList<>(Arrays.asList(r));
            cells.set(0, r[0] == null ? null : r[0].toString().strip());
            if (!seesLegalRepresentative) {
                cells.set(2, LegalRepresentative.masked((String) r[2]));
            }
            cells.set(4, r[4] == null ? null : EnterpriseScale.valueOf((String) r[4]).label());
            cells.set(9, r[9] == null ? null : EnterpriseStatus.valueOf((String) r[9]).label());
            cells.set(10, day(r[10]));
            cells.set(11, day(r[11]));
            table.add(cells);
        }
        return table;
    }

    private static Object day(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : value;
    }
}
