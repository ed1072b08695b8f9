package cn.hitech.platform.web.table;

import java.util.List;

/**
 * A report that can also leave as a table: JSON by default, {@code text/csv} or XLSX when the caller asks for it
 * ({@code Accept} header, or {@code ?format=csv|xlsx} for a plain link). The method names stay clear of JSON
 * property names, so the JSON shape is the record's own.
 */
public interface Tabular {

    String CSV = "text/csv";
    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Sheet name and file name (zh-CN), e.g. 开工率. */
    String tableTitle();

    /** Column headings (zh-CN). */
    List<String> tableHeaders();

    /** One list of cells a row, in the order of the headings; numbers stay numbers in XLSX. */
    List<List<Object>> tableRows();
}
