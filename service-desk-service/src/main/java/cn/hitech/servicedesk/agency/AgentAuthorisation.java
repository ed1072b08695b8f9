package cn.hitech.servicedesk.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.hitech.platform.events.enterprise.AuthorisationChanged;

/**
 * 帮办代办授权 (agency authorisation): the service desk's copy of one authorisation, as of the newest revision it applied.
 * Whether it covers an act is the contract's rule ({@link AuthorisationChanged#covers}), read from this copy.
 */
@Entity
@Table(name = "agent_authorisation")
public class AgentAuthorisation {

    @Id
    @Column(name = "authorisation_id")
    public UUID authorisationId;

    @Column(name = "credit_code", columnDefinition = "bpchar")
    public String creditCode;

    /** The account name of the agent: the enterprise's 服务专员 or a 帮办员. */
    public String agent;

    /** {@code COMMISSIONER} or {@code HELPER}. */
    @Column(name = "agent_kind")
    public String agentKind;

    /** {@code TICKETS} and/or {@code APPROVALS}; others (e.g. {@code POLICIES}) are kept but concern no act here. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> scopes;

    /** One ticket or one-thing application id the grant is narrowed to, or null for all of the enterprise's. */
    public String reference;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    /** Inclusive. */
    @Column(name = "valid_until")
    public LocalDate validUntil;

    public boolean withdrawn;

    /** The authorisation's revision this copy reflects; older events are ignored. */
    public long revision;

    /** How many events changed this copy: each event counts once, however often it was delivered. */
    @Column(name = "applied_events")
    public int appliedEvents;

    /** When it changed, at the source. */
    @Column(name = "changed_at")
    public Instant changedAt;

    /** When this service applied it. */
    @Column(name = "applied_at")
    public Instant appliedAt;

    /** Whether it lets its agent act on {@code scope} for {@code target} ({@code null}: a new ticket or application) on {@code day}. */
    public boolean covers(String scope, String target, LocalDate day) {
        return asEvent().covers(scope, target, day);
    }

    private AuthorisationChanged asEvent() {
        return new AuthorisationChanged(authorisationId, creditCode, agent, agentKind, scopes, reference, validFrom, validUntil,
                withdrawn, revision, changedAt);
    }
}
