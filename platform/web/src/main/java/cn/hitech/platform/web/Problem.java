package cn.hitech.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail: the one error format of every service and of the gateway. Besides the standard
 * members it carries {@code code} (a stable English code for programs), {@code correlationId} (to find the request
 * in the logs) and, for validation failures, one entry per bad field in {@code errors}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json)")
public record Problem(
        @Schema(example = "urn:hitech:problem:validation-failed") URI type,
        @Schema(example = "请求内容校验未通过") String title,
        @Schema(example = "400") int status,
        @Schema(example = "name: 不能为空") String detail,
        @Schema(example = "/api/projects") String instance,
        @Schema(example = "VALIDATION_FAILED") String code,
        String correlationId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad field: its path in the request ({@code totalInvestment}, {@code milestones[2].plannedDate}) and why. */
    public record FieldError(String field, String message) {
    }

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "请求无效"), Map.entry(401, "未登录或凭证无效"), Map.entry(403, "无权执行此操作"),
            Map.entry(404, "资源不存在"), Map.entry(405, "不支持的请求方法"), Map.entry(406, "无法提供所要求的格式"),
            Map.entry(409, "与当前状态冲突"), Map.entry(413, "请求内容过大"), Map.entry(415, "不支持的内容类型"),
            Map.entry(422, "不符合业务规则"), Map.entry(423, "账号已锁定"),
            Map.entry(428, "缺少版本号"), Map.entry(429, "请求过于频繁"), Map.entry(500, "服务器内部错误"),
            Map.entry(502, "后端服务不可用"), Map.entry(503, "服务暂不可用"), Map.entry(504, "后端服务响应超时"));

    /** A problem with the standard zh-CN title of its status. */
    public static Problem of(int status, String code, String detail, String instance, String correlationId) {
        return new Problem(type(code), titleFor(status), status, detail, instance, code, correlationId, null);
    }

    public static String titleFor(int status) {
        return TITLES.getOrDefault(status, status >= 500 ? "服务器错误" : "请求无效");
    }

    public static URI type(String code) {
        return URI.create("urn:hitech:problem:" + code.toLowerCase().replace('_', '-'));
    }
}
