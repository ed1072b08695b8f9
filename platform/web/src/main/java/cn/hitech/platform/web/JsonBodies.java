package cn.hitech.platform.web;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A JSON body is one value: {@code {"a": 1}{"b": 2}} is a 400 naming {@code body}, not its first object with the rest
 * ignored (found by FuzzIT, deploy/system-tests: a move took such a body, and its version from If-Match, as valid).
 */
@Singleton
public class JsonBodies implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
