package cn.hitech.platform.web;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Who makes the current request, from the verified token: name, role, department and, for an enterprise account,
 * the credit code it is bound to. Enterprise isolation is decided here, once.
 */
@RequestScoped
public class CurrentUser {

    public static final String DEPARTMENT_CLAIM = "department";
    public static final String CREDIT_CODE_CLAIM = "creditCode";

    private final JsonWebToken token;
    private final CurrentVertxRequest request;

    CurrentUser(JsonWebToken token, CurrentVertxRequest request) {
        this.token = token;
        this.request = request;
    }

    public String name() {
        return token.getName() == null ? "anonymous" : token.getName();
    }

    /** The account's role (the first of the token's groups that the platform knows). */
    public String role() {
        for (String role : new String[] {Roles.ADMIN, Roles.MANAGER, Roles.STAFF, Roles.ENTERPRISE}) {
            if (token.getGroups() != null && token.getGroups().contains(role)) {
                return role;
            }
        }
        return "NONE";
    }

    public Optional<String> department() {
        return Optional.ofNullable(token.getClaim(DEPARTMENT_CLAIM));
    }

    public boolean isEnterprise() {
        return Roles.ENTERPRISE.equals(role());
    }

    /** For an enterprise account, the credit code it may see; empty for everyone else (who may see all). */
    public Optional<String> enterpriseScope() {
        if (!isEnterprise()) {
            return Optional.empty();
        }
        String code = token.getClaim(CREDIT_CODE_CLAIM);
        if (code == null) {
            throw new ProblemException(403, "NO_ENTERPRISE_BINDING", "This enterprise account is not bound to a credit code");
        }
        return Optional.of(code);
    }

    /**
     * 代办: the credit code of the enterprise this staff member acts for ({@link OnBehalf#HEADER}, checked by
     * {@link OnBehalf}); empty when they act in their own office, and always for an enterprise account.
     */
    public Optional<String> onBehalfOf() {
        if (request == null || request.getCurrent() == null || isEnterprise()) {
            return Optional.empty();
        }
        String code = request.getCurrent().request().getHeader(OnBehalf.HEADER);
        return code == null || code.isBlank() ? Optional.empty() : Optional.of(code.trim());
    }

    /** Whether data of {@code creditCode} lies within {@code enterpriseScope} (an empty scope allows everything). */
    public static boolean allows(Optional<String> enterpriseScope, String creditCode) {
        return enterpriseScope.map(own -> own.equals(creditCode)).orElse(true);
    }
}
