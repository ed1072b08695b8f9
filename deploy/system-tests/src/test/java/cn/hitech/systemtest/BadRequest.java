package cn.hitech.systemtest;

import java.util.Map;

/**
 * One generated bad request of {@link FuzzIT}: an operation of the merged document, the role whose token it carries,
 * what is wrong with it ({@link Kind}), and the parts to send. {@code field} is the top-level body field (or the path or
 * query parameter) the mutation broke, null when the whole request is broken; {@code body} is the bytes to send (null:
 * none); {@code pathValues} overrides the real id of a path template with garbage; {@code pick} chooses among the real
 * ids of the others; {@code certain} says the request can only be refused, so a 2xx is a defect.
 */
record BadRequest(OpenApiOperations.Operation operation, String role, Kind kind, String field, byte[] body,
        String contentType, String accept, Map<String, String> pathValues, Map<String, String> query, int pick,
        boolean certain, String note) {

    /** What is wrong with it. {@code namesField}: a 400 for it must name {@link #field} in the problem's errors. */
    enum Kind {
        WRONG_TYPE(true), MISSING_REQUIRED(true), TOO_LONG(true), HUGE_STRING(false), CONTROL_CHARACTERS(false),
        INVALID_DATE(true), INVALID_AMOUNT(true), WRONG_SHAPE(false), BROKEN_JSON(false), EMPTY_BODY(false),
        WRONG_MEDIA_TYPE(false), FILE_GARBAGE(false), PATH_GARBAGE(false), QUERY_GARBAGE(false), WRONG_ACCEPT(false);

        final boolean namesField;

        Kind(boolean namesField) {
            this.namesField = namesField;
        }
    }

    /** A line for a failure report: what was sent, without the (maybe huge) body. */
    String describe() {
        return operation.key() + " as " + role + ": " + kind + (field == null ? "" : " of " + field)
                + (note == null || note.isEmpty() ? "" : " (" + note + ")");
    }
}
