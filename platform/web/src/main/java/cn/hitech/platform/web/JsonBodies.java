package cn.hitech.platform.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * What every JSON body must be, checked as it is read, each found by FuzzIT (deploy/system-tests) and each a 400 that
 * names the field ({@link ProblemMappers}):
 * <ul>
 * <li>one value: {@code {"a": 1}{"b": 2}} is refused, not read as its first object with the rest ignored (a move took
 * such a body, and its version from If-Match, as valid);</li>
 * <li>text without the NUL character (U+0000): PostgreSQL text and jsonb cannot hold it, so it could only fail later, as a
 * 500 at the insert, after the request had done half its work ({@code INVALID_CHARACTER}). Other control characters are
 * kept as sent: the database stores them faithfully.</li>
 * <li>dates (and months, date-times) in the years {@value #FIRST_YEAR}–{@value #LAST_YEAR}: ISO reads {@code -2026-01-01}
 * as a date, which would then be stored as a milestone's plan or a qualification's expiry
 * ({@code DATE_OUT_OF_RANGE}). The floor is older than any enterprise's founding in the register; query parameters have
 * a narrower window ({@link ParameterConverters}).</li>
 * </ul>
 */
@Singleton
public class JsonBodies implements ObjectMapperCustomizer {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2100;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("nul-free-text").addDeserializer(String.class, new NulFreeText()));
        // A modifier, not a deserializer of our own: it wraps whichever deserializer reads the type (Quarkus registers the
        // JavaTimeModule after the customizers, and its deserializers would win), keeping @JsonFormat and the ISO forms.
        mapper.registerModule(new SimpleModule("dates-within-years").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription type, JsonDeserializer<?> reader) {
                Class<?> raw = type.getBeanClass();
                return raw == LocalDate.class || raw == YearMonth.class || raw == LocalDateTime.class ? new WithinYears(reader) : reader;
            }
        }));
    }

    /** A date whose year is outside {@link #FIRST_YEAR}–{@link #LAST_YEAR}; its path names the field. */
    public static final class DateOutOfRangeException extends MismatchedInputException {

        DateOutOfRangeException(JsonParser parser, Class<?> type, int year) {
            super(parser, "Year " + year + " is outside " + FIRST_YEAR + "-" + LAST_YEAR, type);
        }
    }

    static final class WithinYears extends DelegatingDeserializer {

        WithinYears(JsonDeserializer<?> reader) {
            super(reader);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> reader) {
            return new WithinYears(reader);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            Integer year = value instanceof LocalDate date ? Integer.valueOf(date.getYear())
                    : value instanceof YearMonth month ? Integer.valueOf(month.getYear())
                    : value instanceof LocalDateTime time ? Integer.valueOf(time.getYear()) : null;
            if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
                throw new DateOutOfRangeException(parser, value.getClass(), year);
            }
            return value;
        }
    }

    /** A JSON string holding U+0000; its path names the field. */
    public static final class NulCharacterException extends MismatchedInputException {

        NulCharacterException(JsonParser parser) {
            super(parser, "A text field contains the NUL character (U+0000)", String.class);
        }
    }

    static final class NulFreeText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new NulCharacterException(parser);
            }
            return value;
        }
    }
}
