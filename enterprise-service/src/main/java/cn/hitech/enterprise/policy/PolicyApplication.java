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
import cn.hitech.platform.web.ProblemException;

/** 快申快享申请: an enterprise's application to an APPLY policy, paid within its limit ({@link #dueOn}). */
@Entity
@Table(name = "policy_application")
public class PolicyApplication extends TrackedEntity {

    @Id
    public UUID id;

    @Column(name = "policy_id")
    public UUID policyId;

    @Column(name = "credit_code", columnDefinition = "bpchar")
    public String creditCode;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    /** 兑现时限: the last working day to pay it on. */
    @Column(name = "due_on")
    public LocalDate dueOn;

    /** 万元. */
    @Column(name = "approved_amount")
    public BigDecimal approvedAmount;

    @Column(name = "reject_reason")
    public String rejectReason;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "paid_on")
    public LocalDate paidOn;

    @Column(name = "payout_reference")
    public String payoutReference;

    void move(ApplicationStatus.Move move, Instant now) {
        if (!move.from.contains(status)) {
            throw ProblemException.conflict("APPLICATION_MOVE_NOT_ALLOWED", "申请当前为“" + status.label() + "”，不能" + move.label);
        }
        status = move.to;
        touch(now);
    }
}
