package cn.hitech.servicedesk.approval.application;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 办理记录: one move of an application ({@code itemCode} null) or of one of its items, written once. The measured
 * reductions are computed from these rows: step start and end instants, visits, materials asked and supplied.
 */
@Entity
@Immutable
@Table(name = "approval_move")
public class ApprovalMove {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "item_code")
    public String itemCode;

    public String move;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status")
    public String toStatus;

    @Column(name = "step_code")
    public String stepCode;

    public String department;

    /** Whether the move was made in person at the window (跑动一次). */
    public boolean visit;

    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    /** 代办: the credit code of the enterprise the actor (its agent) acted for; null when the actor acted in their own name. */
    @Column(name = "on_behalf_of")
    public String onBehalfOf;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> details;
}
