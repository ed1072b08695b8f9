package cn.hitech.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.time.Month;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Test;

class ParameterConvertersTest {

    @SuppressWarnings("unused")
    void resource(@QueryParam("by") @DefaultValue("MARCH") Month by, @QueryParam("month") Month month,
            @QueryParam("from") LocalDate from) {
    }

    @Test
    void aBlankParameterTakesItsDefaultAndOneWithoutADefaultIsAbsent() throws Exception {
        ParamConverter<Month> by = converter(Month.class, 0);
        assertEquals(Month.MARCH, by.fromString(""));
        assertEquals(Month.MARCH, by.fromString(" "));
        assertEquals(Month.JUNE, by.fromString(" JUNE "));
        assertNull(converter(Month.class, 1).fromString(" "));
    }

    @Test
    void aValueThatDoesNotConvertIsABadRequestNamingTheParameter() throws Exception {
        WebApplicationException refused = assertThrows(WebApplicationException.class, () -> converter(Month.class, 0).fromString("SMARCH"));
        assertEquals(400, refused.getResponse().getStatus());
        assertEquals(400, assertThrows(WebApplicationException.class,
                () -> converter(LocalDate.class, 2).fromString("-2026-01-01")).getResponse().getStatus());
        assertEquals(LocalDate.of(2026, 2, 13), converter(LocalDate.class, 2).fromString("2026-02-13"));
    }

    private static <T> ParamConverter<T> converter(Class<T> type, int index) throws Exception {
        Method method = ParameterConvertersTest.class.getDeclaredMethod("resource", Month.class, Month.class, LocalDate.class);
        Parameter parameter = method.getParameters()[index];
        return new ParameterConverters().getConverter(type, parameter.getParameterizedType(), parameter.getAnnotations());
    }
}
