package cn.hitech.platform.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350200MA2YJ1XR9G", "9135021359498494XQ"})
    void acceptsTheStandardsSamples(String code) {
        assertTrue(CreditCode.isValid(code));
    }

    @Test
    void computesTheCheckCharacterOfTheSamples() {
        assertEquals('G', CreditCode.checkCharacter("91350200MA2YJ1XR9"));
        assertEquals('Q', CreditCode.checkCharacter("9135021359498494X"));
    }

    @Test
    void rejectsAWrongCheckCharacterWithTheReason() {
        assertEquals("统一社会信用代码校验位不正确", CreditCode.problem("91350200MA2YJ1XR9H").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350200MA2YJ1XR9", "91350200MA2YJ1XR9GG", "91350200MA2YJ1XRIG", "9135A200MA2YJ1XR9G",
            "91350200ma2yj1xr9g"})
    void rejectsWrongLengthAndCharacters(String code) {
        assertFalse(CreditCode.isValid(code));
    }

    @Test
    void everyOneCharacterTypoIsCaught() {
        String valid = "91350200MA2YJ1XR9G";
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int position = 0; position < 17; position++) {
            for (char c : alphabet.toCharArray()) {
                if (c == valid.charAt(position)) {
                    continue;
                }
                String typo = valid.substring(0, position) + c + valid.substring(position + 1);
                assertFalse(CreditCode.isValid(typo), typo);
            }
        }
    }

    @Test
    void randomCodesAreValidAndKeepTheirPrefix() {
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 1000; i++) {
            String code = CreditCode.random("91370811", random);
            assertTrue(CreditCode.isValid(code), code);
            assertTrue(code.startsWith("91370811"));
        }
    }

    record Applicant(@ValidCreditCode String creditCode) {
    }

    @Test
    void theConstraintReportsTheSpecificReason() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        Set<ConstraintViolation<Applicant>> violations = validator.validate(new Applicant("91350200MA2YJ1XR9H"));
        assertEquals(1, violations.size());
        assertEquals("统一社会信用代码校验位不正确", violations.iterator().next().getMessage());
        assertTrue(validator.validate(new Applicant(null)).isEmpty());
    }
}
