package cn.hitech.servicedesk.agency;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.OnBehalf;
import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;

/**
 * 帮办代办 (acting on an enterprise's behalf): an agent who sends {@link OnBehalf#HEADER} acts as the enterprise would, in
 * its scope, once one of the enterprise's authorisations covers the act on the acceptance clock's date (Asia/Shanghai).
 * The platform's filter has already held the header to endpoints marked {@code @ActsForEnterprise} and to staff; this is
 * the check of each such act against the local copies, and the one place that turns the header into the enterprise scope
 * the ticket and approval services already apply to an enterprise account.
 */
@ApplicationScoped
public class Agency {

    /** 工单: filing a ticket, its material and call-back. */
    public static final String TICKETS = "TICKETS";
    /** 一件事: submitting a one-thing application and its corrections. */
    public static final String APPROVALS = "APPROVALS";

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AuthorisationCopies copies;
    private final CurrentUser user;
    private final Clock clock;

    Agency(AuthorisationCopies copies, CurrentUser user, Clock clock) {
        this.copies = copies;
        this.user = user;
        this.clock = clock;
    }

    /**
     * Refuses (403 {@code NOT_AUTHORISED_AGENT}) unless an authorisation of {@code creditCode} lets the caller act on
     * {@code scope} for {@code target} today; {@code target} null is a new ticket or application, which only a grant not
     * narrowed to one reference covers.
     */
    public void require(String creditCode, String scope, String target) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        if (copies.of(user.name(), creditCode).stream().noneMatch(a -> a.covers(scope, target, today))) {
            throw OnBehalf.notAuthorised(creditCode, TICKETS.equals(scope) ? "工单" : "一件事");
        }
    }

    /**
     * The enterprise scope of an act on the existing ticket or application {@code target}: the enterprise account's own;
     * the enterprise an agent names, once covered; none for staff acting in their own office.
     */
    public Optional<String> scopeFor(String scope, UUID target) {
        Optional<String> onBehalfOf = user.onBehalfOf();
        if (onBehalfOf.isEmpty()) {
            return user.enterpriseScope();
        }
        require(onBehalfOf.get(), scope, target.toString());
        return onBehalfOf;
    }

    /**
     * The enterprise scope of filing a new ticket or application, as {@link #scopeFor}; the credit code the body names in
     * {@code field}, if any, must be the enterprise the agent acts for (422 {@code ON_BEHALF_MISMATCH}).
     */
    public Optional<String> scopeForNew(String scope, String named, String field) {
        Optional<String> onBehalfOf = user.onBehalfOf();
        if (onBehalfOf.isEmpty()) {
            return user.enterpriseScope();
        }
        if (named != null && !named.isBlank() && !named.strip().equals(onBehalfOf.get())) {
            String message = "与代办企业 " + onBehalfOf.get() + "（" + OnBehalf.HEADER + "）不一致：代办只能以所代企业的名义提交";
            throw new ProblemException(422, "ON_BEHALF_MISMATCH", Problem.titleFor(422), field + ": " + message,
                    List.of(new Problem.FieldError(field, message)));
        }
        require(onBehalfOf.get(), scope, null);
        return onBehalfOf;
    }
}
