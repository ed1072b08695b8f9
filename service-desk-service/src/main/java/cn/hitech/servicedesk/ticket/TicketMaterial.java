package cn.hitech.servicedesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 补充材料: what the enterprise supplied while its ticket waited for it; written once, never changed. */
@Entity
@Table(name = "ticket_material")
public class TicketMaterial {

    @Id
    public UUID id;

    @Column(name = "ticket_id")
    public UUID ticketId;

    public String text;

    /** Each {@code {"name", "url"}}: the files stay where the enterprise put them; the ticket keeps the links. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Map<String, String>> attachments;

    /** Who submitted it: the enterprise account, or staff on its behalf (代企业提交), with the role. */
    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_role")
    public String submittedRole;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    /** The order of arrival, given by the database (two materials may share an instant). */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;
}
