package cn.hitech.platform.web;

import java.util.List;

/**
 * A rule of the domain said no. Services throw it (or one of its named factories) and the caller receives it as
 * problem+json; nothing the request tried to change is committed, because the exception rolls the transaction back.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final transient List<Problem.FieldError> errors;

    /** A problem with the standard zh-CN title of its status ({@link Problem#titleFor}). */
    public ProblemException(int status, String code, String detail) {
        this(status, code, Problem.titleFor(status), detail, null);
    }

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, null);
    }

    public ProblemException(int status, String code, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors;
    }

    /** 404: the thing does not exist, or the caller may not know that it does. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "NOT_FOUND", what + " " + id + " 不存在");
    }

    /** 409: the request conflicts with the current state (a duplicate, or a transition that is not allowed now). */
    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, detail);
    }

    /** 422: well-formed, but breaks a rule of the domain. */
    public static ProblemException ruleViolated(String code, String detail) {
        return new ProblemException(422, code, detail);
    }

    /** 400 for one bad field that bean validation cannot see (a checksum, a cross-field rule). */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "VALIDATION_FAILED", ProblemMappers.VALIDATION_TITLE, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /**
     * The same problem about element {@code index} (from 0) of a list sent in one request: its fields are named as
     * {@code [index].field} and its detail says which one (第 n 条), so a batch refused as a whole says what to fix.
     */
    public ProblemException atIndex(int index) {
        List<Problem.FieldError> at = errors == null ? null
                : errors.stream().map(e -> new Problem.FieldError("[" + index + "]." + e.field(), e.message())).toList();
        return new ProblemException(status, code, title, "第 " + (index + 1) + " 条：" + getMessage(), at);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
