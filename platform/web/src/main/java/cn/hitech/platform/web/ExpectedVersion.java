package cn.hitech.platform.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a write names: every change to an existing object says which version the caller read, as
 * {@code If-Match} (the {@code ETag} of its GET: {@code "3"}, also {@code W/"3"}) or as {@code version} in the body.
 * Without one the write is a 428 that changes nothing, so two editors can never silently overwrite each other.
 */
public final class ExpectedVersion {

    public static final String HEADER = "If-Match";
    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*");

    private ExpectedVersion() {
    }

    /** The version from {@code If-Match} or from the body; both may be given, but then they must agree. */
    public static long of(String ifMatch, Long bodyVersion) {
        Long fromHeader = parse(ifMatch);
        if (fromHeader != null && bodyVersion != null && !fromHeader.equals(bodyVersion)) {
            throw new ProblemException(400, "VERSION_MISMATCH", ProblemMappers.VALIDATION_TITLE,
                    "If-Match names version " + fromHeader + " but the body names " + bodyVersion,
                    List.of(new Problem.FieldError("version", "与 If-Match 不一致")));
        }
        Long version = fromHeader != null ? fromHeader : bodyVersion;
        if (version == null) {
            throw required();
        }
        return version;
    }

    /** 428: the caller did not say which version it read. */
    public static ProblemException required() {
        return new ProblemException(428, "VERSION_REQUIRED",
                "name the version you read: send If-Match with the ETag of your GET, or \"version\" in the body");
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
            throw ProblemException.invalidField(HEADER, "不是本服务给出的 ETag（形如 \"3\"）：" + ifMatch.strip());
        }
        return Long.valueOf(m.group(1));
    }
}
