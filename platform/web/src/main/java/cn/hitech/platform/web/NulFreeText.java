package cn.hitech.platform.web;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every text field of a JSON body refuses the NUL character (U+0000) as it is read: PostgreSQL text and jsonb cannot
 * hold it, so it could only fail later, as a 500 at the insert, after the request had done half its work. Refused
 * here, it is a 400 {@code INVALID_CHARACTER} naming the field ({@link ProblemMappers}). Other control characters are
 * kept as sent: the database stores them faithfully.
 */
@Singleton
public class NulFreeText implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("nul-free-text").addDeserializer(String.class, new Deserializer()));
    }

    /** A JSON string holding U+0000; its path names the field. */
    public static final class NulCharacterException extends MismatchedInputException {

        NulCharacterException(JsonParser parser) {
            super(parser, "A text field contains the NUL character (U+0000)", String.class);
        }
    }

    static final class Deserializer extends StringDeserializer {

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
