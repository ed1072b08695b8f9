package cn.hitech.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Query and path parameters of date, month and enum types: a value that does not convert, or a date or month outside
 * the years 2000–2100, is a 400 problem naming the parameter and what it accepts (JAX-RS would answer a bare 404 for a
 * bad query parameter).
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    /**
     * ISO reads years from −999999999 to +999999999 (-2026-01-01 is a date); no question to this suite is asked
     * outside these years, and beyond them the calendars and reports below fail in ways a caller cannot act on.
     */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        String fallback = fallback(annotations);
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, fallback, within(LocalDate::parse, LocalDate::getYear),
                    "日期格式应为 yyyy-MM-dd 且为 " + FIRST_YEAR + "–" + LAST_YEAR + " 年间的真实日期，如 2026-02-13");
        }
        if (rawType == YearMonth.class) {
            return (ParamConverter<T>) converter(name, fallback, within(YearMonth::parse, YearMonth::getYear),
                    "月份格式应为 yyyy-MM 且在 " + FIRST_YEAR + "–" + LAST_YEAR + " 年间，如 2026-10");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
            return (ParamConverter<T>) converter(name, fallback, text -> Enum.valueOf(type, text), "可选值：" + allowed);
        }
        return null;
    }

    private static <T> Function<String, T> within(Function<String, T> parse, Function<T, Integer> yearOf) {
        return text -> {
            T value = parse.apply(text);
            int year = yearOf.apply(value);
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw new IllegalArgumentException("year " + year + " is out of range");
            }
            return value;
        };
    }

    /**
     * A blank value ({@code ?by=} or {@code ?by=+}) means the parameter was not given: it takes its {@code @DefaultValue}
     * when it has one (JAX-RS applies the default only to an absent parameter, so a blank one would reach the resource
     * as null), and null otherwise.
     */
    private static <T> ParamConverter<T> converter(String name, String fallback, Function<String, T> parse, String hint) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return fallback == null || fallback.equals(value) ? null : fromString(fallback);
                }
                try {
                    return parse.apply(value.strip());
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw new WebApplicationException(ProblemException.invalidField(name, "'" + value + "' 无法识别；" + hint), 400);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
            }
        };
    }

    private static String fallback(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof DefaultValue d) {
                return d.value();
            }
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return "parameter";
    }
}
