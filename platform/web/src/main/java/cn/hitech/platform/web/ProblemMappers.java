package cn.hitech.platform.web;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.vertx.core.http.HttpServerRequest;

/**
 * Turns every failure of a REST call into one {@code application/problem+json} answer: validation failures name
 * each bad field, unreadable JSON says where, domain rules keep their code, lost updates are 409, a database that
 * cannot be reached is a 503 with {@code Retry-After}, and anything unexpected is a 500 that leaks no internals but
 * carries the correlation id to find it in the log.
 */
public class ProblemMappers {

    static final String VALIDATION_TITLE = "请求内容校验未通过";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    /** The pool reconnects within seconds of PostgreSQL's return (see the datasource defaults). */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response domainRule(ProblemException e, HttpServerRequest request) {
        return respond(new Problem(Problem.type(e.code()), e.title(), e.status(), e.getMessage(), request.path(), e.code(),
                CorrelationId.of(request), e.errors()));
    }

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e, HttpServerRequest request) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            return unexpected(e, request);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = String.join("; ", errors.stream().map(f -> f.field() + ": " + f.message()).toList());
        return respond(new Problem(Problem.type("VALIDATION_FAILED"), VALIDATION_TITLE, 400, detail, request.path(),
                "VALIDATION_FAILED", CorrelationId.of(request), errors));
    }

    @ServerExceptionMapper
    public Response unreadableField(MismatchedInputException e, HttpServerRequest request) {
        String field = jsonPath(e);
        if (e instanceof JsonBodies.NulCharacterException) {
            String message = "不能含有 NUL 控制字符（U+0000）";
            return respond(new Problem(Problem.type("INVALID_CHARACTER"), VALIDATION_TITLE, 400, field + ": " + message,
                    request.path(), "INVALID_CHARACTER", CorrelationId.of(request), List.of(new Problem.FieldError(field, message))));
        }
        if (e instanceof JsonBodies.DateOutOfRangeException) {
            String message = "日期应在 " + JsonBodies.FIRST_YEAR + "–" + JsonBodies.LAST_YEAR + " 年间";
            return respond(new Problem(Problem.type("DATE_OUT_OF_RANGE"), VALIDATION_TITLE, 400, field + ": " + message,
                    request.path(), "DATE_OUT_OF_RANGE", CorrelationId.of(request), List.of(new Problem.FieldError(field, message))));
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            String message = "请求体只能是一个 JSON 值，其后不能再有内容";
            return respond(new Problem(Problem.type("VALIDATION_FAILED"), VALIDATION_TITLE, 400, field + ": " + message,
                    request.path(), "VALIDATION_FAILED", CorrelationId.of(request), List.of(new Problem.FieldError(field, message))));
        }
        String message = "值的类型或格式不正确" + expected(e.getTargetType());
        return respond(new Problem(Problem.type("VALIDATION_FAILED"), VALIDATION_TITLE, 400, field + ": " + message, request.path(),
                "VALIDATION_FAILED", CorrelationId.of(request), List.of(new Problem.FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, HttpServerRequest request) {
        // Well-formed JSON whose value does not fit its field (a number beyond a long): the field is known, so name it.
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            String message = "值超出范围或格式不正确";
            return respond(new Problem(Problem.type("VALIDATION_FAILED"), VALIDATION_TITLE, 400, field + ": " + message,
                    request.path(), "VALIDATION_FAILED", CorrelationId.of(request), List.of(new Problem.FieldError(field, message))));
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(Problem.of(400, "MALFORMED_JSON", "The request body is not valid JSON" + where, request.path(),
                CorrelationId.of(request)));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        // The JSON reader wraps Jackson's exception in a plain 400; answer with what the Jackson mappers say.
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return unreadableField(mismatch, request);
        }
        if (e.getCause() instanceof JsonProcessingException unparsable) {
            return malformedJson(unparsable, request);
        }
        if (e.getCause() instanceof ProblemException rule) {
            return domainRule(rule, request);
        }
        int status = e.getResponse().getStatus();
        String detail;
        String code;
        if (e instanceof NotFoundException) {
            code = "NOT_FOUND";
            detail = "No resource at " + request.method() + " " + request.path();
        } else if (e instanceof NotAllowedException) {
            code = "METHOD_NOT_ALLOWED";
            detail = request.method() + " is not allowed on " + request.path() + "; allowed: " + e.getResponse().getAllowedMethods();
        } else if (e instanceof NotSupportedException) {
            code = "UNSUPPORTED_MEDIA_TYPE";
            detail = "Content-Type '" + request.getHeader("Content-Type") + "' is not accepted here; send application/json";
        } else if (e instanceof NotAcceptableException) {
            code = "NOT_ACCEPTABLE";
            detail = "Cannot answer in '" + request.getHeader("Accept") + "'";
        } else if (status >= 500) {
            return unexpected(e, request);
        } else {
            code = Response.Status.Family.familyOf(status) == Response.Status.Family.CLIENT_ERROR ? "HTTP_" + status : "HTTP_ERROR";
            detail = e.getMessage();
        }
        Response.ResponseBuilder answer = Response.fromResponse(problemResponse(Problem.of(status, code, detail, request.path(),
                CorrelationId.of(request))));
        if (e instanceof NotAllowedException) {
            answer.allow(e.getResponse().getAllowedMethods());
        }
        return answer.build();
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationRedirectException.class})
    public Response unauthenticated(RuntimeException e, HttpServerRequest request) {
        String detail = request.getHeader("Authorization") == null
                ? "Sign in first: send 'Authorization: Bearer <access token>' (POST /api/auth/login gives one)"
                : "The access token is invalid or has expired; sign in again or refresh it";
        return Response.fromResponse(problemResponse(Problem.of(401, "UNAUTHENTICATED", detail, request.path(),
                CorrelationId.of(request)))).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpServerRequest request) {
        return respond(Problem.of(403, "FORBIDDEN", "Your role may not " + request.method() + " " + request.path(), request.path(),
                CorrelationId.of(request)));
    }

    @ServerExceptionMapper
    public Response lostUpdate(OptimisticLockException e, HttpServerRequest request) {
        return respond(Problem.of(409, "CONCURRENT_MODIFICATION",
                "此记录在您读取后已被他人修改，请刷新后重新操作", request.path(),
                CorrelationId.of(request)));
    }

    /** The last resort; it also recognises failures that surface wrapped, such as at commit time. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(e, request);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException lost) {
                return lostUpdate(lost, request);
            }
            if (cause instanceof ProblemException problem) {
                return domainRule(problem, request);
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return respond(Problem.of(409, "DUPLICATE", "A record with the same unique key already exists", request.path(),
                        CorrelationId.of(request)));
            }
            if (cause instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                // PostgreSQL text (22021) and jsonb (22P05) cannot hold a NUL character: bad input, wherever it came in.
                return respond(Problem.of(400, "INVALID_CHARACTER", "请求中含有不允许的字符（如 NUL 控制字符）", request.path(),
                        CorrelationId.of(request)));
            }
            if (cause instanceof SQLException sql && FOREIGN_KEY_VIOLATION.equals(sql.getSQLState())) {
                return respond(Problem.of(409, "REFERENCED_RECORD", "The change refers to, or is referred to by, another record",
                        request.path(), CorrelationId.of(request)));
            }
        }
        String correlationId = CorrelationId.of(request);
        LOG.errorf(e, "Unexpected failure on %s %s (correlation id %s)", request.method(), request.path(), correlationId);
        return respond(Problem.of(500, "INTERNAL_ERROR", "An unexpected error occurred; quote the correlation id when reporting it",
                request.path(), correlationId));
    }

    /**
     * PostgreSQL is away (stopped, restarting, unreachable): the request may be sent again as it is, so a 503 says when,
     * and the log gets one line, not a stack trace per request.
     */
    private static Response databaseUnavailable(Throwable e, HttpServerRequest request) {
        String correlationId = CorrelationId.of(request);
        LOG.warnf("database unavailable on %s %s (correlation id %s): %s", request.method(), request.path(), correlationId, rootCause(e));
        return Response.fromResponse(problemResponse(Problem.of(503, "DATABASE_UNAVAILABLE", "数据库暂时不可用，请稍后重试",
                request.path(), correlationId))).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    static Response respond(Problem problem) {
        return problemResponse(problem);
    }

    private static Response problemResponse(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code create.request.owner.creditCode} → {@code owner.creditCode}: the path as the caller wrote it. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        nodes.removeIf(n -> n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.CONSTRUCTOR);
        if (nodes.size() > 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
            nodes.remove(0);
        }
        StringBuilder field = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().isEmpty() && !node.getName().startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** What the field takes: the codes of an enum, else the plain type name. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type.isEnum()) {
            return "（可选值：" + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList()) + "）";
        }
        return "（应为 " + type.getSimpleName() + "）";
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
