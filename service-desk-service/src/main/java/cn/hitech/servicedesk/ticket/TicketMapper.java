package cn.hitech.servicedesk.ticket;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cn.hitech.platform.domain.Masking;
import cn.hitech.servicedesk.department.Department;
import cn.hitech.servicedesk.department.DepartmentService;
import cn.hitech.servicedesk.topic.TopicCatalogue;

/** Tickets into their API shape, in one place: the phone masked, the deadlines and the colour as of the domain clock. */
@ApplicationScoped
public class TicketMapper {

    private final TicketDeadlines deadlines;
    private final DepartmentService departments;
    private final Clock clock;
    private final EntityManager em;
    private final TopicCatalogue topics;

    TicketMapper(TicketDeadlines deadlines, DepartmentService departments, Clock clock, EntityManager em, TopicCatalogue topics) {
        this.deadlines = deadlines;
        this.departments = departments;
        this.clock = clock;
        this.em = em;
        this.topics = topics;
    }

    public TicketApi.TicketView view(Ticket t) {
        return view(t, null);
    }

    /** The view with the merge candidates found at registration; {@code null} where they were not looked for. */
    public TicketApi.TicketView view(Ticket t, List<TicketApi.MergeCandidate> mergeCandidates) {
        return view(t, mergeCandidates, mergedChildren(t));
    }

    /**
     * The view of a ticket registered in this transaction, with its merge candidates: nothing can have been merged into
     * it yet, so the 并单 children are not looked up.
     */
    TicketApi.TicketView registered(Ticket t, List<TicketApi.MergeCandidate> mergeCandidates) {
        return view(t, mergeCandidates, List.of());
    }

    private TicketApi.TicketView view(Ticket t, List<TicketApi.MergeCandidate> mergeCandidates, List<TicketApi.TicketRef> children) {
        String departmentName = departments.name(t.departmentCode).orElse(null);
        return new TicketApi.TicketView(t.id, t.number, t.channel, t.channel.label(), t.category, t.category.label(), t.title,
                t.description, t.enterpriseCreditCode, t.enterpriseName, t.grid, t.commissioner, t.contactName,
                Masking.phone(t.contactPhone), t.urgent, t.status, t.status.label(), t.departmentCode, departmentName,
                codes(t.assistingDepartments), t.suggestedDepartment,
                new TicketApi.Deadlines(t.dispatchedAt, t.signBy, t.signedAt, t.resolveBy, t.resolvedAt, t.callBackBy, t.closedAt),
                deadlines.sla(t, clock.instant()), deadlines.calendarWarning(t), t.suspendedAt, t.extensionDaysAsked,
                t.extensionReason, t.extensionDaysGranted, t.returnReason, t.reply, t.outcome, t.satisfaction, t.solved,
                t.reopenCount, t.problemId, t.projectId, t.urgeCount, t.lastUrgedAt,
                t.supervisedAt == null ? null : new TicketApi.Supervision(t.supervisedAt, t.supervisedBy, t.superviseBy, t.supervisionNote),
                t.topicCode, topicLabel(t.topicCode), t.externalNumber, t.externalReceivedAt, ref(t.mergedInto), children,
                repeat(t), t.knowledgeArticleId, t.copiedTo, mergeCandidates, t.version, t.createdAt, t.updatedAt);
    }

    /** The ticket as the caller may see it: within an enterprise scope without the internal fields ({@link #redacted}). */
    public TicketApi.TicketView viewFor(Ticket t, Optional<String> enterpriseScope) {
        return enterpriseScope.isPresent() ? redacted(view(t)) : view(t);
    }

    /**
     * 企业视图: what an enterprise account sees of its own ticket. Kept: its request, status, the department in charge,
     * deadlines and colour, the reply, outcome and rating. Left out: what the hotline and departments say among
     * themselves (the 退单 and 延期 reasons, a pending extension, 催办 and 督办 with their notes and who made them, the
     * suggested and the 协办 departments, whom it was copied to) and other tickets (the repeat found at intake, the merge
     * candidates, the 并单 parent and children, which may be other enterprises'). The enterprise follows progress on the
     * public timeline instead.
     */
    public static TicketApi.TicketView redacted(TicketApi.TicketView v) {
        return new TicketApi.TicketView(v.id(), v.number(), v.channel(), v.channelLabel(), v.category(), v.categoryLabel(), v.title(),
                v.description(), v.enterpriseCreditCode(), v.enterpriseName(), v.grid(), v.commissioner(), v.contactName(),
                v.contactPhone(), v.urgent(), v.status(), v.statusLabel(), v.department(), v.departmentName(), List.of(), null,
                v.deadlines(), v.sla(), v.calendarWarning(), v.suspendedAt(), null, null, v.extensionDaysGranted(), null, v.reply(),
                v.outcome(), v.satisfaction(), v.solved(), v.reopenCount(), v.problemId(), v.projectId(), 0, null, null, v.topicCode(),
                v.topicLabel(), v.externalNumber(), v.externalReceivedAt(), null, List.of(), null, v.knowledgeArticleId(), null, null,
                v.version(), v.createdAt(), v.updatedAt());
    }

    /** 并单: the children merged into {@code t}, in the order they were merged. */
    private List<TicketApi.TicketRef> mergedChildren(Ticket t) {
        return em.createQuery("select c.id, c.number from Ticket c where c.mergedInto = :id order by c.mergedAt, c.number", Object[].class)
                .setParameter("id", t.id).getResultList().stream()
                .map(row -> new TicketApi.TicketRef((java.util.UUID) row[0], (String) row[1])).toList();
    }

    /** The topic's path in words ("要素保障 / 用电 / 用电报装"), from the cached catalogue; the code itself if it is unknown. */
    private String topicLabel(String code) {
        return topics.pathLabel(code);
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
                m.details, m.onBehalfOf);
    }

    /** The 协办 codes as stored (comma-separated) into a list. */
    static List<String> codes(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).toList();
    }

    static String joined(List<Department> assisting) {
        return assisting.isEmpty() ? null : String.join(",", assisting.stream().map(d -> d.code).toList());
    }
}
