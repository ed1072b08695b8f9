package cn.hitech.enterprise.register;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import cn.hitech.platform.web.ProblemException;

/**
 * An uploaded sheet as text cells: the header row, then each line with its row number as the user's program shows it
 * (the header is row 1). CSV is RFC 4180 in UTF-8 with or without BOM; XLSX is the first sheet, dates as yyyy-MM-dd.
 */
record ImportTable(List<String> headers, List<Line> lines) {

    record Line(int row, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    static ImportTable read(byte[] body, boolean xlsx) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalidField("body", "上传的文件为空");
        }
        ImportTable table = xlsx || ReadableWorkbook.isOOXMLZipHeader(body) ? xlsx(body) : csv(body);
        if (table.headers().isEmpty()) {
            throw ProblemException.invalidField("body", "文件没有表头行");
        }
        return table;
    }

    private static ImportTable csv(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                record.add(unprotected(cell.toString()));
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(unprotected(cell.toString()));
                cell.setLength(0);
                records.add(record);
                rows.add(recordLine);
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !record.isEmpty()) {
            record.add(unprotected(cell.toString()));
            records.add(record);
            rows.add(recordLine);
        }
        if (records.isEmpty()) {
            return new ImportTable(List.of(), List.of());
        }
        List<Line> lines = new ArrayList<>(records.size());
        for (int r = 1; r < records.size(); r++) {
            lines.add(new Line(rows.get(r), records.get(r)));
        }
        return new ImportTable(records.get(0).stream().map(String::strip).toList(), lines);
    }

    /** The export prefixes ' to a cell starting with = + - @ (so no spreadsheet runs it); reading it back drops the mark. */
    private static String unprotected(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
    }

    private static ImportTable xlsx(byte[] body) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body), new ReadingOptions(true, false))) {
            List<String> headers = null;
            List<Line> lines = new ArrayList<>();
            try (var rows = workbook.getFirstSheet().openStream()) {
                for (Iterator<Row> it = rows.iterator(); it.hasNext();) {
                    Row row = it.next();
                    List<String> cells = new ArrayList<>(row.getCellCount());
                    for (int c = 0; c < row.getCellCount(); c++) {
                        cells.add(text(row.getCell(c)));
                    }
                    if (headers == null) {
                        headers = cells.stream().map(String::strip).toList();
                    } else {
                        lines.add(new Line(row.getRowNum(), cells));
                    }
                }
            }
            return new ImportTable(headers == null ? List.of() : headers, lines);
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalidField("body", "无法读取 XLSX 文件：" + e.getMessage());
        }
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            String format = cell.getDataFormatString();
            if (format != null && format.matches("(?i).*[ymd].*") && !format.equalsIgnoreCase("general")) {
                LocalDate day = cell.asDate().toLocalDate();
                return day.toString();
            }
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        return cell.getText() == null ? "" : cell.getText();
    }
}
