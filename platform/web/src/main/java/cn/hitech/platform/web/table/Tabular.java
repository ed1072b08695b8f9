package cn.hitech.platform.web.table;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * A report that can also leave as a table: JSON by default, {@code text/csv} or XLSX when the caller asks for it
 * ({@code Accept} header, or {@code ?format=csv|xlsx} for a plain link). The method names stay clear of JSON
 * property names, so the JSON shape is the record's own.
 */
public interface Tabular {

    String CSV = "text/csv";
    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * The first of JSON, CSV and XLSX the caller accepts, by its order of preference; JSON for any: for an endpoint that
     * answers a page as JSON and every match as a table.
     */
    static MediaType wanted(HttpHeaders headers) {
        MediaType csv = MediaType.valueOf(CSV);
        MediaType xlsx = MediaType.valueOf(XLSX);
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
            if (accepted.isCompatible(csv)) {
                return csv;
            }
            if (accepted.isCompatible(xlsx)) {
                return xlsx;
            }
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }

    /** Sheet name and file name (zh-CN), e.g. 开工率. */
    String tableTitle();

    /** Column headings (zh-CN). */
    List<String> tableHeaders();

    /** One list of cells a row, in the order of the headings; numbers stay numbers in XLSX. */
    List<List<Object>> tableRows();
}
