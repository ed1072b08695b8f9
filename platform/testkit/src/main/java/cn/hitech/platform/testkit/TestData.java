package cn.hitech.platform.testkit;

import java.util.concurrent.ThreadLocalRandom;

import cn.hitech.platform.domain.CreditCode;

/** Unique, valid test values, so each test owns its data and tests run in any order. */
public final class TestData {

    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private TestData() {
    }

    /** A fresh valid 统一社会信用代码 of an enterprise registered in Jining (area 370811, 任城区/高新区). */
    public static String creditCode() {
        StringBuilder code = new StringBuilder("91370811");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.append(CreditCode.checkCharacter(code.toString())).toString();
    }
}
