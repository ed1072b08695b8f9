package cn.hitech.platform.web;

import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * 代办 (acting on an enterprise's behalf): the request header {@value #HEADER} names the credit code of the enterprise a
 * staff member acts for. Checked here once for every service: only a STAFF or ADMIN account may send it, only an
 * endpoint marked {@link ActsForEnterprise} takes it, and it must look like a credit code. Whether an authorisation
 * covers the act is the endpoint's own check, on its own copy of the grants.
 */
public class OnBehalf {

    public static final String HEADER = "X-On-Behalf-Of";
    private static final Pattern CREDIT_CODE_SHAPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");

    private final CurrentUser user;

    OnBehalf(CurrentUser user) {
        this.user = user;
    }

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        String onBehalfOf = request.getHeaderString(HEADER);
        if (onBehalfOf == null) {
            return;
        }
        if (resource.getResourceMethod() == null || !resource.getResourceMethod().isAnnotationPresent(ActsForEnterprise.class)) {
            throw new ProblemException(400, "ON_BEHALF_NOT_APPLICABLE", "此操作不能代办：" + HEADER + " 只用于企业本人可做的操作");
        }
        String role = user.role();
        if (!Roles.STAFF.equals(role) && !Roles.ADMIN.equals(role)) {
            throw new ProblemException(403, "ON_BEHALF_NOT_ALLOWED", "只有工作人员（服务专员、帮办员）可以代办");
        }
        if (!CREDIT_CODE_SHAPE.matcher(onBehalfOf.trim()).matches()) {
            throw ProblemException.invalidField(HEADER, "不是统一社会信用代码");
        }
    }

    /** The 403 an endpoint answers when no authorisation covers the act. */
    public static ProblemException notAuthorised(String creditCode, String what) {
        return new ProblemException(403, "NOT_AUTHORISED_AGENT",
                "企业 " + creditCode + " 未授权您代办" + what + "，或授权已过期、已撤回");
    }
}
