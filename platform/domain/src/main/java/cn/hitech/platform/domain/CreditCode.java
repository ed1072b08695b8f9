package cn.hitech.platform.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 统一社会信用代码: the unified social credit code of GB 32100-2015, the key of every enterprise in the zone.
 *
 * <p>18 characters: registering authority (1), entity type (2), administrative area (3–8, GB/T 2260), organisation
 * code (9–17) and a check character (18) computed modulo 31 over the alphabet {@code 0-9 A-H J-N P Q R T U W X Y}.
 */
public final class CreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern SHAPE = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$");

    private CreditCode() {
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** Why {@code code} is not a valid credit code, in Chinese for the user; empty when it is valid. */
    public static Optional<String> problem(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of("统一社会信用代码应为18位");
        }
        if (!SHAPE.matcher(code).matches()) {
            return Optional.of("统一社会信用代码含有不允许的字符（不含 I、O、S、V、Z，第3–8位为数字）");
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Optional.of("统一社会信用代码校验位不正确");
        }
        return Optional.empty();
    }

    /**
     * A valid code with the given first 8 characters (authority, entity type, area) and a random organisation code:
     * for tests, demo data and benchmarks, never for a real enterprise.
     */
    public static String random(String first8, java.util.random.RandomGenerator random) {
        if (first8.length() != 8) {
            throw new IllegalArgumentException("the prefix is the first 8 characters, not " + first8.length());
        }
        StringBuilder code = new StringBuilder(first8);
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.append(checkCharacter(code.toString())).toString();
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
