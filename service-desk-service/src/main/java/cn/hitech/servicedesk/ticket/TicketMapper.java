package cn.hitech.servicedesk.ticket;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.domain.Masking;
import cn.hitech.servicedesk.department.Department;
import cn.hitech.servicedesk.department.DepartmentService;

/** Tickets into their API shape, in one place: the phone masked, the deadlines and the colour as of the domain clock. */
@ApplicationScoped
public class TicketMapper {

    private final TicketDeadlines deadlines;
    private final DepartmentService departments;
    private final Clock clock;

    TicketMapper(TicketDeadlines deadlines, DepartmentService departments, Clock clock) {
        this.deadlines = deadlines;
        this.departments = departments;
        this.clock = clock;
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
                t.version, t.createdAt, t.updatedAt);
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
