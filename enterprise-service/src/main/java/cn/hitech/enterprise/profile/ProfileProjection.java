package cn.hitech.enterprise.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.events.approval.ApprovalCompleted;
import cn.hitech.platform.events.approval.ApprovalStatusChanged;
import cn.hitech.platform.events.project.ProjectRegistration;
import cn.hitech.platform.events.project.ProjectStatusChanged;
import cn.hitech.platform.events.project.WarningChanged;
import cn.hitech.platform.events.ticket.TicketRegistered;
import cn.hitech.platform.events.ticket.TicketResolved;
import cn.hitech.platform.events.ticket.TicketStatusChanged;
import cn.hitech.platform.messaging.ReceivedEvent;

/**
 * Applies the other services' events to the 一企一档 read model. Each write is an upsert guarded by the instant of the
 * event that last set the row's part, so applying an event twice, or an older one after a newer, changes nothing: the
 * live consumers and a rebuild may run over the same events at the same time.
 */
@ApplicationScoped
class ProfileProjection {

    static final Set<String> PROJECT_TYPES = Set.of(ProjectRegistration.TYPE.name(), ProjectStatusChanged.TYPE.name(),
            WarningChanged.TYPE.name());
    static final Set<String> TICKET_TYPES = Set.of(TicketRegistered.TYPE.name(), TicketStatusChanged.TYPE.name(),
            TicketResolved.TYPE.name());
    static final Set<String> APPROVAL_TYPES = Set.of(ApprovalStatusChanged.TYPE.name(), ApprovalCompleted.TYPE.name());

    private final EntityManager em;

    ProfileProjection(EntityManager em) {
        this.em = em;
    }

    /** Applies one event of a kind the profile keeps; false for any other. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean apply(ReceivedEvent event) {
        String type = event.type();
        if (type.equals(ProjectRegistration.TYPE.name())) {
            registered(event.data(ProjectRegistration.TYPE));
        } else if (type.equals(ProjectStatusChanged.TYPE.name())) {
            moved(event.data(ProjectStatusChanged.TYPE));
        } else if (type.equals(WarningChanged.TYPE.name())) {
            warned(event.data(WarningChanged.TYPE));
        } else if (type.equals(TicketRegistered.TYPE.name())) {
            registered(event.data(TicketRegistered.TYPE));
        } else if (type.equals(TicketStatusChanged.TYPE.name())) {
            moved(event.data(TicketStatusChanged.TYPE));
        } else if (type.equals(TicketResolved.TYPE.name())) {
            resolved(event.data(TicketResolved.TYPE));
        } else if (type.equals(ApprovalStatusChanged.TYPE.name())) {
            moved(event.data(ApprovalStatusChanged.TYPE));
        } else if (type.equals(ApprovalCompleted.TYPE.name())) {
            completed(event.data(ApprovalCompleted.TYPE));
        } else {
            return false;
        }
        return true;
    }

    private void registered(ProjectRegistration e) {
        sql("""
                INSERT INTO profile_project (project_id, credit_code, name, level, industry_chain, total_investment, stage, stage_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT (project_id) DO UPDATE SET
                    credit_code = COALESCE(EXCLUDED.credit_code, profile_project.credit_code),
                    name = EXCLUDED.name, level = EXCLUDED.level, industry_chain = EXCLUDED.industry_chain,
                    total_investment = EXCLUDED.total_investment,
                    stage = CASE WHEN profile_project.stage_at IS NULL OR profile_project.stage_at <= EXCLUDED.stage_at
                                 THEN EXCLUDED.stage ELSE profile_project.stage END,
                    stage_at = GREATEST(profile_project.stage_at, EXCLUDED.stage_at)""",
                e.projectId(), e.ownerCreditCode(), e.projectName(), e.level(), e.industryChain(), typed(e.totalInvestment(), BigDecimal.class),
                e.status(), e.occurredAt());
    }

    private void moved(ProjectStatusChanged e) {
        sql("""
                INSERT INTO profile_project (project_id, credit_code, name, stage, stage_on, stage_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (project_id) DO UPDATE SET
                    credit_code = COALESCE(EXCLUDED.credit_code, profile_project.credit_code),
                    name = COALESCE(EXCLUDED.name, profile_project.name),
                    stage = EXCLUDED.stage, stage_on = EXCLUDED.stage_on, stage_at = EXCLUDED.stage_at
                WHERE profile_project.stage_at IS NULL OR profile_project.stage_at <= EXCLUDED.stage_at""",
                e.projectId(), typed(e.ownerCreditCode(), String.class), typed(e.projectName(), String.class), e.to(),
                typed(e.effectiveDate(), LocalDate.class), e.occurredAt());
    }

    private void warned(WarningChanged e) {
        sql("""
                INSERT INTO profile_project (project_id, name, warning_colour, warning_reasons, warning_at)
                VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5)
                ON CONFLICT (project_id) DO UPDATE SET
                    name = COALESCE(EXCLUDED.name, profile_project.name), warning_colour = EXCLUDED.warning_colour,
                    warning_reasons = EXCLUDED.warning_reasons, warning_at = EXCLUDED.warning_at
                WHERE profile_project.warning_at IS NULL OR profile_project.warning_at <= EXCLUDED.warning_at""",
                e.projectId(), typed(e.projectName(), String.class), e.colour(), EventJson.write(e.reasons()), e.occurredAt());
    }

    private void registered(TicketRegistered e) {
        sql("""
                INSERT INTO profile_ticket (ticket_id, credit_code, number, channel, category, topic_code, status, registered_at, status_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'REGISTERED', ?7, ?7)
                ON CONFLICT (ticket_id) DO UPDATE SET
                    credit_code = COALESCE(EXCLUDED.credit_code, profile_ticket.credit_code),
                    number = EXCLUDED.number, channel = EXCLUDED.channel, category = EXCLUDED.category,
                    topic_code = EXCLUDED.topic_code, registered_at = EXCLUDED.registered_at,
                    status = CASE WHEN profile_ticket.status_at IS NULL OR profile_ticket.status_at <= EXCLUDED.status_at
                                  THEN EXCLUDED.status ELSE profile_ticket.status END,
                    status_at = GREATEST(profile_ticket.status_at, EXCLUDED.status_at)""",
                e.ticketId(), typed(e.creditCode(), String.class), e.number(), typed(e.channel(), String.class),
                typed(e.category(), String.class), typed(e.topicCode(), String.class), e.occurredAt());
    }

    private void moved(TicketStatusChanged e) {
        sql("""
                INSERT INTO profile_ticket (ticket_id, credit_code, number, status, department, status_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (ticket_id) DO UPDATE SET
                    credit_code = COALESCE(EXCLUDED.credit_code, profile_ticket.credit_code),
                    number = COALESCE(EXCLUDED.number, profile_ticket.number), status = EXCLUDED.status,
                    department = COALESCE(EXCLUDED.department, profile_ticket.department), status_at = EXCLUDED.status_at
                WHERE profile_ticket.status_at IS NULL OR profile_ticket.status_at <= EXCLUDED.status_at""",
                e.ticketId(), typed(e.creditCode(), String.class), typed(e.ticketNumber(), String.class), e.to(),
                typed(e.department(), String.class), e.occurredAt());
    }

    private void resolved(TicketResolved e) {
        sql("""
                INSERT INTO profile_ticket (ticket_id, credit_code, number, resolved_at, reply) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (ticket_id) DO UPDATE SET
                    credit_code = COALESCE(EXCLUDED.credit_code, profile_ticket.credit_code),
                    number = COALESCE(EXCLUDED.number, profile_ticket.number),
                    resolved_at = EXCLUDED.resolved_at, reply = EXCLUDED.reply
                WHERE profile_ticket.resolved_at IS NULL OR profile_ticket.resolved_at <= EXCLUDED.resolved_at""",
                e.ticketId(), typed(e.creditCode(), String.class), typed(e.ticketNumber(), String.class), e.occurredAt(),
                typed(e.reply(), String.class));
    }

    /** Only the application's own moves set its status; an item's move (itemCode set) is the item's. */
    private void moved(ApprovalStatusChanged e) {
        if (e.itemCode() != null) {
            return;
        }
        boolean submitted = "NEW".equals(e.from());
        sql("""
                INSERT INTO profile_application (application_id, credit_code, number, thing_code, status, submitted_at, status_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (application_id) DO UPDATE SET
                    credit_code = COALESCE(EXCLUDED.credit_code, profile_application.credit_code),
                    number = EXCLUDED.number, thing_code = EXCLUDED.thing_code,
                    submitted_at = COALESCE(EXCLUDED.submitted_at, profile_application.submitted_at),
                    status = CASE WHEN profile_application.status_at IS NULL OR profile_application.status_at <= EXCLUDED.status_at
                                  THEN EXCLUDED.status ELSE profile_application.status END,
                    status_at = GREATEST(profile_application.status_at, EXCLUDED.status_at)""",
                e.applicationId(), typed(e.applicantCreditCode(), String.class), e.applicationNumber(), e.thingCode(), e.to(),
                typed(submitted ? e.occurredAt() : null, Instant.class), e.occurredAt());
    }

    private void completed(ApprovalCompleted e) {
        sql("""
                INSERT INTO profile_application (application_id, credit_code, number, thing_code, thing_name, outcome, refused_items,
                    completed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8)
                ON CONFLICT (application_id) DO UPDATE SET
                    credit_code = COALESCE(EXCLUDED.credit_code, profile_application.credit_code),
                    number = EXCLUDED.number, thing_code = EXCLUDED.thing_code, thing_name = EXCLUDED.thing_name,
                    outcome = EXCLUDED.outcome, refused_items = EXCLUDED.refused_items, completed_at = EXCLUDED.completed_at""",
                e.applicationId(), typed(e.applicantCreditCode(), String.class), e.applicationNumber(), e.thingCode(),
                typed(e.thingName(), String.class), e.outcome(), EventJson.write(e.refusedItems() == null ? java.util.List.of() : e.refusedItems()),
                e.occurredAt());
        for (ApprovalCompleted.Certificate c : e.certificates() == null ? java.util.List.<ApprovalCompleted.Certificate>of() : e.certificates()) {
            sql("""
                    INSERT INTO profile_certificate (number, application_id, credit_code, item_code, name, issuer, issued_on, valid_from,
                        valid_to)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                    ON CONFLICT (number) DO NOTHING""",
                    c.number(), e.applicationId(), typed(e.applicantCreditCode(), String.class), typed(c.itemCode(), String.class),
                    typed(c.name(), String.class), typed(c.issuer(), String.class), typed(c.issuedOn(), LocalDate.class),
                    typed(c.validFrom(), LocalDate.class), typed(c.validTo(), LocalDate.class));
        }
    }

    /**
     * Empties the read model, for a rebuild from the topics. Rows are deleted, not truncated: until the rebuild commits,
     * readers keep seeing the old profile instead of waiting for the table lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void clear() {
        for (String table : new String[] {"profile_project", "profile_ticket", "profile_application", "profile_certificate"}) {
            em.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
    }

    /** A parameter that may be null, with its type, so PostgreSQL is never sent an untyped null. */
    private record Typed(Object value, Class<?> type) {
    }

    private static Typed typed(Object value, Class<?> type) {
        return new Typed(value, type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void sql(String statement, Object... parameters) {
        NativeQuery<?> query = em.createNativeQuery(statement).unwrap(NativeQuery.class);
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p instanceof Typed t) {
                query.setParameter(i + 1, t.value(), (Class) t.type());
            } else {
                query.setParameter(i + 1, p);
            }
        }
        query.executeUpdate();
    }
}
