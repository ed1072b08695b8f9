package cn.hitech.servicedesk.agency;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import cn.hitech.platform.events.enterprise.AuthorisationChanged;

/** The local copies of the authorisations: applies their events in revision order and answers look-ups. */
@ApplicationScoped
public class AuthorisationCopies {

    private final EntityManager em;
    private final Clock clock;

    AuthorisationCopies(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * Applies a grant or withdrawal unless the copy already reflects the same or a newer revision (an older grant arriving
     * late must not bring a withdrawn authorisation back); returns whether it did. A withdrawal event withdraws, whatever
     * its {@code withdrawn} field says.
     */
    public boolean apply(AuthorisationChanged change, boolean withdrawal) {
        AgentAuthorisation copy = em.find(AgentAuthorisation.class, change.authorisationId(), LockModeType.PESSIMISTIC_WRITE);
        boolean firstSeen = copy == null;
        if (firstSeen) {
            copy = new AgentAuthorisation();
            copy.authorisationId = change.authorisationId();
        } else if (copy.revision >= change.revision()) {
            return false;
        }
        copy.creditCode = change.creditCode();
        copy.agent = change.agent();
        copy.agentKind = change.agentKind();
        copy.scopes = change.scopes();
        copy.reference = change.reference();
        copy.validFrom = change.validFrom();
        copy.validUntil = change.validUntil();
        copy.withdrawn = withdrawal || change.withdrawn();
        copy.revision = change.revision();
        copy.appliedEvents++;
        copy.changedAt = change.occurredAt();
        copy.appliedAt = clock.instant();
        if (firstSeen) {
            em.persist(copy);
        }
        return true;
    }

    public Optional<AgentAuthorisation> find(UUID authorisationId) {
        return Optional.ofNullable(em.find(AgentAuthorisation.class, authorisationId));
    }

    /** Every copy (withdrawn and expired ones too) that names {@code agent} for {@code creditCode}. */
    public List<AgentAuthorisation> of(String agent, String creditCode) {
        return em.createQuery("from AgentAuthorisation where agent = :agent and creditCode = :code", AgentAuthorisation.class)
                .setParameter("agent", agent).setParameter("code", creditCode).getResultList();
    }

    /** Every copy that names {@code agent}, newest validity first. */
    public List<AgentAuthorisation> of(String agent) {
        return em.createQuery("from AgentAuthorisation where agent = :agent order by validUntil desc, authorisationId",
                AgentAuthorisation.class).setParameter("agent", agent).getResultList();
    }
}
