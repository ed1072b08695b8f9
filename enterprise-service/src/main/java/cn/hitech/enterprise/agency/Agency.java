package cn.hitech.enterprise.agency;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.OnBehalf;

/**
 * 代办 in this service: what an endpoint marked {@code @ActsForEnterprise} asks before it acts for the enterprise that
 * {@link OnBehalf#HEADER} names. The covering authorisation is read here, from the table this service owns.
 */
@ApplicationScoped
public class Agency {

    private final EntityManager em;
    private final CurrentUser user;
    private final WorkingCalendar calendar;
    private final Clock clock;

    Agency(EntityManager em, CurrentUser user, WorkingCalendar calendar, Clock clock) {
        this.em = em;
        this.user = user;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Who acts for whom, and under which authorisation. */
    public record Acting(String agent, String creditCode, java.util.UUID authorisationId) {

        /** What the audit record of an act done on the enterprise's behalf adds: who acted, for whom, under which grant. */
        public java.util.Map<String, Object> trail() {
            return java.util.Map.of("actedBy", agent, "onBehalfOf", creditCode, "authorisation", authorisationId.toString());
        }
    }

    /**
     * The authorisation that lets the caller act for {@code creditCode} on {@code scope} (for {@code target}, the one
     * ticket, application or benefit the act is about) today; 403 NOT_AUTHORISED_AGENT when none does.
     */
    public Acting require(String creditCode, AgencyScope scope, String target) {
        LocalDate today = calendar.today(clock);
        String agent = user.name();
        return em.createQuery("FROM AgencyAuthorisation a WHERE a.creditCode = :code AND a.agent = :agent AND "
                + AuthorisationStatus.ACTIVE.condition + " ORDER BY a.validUntil DESC", AgencyAuthorisation.class)
                .setParameter("code", creditCode).setParameter("agent", agent).setParameter("today", today).getResultList().stream()
                .filter(a -> a.covers(scope, target, today))
                .findFirst()
                .map(a -> new Acting(agent, creditCode, a.id))
                .orElseThrow(() -> OnBehalf.notAuthorised(creditCode, scope.label()));
    }

    /** When the caller sends {@link OnBehalf#HEADER}: {@link #require} for the enterprise it names; empty otherwise. */
    public Optional<Acting> onBehalf(AgencyScope scope, String target) {
        return user.onBehalfOf().map(code -> require(code, scope, target));
    }
}
