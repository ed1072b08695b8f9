package cn.hitech.enterprise.qualification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;

/** 资质荣誉: a qualification an enterprise was granted (认定), of a kind, at a level, in a year; revoked ones are kept. */
@Entity
@Table(name = "enterprise_qualification")
public class Qualification extends TrackedEntity {

    @Id
    public UUID id;

    @Column(name = "credit_code", columnDefinition = "bpchar")
    public String creditCode;

    /** A {@link QualificationKind} code. */
    public String kind;

    @Enumerated(EnumType.STRING)
    public QualificationLevel level;

    public short year;

    /** 证书编号. */
    @Column(name = "certificate_number")
    public String certificateNumber;

    /** 有效期至 (inclusive); null: no expiry. */
    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoke_reason")
    public String revokeReason;

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Held on {@code day}: not revoked and not past its expiry. */
    public boolean heldOn(LocalDate day) {
        return !revoked() && (validUntil == null || !validUntil.isBefore(day));
    }
}
