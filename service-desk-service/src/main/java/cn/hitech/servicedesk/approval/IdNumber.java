package cn.hitech.servicedesk.approval;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 公民身份号码 (GB 11643-1999): 6 digits of area, 8 of birth date, 3 of sequence and a check character, ISO 7064
 * MOD 11-2 over the first 17 ({@code X} stands for 10).
 */
final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final Pattern SHAPE = Pattern.compile("^\\d{17}[\\dX]$");

    private IdNumber() {
    }

    /** Why {@code id} is not a valid ID number, in Chinese; empty when it is valid. */
    static Optional<String> problem(String id) {
        if (id == null || !SHAPE.matcher(id).matches()) {
            return Optional.of("身份证号码应为18位：17位数字加1位校验码（数字或X）");
        }
        try {
            LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("身份证号码中的出生日期不存在");
        }
        if (id.charAt(17) != checkCharacter(id.substring(0, 17))) {
            return Optional.of("身份证号码校验位不正确");
        }
        return Optional.empty();
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }
}
