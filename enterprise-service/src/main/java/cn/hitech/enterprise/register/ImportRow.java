package cn.hitech.enterprise.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.hitech.platform.domain.CreditCode;

/**
 * One line of an import read into typed values, with every reason it is bad. Only the columns the file has are
 * {@link #given}: an existing enterprise keeps what the file does not mention.
 */
final class ImportRow {

    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    final int row;
    final Map<ImportColumn, Object> given = new EnumMap<>(ImportColumn.class);
    final List<EnterpriseApi.ImportError> errors = new java.util.ArrayList<>();
    String creditCode;

    private final Map<ImportColumn, String> headers;

    private ImportRow(int row, Map<ImportColumn, String> headers) {
        this.row = row;
        this.headers = headers;
    }

    /** {@code columns}: the file's column index of each column it has. */
    static ImportRow read(ImportTable.Line line, Map<ImportColumn, Integer> columns, Map<ImportColumn, String> headers,
            IndustryCatalogue industries) {
        ImportRow r = new ImportRow(line.row(), headers);
        for (Map.Entry<ImportColumn, Integer> column : columns.entrySet()) {
            String cell = line.cell(column.getValue()).strip();
            r.parse(column.getKey(), cell.isEmpty() ? null : cell, industries);
        }
        r.checkFigures();
        return r;
    }

    private void parse(ImportColumn column, String cell, IndustryCatalogue industries) {
        switch (column) {
            case CREDIT_CODE -> {
                creditCode = cell == null ? null : cell.toUpperCase(java.util.Locale.ROOT);
                CreditCode.problem(creditCode).ifPresent(reason -> bad(column, cell == null ? "缺少统一社会信用代码" : reason));
            }
            case NAME -> {
                if (cell == null) {
                    bad(column, "缺少企业名称");
                } else {
                    text(column, cell, 200);
                }
            }
            case LEGAL_REPRESENTATIVE -> text(column, cell, 50);
            case ADDRESS -> text(column, cell, 300);
            case GRID -> text(column, cell, 100);
            case COMMISSIONER -> text(column, cell, 50);
            case INDUSTRY_CODE -> {
                if (cell != null && industries.label(cell).isEmpty()) {
                    bad(column, "行业代码 " + cell + " 不在国民经济行业分类（GB/T 4754-2017）目录中");
                } else {
                    given.put(column, cell == null ? null : IndustryCatalogue.normalise(cell));
                }
            }
            case SCALE -> {
                if (cell == null) {
                    given.put(column, null);
                } else if (cell.equals("规上") || cell.equalsIgnoreCase("ABOVE_SCALE")) {
                    given.put(column, EnterpriseScale.ABOVE_SCALE);
                } else if (cell.equals("规下") || cell.equalsIgnoreCase("BELOW_SCALE")) {
                    given.put(column, EnterpriseScale.BELOW_SCALE);
                } else {
                    bad(column, "规模“" + cell + "”无法识别，应为 规上 或 规下");
                }
            }
            case STATUS -> {
                if (cell == null) {
                    given.put(column, null);
                } else {
                    EnterpriseStatus.parse(cell).ifPresentOrElse(s -> given.put(column, s),
                            () -> bad(column, "经营状态“" + cell + "”无法识别，应为 在营、迁出 或 注销"));
                }
            }
            case ESTABLISHED_ON, ENTERED_ZONE_ON -> date(column, cell);
            case REGISTERED_CAPITAL, REVENUE, RD_SPEND, HIGH_TECH_REVENUE -> amount(column, cell);
            case EMPLOYEES, RD_STAFF -> count(column, cell, 0, Integer.MAX_VALUE, "人数应为不小于 0 的整数");
            case YEAR -> count(column, cell, FiguresService.FIRST_YEAR, FiguresService.LAST_YEAR,
                    "年度应为 " + FiguresService.FIRST_YEAR + "–" + FiguresService.LAST_YEAR + " 之间的整数");
        }
    }

    private void text(ImportColumn column, String cell, int max) {
        if (cell != null && cell.codePointCount(0, cell.length()) > max) {
            bad(column, headers.get(column) + "超过 " + max + " 字");
        } else {
            given.put(column, cell);
        }
    }

    private void date(ImportColumn column, String cell) {
        if (cell == null) {
            given.put(column, null);
            return;
        }
        if (cell.matches("\\d{5}")) {
            // a spreadsheet's date serial (days since 1899-12-30, 5 digits: 1927–2173), as a sheet without its cell format gives it; a
            // bare year such as 2012 stays an error
            given.put(column, EXCEL_EPOCH.plusDays(Integer.parseInt(cell)));
            return;
        }
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, SLASHED, DOTTED)) {
            try {
                given.put(column, LocalDate.parse(cell, format));
                return;
            } catch (DateTimeParseException notThisOne) {
                // the next format, or the reason below
            }
        }
        bad(column, "日期“" + cell + "”无法识别，应为 yyyy-MM-dd 的真实日期，如 2018-06-01");
    }

    private void amount(ImportColumn column, String cell) {
        if (cell == null) {
            given.put(column, null);
            return;
        }
        try {
            BigDecimal value = new BigDecimal(cell.replace(",", ""));
            if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2 || value.compareTo(MAX_AMOUNT) >= 0) {
                bad(column, "金额“" + cell + "”应为不小于 0、最多两位小数的数（万元）");
            } else {
                given.put(column, value.setScale(2, java.math.RoundingMode.UNNECESSARY));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            bad(column, "金额“" + cell + "”不是数字（万元）");
        }
    }

    private void count(ImportColumn column, String cell, int min, int max, String reason) {
        if (cell == null) {
            given.put(column, null);
            return;
        }
        try {
            int value = new BigDecimal(cell).intValueExact();
            if (value < min || value > max) {
                bad(column, reason + "：" + cell);
            } else {
                given.put(column, value);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            bad(column, reason + "：" + cell);
        }
    }

    private void checkFigures() {
        boolean anyFigure = given.entrySet().stream().anyMatch(e -> e.getKey().isFigure() && e.getKey() != ImportColumn.YEAR
                && e.getValue() != null);
        if (anyFigure && year() == null && errors.stream().noneMatch(e -> e.column().equals(headers.get(ImportColumn.YEAR)))) {
            bad(ImportColumn.YEAR, "填写了经营数据但缺少年度");
        }
    }

    /** The year of the row's figures; null when it has none. */
    Integer year() {
        return (Integer) given.get(ImportColumn.YEAR);
    }

    boolean has(ImportColumn column) {
        return given.containsKey(column);
    }

    @SuppressWarnings("unchecked")
    <T> T value(ImportColumn column) {
        return (T) given.get(column);
    }

    void bad(ImportColumn column, String reason) {
        errors.add(new EnterpriseApi.ImportError(row, headers.getOrDefault(column, column.header), reason));
    }

    /** A rule across fields broken; {@code field} is the API's field name. */
    void bad(String field, String reason) {
        bad(ImportColumn.ofField(field).orElse(ImportColumn.NAME), reason);
    }

    boolean isGood() {
        return errors.isEmpty();
    }
}
