package cn.hitech.enterprise.policy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads and writes the JSON the policy tables keep: the rules of a policy and the explanation of a match. */
@ApplicationScoped
class PolicyJson {

    private static final TypeReference<List<EligibilityRule>> RULES = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    PolicyJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<EligibilityRule> rules(String stored) {
        try {
            return mapper.readValue(stored, RULES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy rules are not readable", e);
        }
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode tree(String stored) {
        try {
            return mapper.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }
}
