package cn.hitech.enterprise.agency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.hitech.platform.messaging.TrackedEntity;

/** 帮办代办授权: an enterprise lets one agent act for it on some scopes, for a period, until it withdraws it. */
@Entity
@Table(name = "agency_authorisation")
public class AgencyAuthorisation extends TrackedEntity {

    @Id
    public UUID id;

    @Column(name = "credit_code", columnDefinition = "bpchar")
    public String creditCode;

    public String agent;

    @Enumerated(EnumType.STRING)
    @Column(name = "agent_kind")
    public AgentKind agentKind;

    /** In {@link AgencyScope} order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] scopes;

    public UUID reference;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "granted_by")
    public String grantedBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    public String reason;

    public List<String> scopeList() {
        return Arrays.asList(scopes);
    }

    public AuthorisationStatus statusOn(LocalDate day) {
        return AuthorisationStatus.of(withdrawnAt != null, validFrom, validUntil, day);
    }

    /** Whether it lets its agent act on {@code scope} for {@code target} (null: the act names no one ticket or application) on {@code day}. */
    public boolean covers(AgencyScope scope, String target, LocalDate day) {
        return statusOn(day) == AuthorisationStatus.ACTIVE && scopeList().contains(scope.name())
                && (reference == null || reference.toString().equals(target));
    }

    /** 撤回. */
    void withdraw(String by, String why, Instant now) {
        withdrawnAt = now;
        withdrawnBy = by;
        reason = why;
        touch(now);
    }
}
