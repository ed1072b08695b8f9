package cn.hitech.platform.web;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * </ul>
 */
@Singleton
public class JsonBodies implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("nul-free-text").addDeserializer(String.class, new NulFreeText()));
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
