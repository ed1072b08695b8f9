package cn.hitech.servicedesk.ticket;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cn.hitech.platform.domain.Masking;
import cn.hitech.servicedesk.department.Department;
import cn.hitech.servicedesk.department.DepartmentService;

/** Tickets into their API shape, in one place: the phone masked, the deadlines and the colour as of the domain clock. */
@ApplicationScoped
public class TicketMapper {

    private final TicketDeadlines deadlines;
    private final DepartmentService departments;
    private final Clock clock;
    private final EntityManager em;

    TicketMapper(TicketDeadlines deadlines, DepartmentService departments, Clock clock, EntityManager em) {
        this.deadlines = deadlines;
        this.departments = departments;
        this.clock = clock;
        this.em = em;
    }

    public TicketApi.TicketView view(Ticket t) {
        String departmentName = departments.find(t.departmentCode).map(d -> d.name).orElse(null);
        return new TicketApi.TicketView(t.id, t.number, t.channel, t.channel.label(), t.category, t.category.label(), t.title,
                t.description, t.enterpriseCreditCode, t.enterpriseName, t.grid, t.commissioner, t.contactName,
                Masking.phone(t.contactPhone), t.urgent, t.status, t.status.label(), t.departmentCode, departmentName,
                codes(t.assistingDepartments), t.suggestedDepartment,
                new TicketApi.Deadlines(t.dispatchedAt, t.signBy, t.signedAt, t.resolveBy, t.resolvedAt, t.callBackBy, t.closedAt),
                deadlines.sla(t, clock.instant()), deadlines.calendarWarning(t), t.suspendedAt, t.extensionDaysAsked,
                t.extensionReason, t.extensionDaysGranted, t.returnReason, t.reply, t.outcome, t.satisfaction, t.solved,
                t.reopenCount, t.problemId, t.projectId, t.urgeCount, t.lastUrgedAt,
                t.supervisedAt == null ? null : new TicketApi.Supervision(t.supervisedAt, t.supervisedBy, t.superviseBy, t.supervisionNote),
                t.topicCode, topicLabel(t.topicCode), t.externalNumber, t.externalReceivedAt, ref(t.mergedInto), repeat(t),
                t.knowledgeArticleId, t.version, t.createdAt, t.updatedAt);
    }

    /** The topic's path in words ("企业服务 / 用电用水 / 电力报装"); the code itself while the catalogue does not know it. */
    private String topicLabel(String code) {
        return code; // TODO(topic catalogue): the path of labels from the catalogue
    }

    private TicketApi.TicketRef ref(java.util.UUID id) {
        if (id == null) {
            return null;
        }
        Ticket other = em.find(Ticket.class, id);
        return new TicketApi.TicketRef(id, other == null ? null : other.number);
    }

    private TicketApi.Repeat repeat(Ticket t) {
        if (t.repeatOf == null) {
            return null;
        }
        Ticket other = em.find(Ticket.class, t.repeatOf);
        return new TicketApi.Repeat(t.repeatOf, other == null ? null : other.number, t.repeatKind,
                "SAME_TOPIC".equals(t.repeatKind) ? "同一企业同一诉求分类 30 日内重复" : "诉求内容相似");
    }

    public TicketApi.MoveView view(TicketMove m) {
        return new TicketApi.MoveView(m.id, m.move, m.fromStatus, m.toStatus, m.department, m.actor, m.actorRole, m.occurredAt,
                m.details);
    }

    /** The 协办 codes as stored (comma-separated) into a list. */
    static List<String> codes(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).toList();
    }

    static String joined(List<Department> assisting) {
        return assisting.isEmpty() ? null : String.join(",", assisting.stream().map(d -> d.code).toList());
    }
}
