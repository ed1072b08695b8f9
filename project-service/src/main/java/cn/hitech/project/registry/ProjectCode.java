package cn.hitech.project.registry;

import java.time.Year;
import java.util.regex.Pattern;

/**
 * 投资项目代码 (GB/T 40058-2021): the 24-character code the national online approval platform gives an investment
 * project, {@code YYYY-AAAAAA-II-TT-NNNNNN} — year the code was given, GB/T 2260 area code of the approving
 * authority, two-digit industry (GB/T 4754 division), management type ({@code 01} 审批, {@code 02} 核准,
 * {@code 03} 备案) and a six-digit serial.
 */
public final class ProjectCode {

    private static final Pattern SHAPE = Pattern.compile("(\\d{4})-([1-8]\\d{5})-(\\d{2})-(0[1-3])-(\\d{6})");

    private ProjectCode() {
    }

    /** Null when the code is well formed, else what is wrong with it (zh-CN). */
    public static String problemWith(String code, Year now) {
        if (code.length() != 24) {
            return "项目代码应为 24 位（形如 2025-370871-34-03-012345），实际 " + code.length() + " 位";
        }
        var match = SHAPE.matcher(code);
        if (!match.matches()) {
            return "项目代码格式应为 年份-行政区划代码-行业代码-管理类型(01审批/02核准/03备案)-流水号";
        }
        int year = Integer.parseInt(match.group(1));
        if (year < 2014 || year > now.getValue()) {
            return "项目代码年份 " + year + " 不在 2014 至今之间";
        }
        if (match.group(3).equals("00")) {
            return "项目代码行业代码不能为 00";
        }
        return null;
    }
}
