package cn.hitech.platform.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a write names: every change to an existing object says which version the caller read, as
 * {@code If-Match} (the {@code ETag} of its GET: {@code "3"}) or as {@code version} in the body.
 * Without one the write is a 428 that changes nothing, so two editors can never silently overwrite each other.
 */
public final class ExpectedVersion {

    public static final String HEADER = "If-Match";
    /** A strong tag as this platform gives it ({@code "3"}), or the bare number; If-Match compares strongly (RFC 9110). */
    private static final Pattern TAG = Pattern.compile("\\s*\"?(\\d{1,18})\"?\\s*");

    private ExpectedVersion() {
    }

    /** The version from {@code If-Match} or from the body; both may be given, but then they must agree. */
    public static long of(String ifMatch, Long bodyVersion) {
        Long version = optional(ifMatch, bodyVersion);
        if (version == null) {
            throw required();
        }
        return version;
    }

    /**
     * The version a write names, or null when it names none: for a write that may create (the first report of a month)
     * as well as correct, where the service decides whether a version is needed.
     */
    public static Long optional(String ifMatch, Long bodyVersion) {
        Long fromHeader = parse(ifMatch);
        if (fromHeader != null && bodyVersion != null && !fromHeader.equals(bodyVersion)) {
            throw new ProblemException(400, "VERSION_MISMATCH", ProblemMappers.VALIDATION_TITLE,
                    "If-Match 给出的版本 " + fromHeader + " 与请求体中的 version " + bodyVersion + " 不一致",
                    List.of(new Problem.FieldError("version", "与 If-Match 不一致")));
        }
        return fromHeader != null ? fromHeader : bodyVersion;
    }

    /** 428: the caller did not say which version it read. */
    public static ProblemException required() {
        return new ProblemException(428, "VERSION_REQUIRED",
                "请给出读取时的版本号：请求头 If-Match（GET 返回的 ETag），或请求体中的 version");
    }

    /** The {@code ETag} value for a version. */
    public static String tag(long version) {
        return "\"" + version + "\"";
    }

    private static Long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        Matcher m = TAG.matcher(ifMatch);
        if (!m.matches()) {
            throw ProblemException.invalidField(HEADER, "不是本服务给出的强 ETag（形如 \"3\"）：" + ifMatch.strip());
        }
        return Long.valueOf(m.group(1));
    }
}
