package cn.hitech.platform.testkit;

import java.util.concurrent.ThreadLocalRandom;

import cn.hitech.platform.domain.CreditCode;

/** Unique, valid test values, so each test owns its data and tests run in any order. */
public final class TestData {

    private TestData() {
    }

    /** A fresh valid 统一社会信用代码 of an enterprise registered in Jining (area 370811, 任城区/高新区). */
    public static String creditCode() {
        return CreditCode.random("91370811", ThreadLocalRandom.current());
    }
}
