package cn.hitech.servicedesk.ticket;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 流转记录: one move of a ticket, as it happened. Written once, never changed: the department metrics are recomputed
 * from these rows.
 */
@Entity
@Immutable
@Table(name = "ticket_move")
public class TicketMove {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    /** The move's path name: {@code dispatch}, {@code sign}, {@code reopen} … */
    public String move;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public TicketStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public TicketStatus toStatus;

    /** The 主办 department the ticket stood with after the move. */
    public String department;

    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    /** 代办: the credit code of the enterprise the actor (its agent) acted for; null when the actor acted in their own name. */
    @Column(name = "on_behalf_of", columnDefinition = "bpchar")
    public String onBehalfOf;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> details;
}
