package cn.hitech.platform.web.table;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes a {@link Tabular} report as CSV (UTF-8 with BOM, so Excel shows the Chinese) or as an XLSX workbook. */
public final class TableWriters {

    private TableWriters() {
    }

    /** Writes any {@link Tabular}, as a download named after its title. */
    abstract static class TableWriter implements MessageBodyWriter<Tabular> {

        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return Tabular.class.isAssignableFrom(type);
        }
    }

    @Provider
    @Produces(Tabular.CSV)
    public static class Csv extends TableWriter {

        @Override
        public void writeTo(Tabular table, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
            headers.putSingle("Content-Type", Tabular.CSV + "; charset=UTF-8");
            headers.putSingle("Content-Disposition", disposition(table, "csv"));
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            line(writer, table.tableHeaders());
            for (List<Object> row : table.tableRows()) {
                line(writer, row);
            }
            writer.flush();
        }

        private static void line(Writer writer, List<?> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(escape(cells.get(i)));
            }
            writer.write("\r\n");
        }

        /** RFC 4180 quoting; a leading =, +, - or @ is prefixed so a spreadsheet never runs a cell as a formula. */
        static String escape(Object cell) {
            if (cell == null) {
                return "";
            }
            String text = cell instanceof BigDecimal d ? d.toPlainString() : cell.toString();
            if (!(cell instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
            return text;
        }
    }

    @Provider
    @Produces(Tabular.XLSX)
    public static class Xlsx extends TableWriter {

        @Override
        public void writeTo(Tabular table, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
            headers.putSingle("Content-Disposition", disposition(table, "xlsx"));
            Workbook workbook = new Workbook(out, "hitech", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName(table.tableTitle()));
            List<String> headings = table.tableHeaders();
            for (int c = 0; c < headings.size(); c++) {
                sheet.value(0, c, headings.get(c));
                sheet.style(0, c).bold().fillColor("DDEBF7").set();
            }
            int r = 1;
            for (List<Object> row : table.tableRows()) {
                for (int c = 0; c < row.size(); c++) {
                    Object cell = row.get(c);
                    if (cell instanceof Number n) {
                        sheet.value(r, c, n);
                    } else if (cell instanceof LocalDate d) {
                        sheet.value(r, c, d);
                        sheet.style(r, c).format("yyyy-mm-dd").set();
                    } else if (cell instanceof Boolean b) {
                        sheet.value(r, c, b);
                    } else if (cell != null) {
                        sheet.value(r, c, cell.toString());
                    }
                }
                r++;
            }
            sheet.freezePane(0, 1);
            workbook.finish();
        }

        /** Excel allows 31 characters and none of []:*?/\ in a sheet name. */
        private static String sheetName(String title) {
            String clean = title.replaceAll("[\\[\\]:*?/\\\\]", "_");
            return clean.length() > 31 ? clean.substring(0, 31) : clean;
        }
    }

    private static String disposition(Tabular table, String extension) {
        String name = table.tableTitle() + "." + extension;
        return "attachment; filename=\"report." + extension + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
