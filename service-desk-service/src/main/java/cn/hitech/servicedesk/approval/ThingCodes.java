package cn.hitech.servicedesk.approval;

import java.util.regex.Pattern;

import cn.hitech.platform.web.ProblemException;

/** A thing's code names it for ever (applications and reports refer to it): upper-case letters, digits, underscores. */
final class ThingCodes {

    private static final Pattern CODE = Pattern.compile(ThingDefinition.CODE);

    private ThingCodes() {
    }

    static String require(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemException.invalidField("code", "一件事代码须为大写字母开头的大写字母、数字或下划线，2–40位");
        }
        return code;
    }
}
