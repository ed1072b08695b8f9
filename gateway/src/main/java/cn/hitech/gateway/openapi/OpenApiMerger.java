package cn.hitech.gateway.openapi;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Merges the OpenAPI documents of several services into one. Each service contributes the paths it owns; component
 * schemas that are the same in two services are kept once, and a schema whose name clashes with a different one is
 * renamed {@code <service>.<name>} (with every {@code $ref} to it in that service's document).
 */
final class OpenApiMerger {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private final ObjectNode merged = JsonNodeFactory.instance.objectNode();
    private final ObjectNode paths;
    private final ObjectNode components;
    private final ArrayNode tags;

    OpenApiMerger(String title, String version, String description) {
        merged.put("openapi", "3.1.0");
        merged.putObject("info").put("title", title).put("version", version).put("description", description);
        paths = merged.putObject("paths");
        components = merged.putObject("components");
        tags = merged.putArray("tags");
    }

    /** Adds the paths of {@code document} that start with one of {@code prefixes} (all paths when it is empty). */
    void add(String service, ObjectNode document, List<String> prefixes) {
        renameClashingSchemas(service, document);
        JsonNode ownPaths = document.path("paths");
        ownPaths.fieldNames().forEachRemaining(path -> {
            if (prefixes.isEmpty() || prefixes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
                paths.set(path, ownPaths.get(path));
            }
        });
        document.path("components").fields().forEachRemaining(kind -> {
            ObjectNode target = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey()) : components.putObject(kind.getKey());
            kind.getValue().fields().forEachRemaining(entry -> target.set(entry.getKey(), entry.getValue()));
        });
        for (JsonNode tag : document.path("tags")) {
            if (!hasTag(tag.path("name").asText())) {
                tags.add(tag);
            }
        }
    }

    ObjectNode result() {
        return merged;
    }

    private void renameClashingSchemas(String service, ObjectNode document) {
        JsonNode own = document.path("components").path("schemas");
        JsonNode existing = components.path("schemas");
        Map<String, String> renames = new HashMap<>();
        own.fieldNames().forEachRemaining(name -> {
            if (existing.has(name) && !existing.get(name).equals(own.get(name))) {
                renames.put(name, service + "." + name);
            }
        });
        if (renames.isEmpty()) {
            return;
        }
        ObjectNode schemas = (ObjectNode) own;
        renames.forEach((from, to) -> schemas.set(to, schemas.remove(from)));
        rewriteRefs(document, renames);
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String target = renames.get(ref.asText().substring(SCHEMA_REF.length()));
                if (target != null) {
                    object.set("$ref", TextNode.valueOf(SCHEMA_REF + target));
                }
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                rewriteRefs(children.next(), renames);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private boolean hasTag(String name) {
        for (JsonNode tag : tags) {
            if (tag.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
