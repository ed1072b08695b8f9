package cn.hitech.enterprise.policy;

import java.math.BigDecimal;
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

/** 惠企政策: one policy of the catalogue; its eligibility rules are kept as the JSON list the API takes. */
@Entity
@Table(name = "policy")
public class Policy extends TrackedEntity {

    @Id
    public UUID id;

    public String name;

    /** 发文单位. */
    public String issuer;

    /** 文号, e.g. 济高管发〔2026〕3号. */
    @Column(name = "document_number")
    public String documentNumber;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Enumerated(EnumType.STRING)
    public PolicyMode mode;

    @Enumerated(EnumType.STRING)
    public PolicyStatus status;

    /** The rules as JSON (a list of {@link EligibilityRule}), checked by {@link PolicyRules} before they are stored. */
    public String eligibility;

    @Column(name = "amount_kind")
    public String amountKind;

    @Column(name = "amount_fixed")
    public BigDecimal amountFixed;

    @Column(name = "amount_base")
    public String amountBase;

    @Column(name = "amount_percent")
    public BigDecimal amountPercent;

    @Column(name = "amount_cap")
    public BigDecimal amountCap;

    @Column(name = "published_at")
    public Instant publishedAt;

    PolicyAmount amount() {
        return new PolicyAmount(amountKind, amountFixed, amountBase, amountPercent, amountCap);
    }

    void amount(PolicyAmount amount) {
        amountKind = amount.kind();
        boolean fixed = PolicyAmount.FIXED.equals(amount.kind());
        amountFixed = fixed ? amount.value() : null;
        amountBase = fixed ? null : amount.base();
        amountPercent = fixed ? null : amount.percent();
        amountCap = fixed ? null : amount.cap();
    }

    /** In force on {@code day}: within its validity window (both ends included). */
    boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
