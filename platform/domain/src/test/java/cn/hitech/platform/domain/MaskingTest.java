package cn.hitech.platform.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masksTheMiddleOfAMobileNumber() {
        assertEquals("138****5678", Masking.phone("13812345678"));
    }

    @Test
    void masksALandlineAndShortValues() {
        assertEquals("053*****1234", Masking.phone("053788881234"));
        assertEquals("***34", Masking.phone("12334"));
        assertNull(Masking.phone(null));
    }

    @Test
    void masksAnIdNumberKeepingAreaAndLastFour() {
        assertEquals("370811********123X", Masking.idNumber("37081119900101123X"));
    }
}
