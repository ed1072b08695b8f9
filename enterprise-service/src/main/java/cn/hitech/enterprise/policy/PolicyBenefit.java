package cn.hitech.enterprise.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;
import cn.hitech.platform.web.ProblemException;

/** 免申即享兑现: what one enterprise receives from one AUTO policy (one per policy and enterprise). */
@Entity
@Table(name = "policy_benefit")
public class PolicyBenefit extends TrackedEntity {

    @Id
    public UUID id;

    @Column(name = "policy_id")
    public UUID policyId;

    @Column(name = "credit_code", columnDefinition = "bpchar")
    public String creditCode;

    /** 万元. */
    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    public BenefitStatus status;

    @Column(name = "offered_at")
    public Instant offeredAt;

    @Column(name = "bank_name")
    public String bankName;

    @Column(name = "account_name")
    public String accountName;

    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "paid_amount")
    public BigDecimal paidAmount;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "payout_reference")
    public String payoutReference;

    void move(BenefitStatus.Move move, Instant now) {
        if (!move.from.contains(status)) {
            throw ProblemException.conflict("BENEFIT_MOVE_NOT_ALLOWED", "兑现记录当前为“" + status.label() + "”，不能" + move.label);
        }
        status = move.to;
        touch(now);
    }
}
