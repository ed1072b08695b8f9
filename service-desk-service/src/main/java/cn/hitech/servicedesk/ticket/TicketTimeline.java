package cn.hitech.servicedesk.ticket;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.Roles;
import cn.hitech.servicedesk.department.DepartmentService;

/**
 * 办理进度: a ticket's public timeline, as its enterprise follows it, and the material it supplied. Made from the move
 * history, but only of what the enterprise is told: who has the order, what was asked of it, the reply and the
 * rating, in zh-CN, by role (承办单位, 热线受理员), never by name. What the hotline and the departments say among
 * themselves (退单, 延期, 催办, 督办 and their reasons, notes of a dispatch) is not on it; {@code /moves} keeps all that
 * for staff. An act an agent did for the enterprise (代办) names the agent and the enterprise: the enterprise chose that
 * agent, and must see what was done in its name and by whom.
 */
@ApplicationScoped
public class TicketTimeline {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** 代办人: the {@code by} of an act an agent did for the enterprise. */
    private static final String AGENT = "代办人";

    private final EntityManager em;
    private final DepartmentService departments;
    private final TicketDeadlines deadlines;

    TicketTimeline(EntityManager em, DepartmentService departments, TicketDeadlines deadlines) {
        this.em = em;
        this.departments = departments;
        this.deadlines = deadlines;
    }

    /** Oldest first, from the registration on; within an enterprise scope only its own tickets (any other is "not found"). */
    public List<TicketApi.TimelineEntry> timeline(UUID id, Optional<String> enterpriseScope) {
        Ticket t = visible(id, enterpriseScope);
        List<TicketMove> moves = em.createQuery("from TicketMove where ticketId = :id order by id", TicketMove.class)
                .setParameter("id", id).getResultList();
        List<TicketApi.TimelineEntry> entries = new ArrayList<>();
        // Filed by an agent, the ticket's history starts with that register move; otherwise the hotline took it in.
        TicketMove filed = moves.stream().filter(m -> "register".equals(m.move)).findFirst().orElse(null);
        String registered = "受理（" + t.channel.label() + "）";
        entries.add(filed == null
                ? new TicketApi.TimelineEntry(t.createdAt, "register", registered, "热线受理员", TicketStatus.REGISTERED,
                        TicketStatus.REGISTERED.label(), null)
                : new TicketApi.TimelineEntry(t.createdAt, "register", onBehalf(filed, t) + "提交诉求，" + registered, AGENT,
                        TicketStatus.REGISTERED, TicketStatus.REGISTERED.label(), filed.onBehalfOf));
        moves.forEach(m -> publicText(m).ifPresent(text -> entries.add(m.onBehalfOf == null
                ? new TicketApi.TimelineEntry(m.occurredAt, m.move, text, by(m), m.toStatus, m.toStatus.label(), null)
                : new TicketApi.TimelineEntry(m.occurredAt, m.move, onBehalf(m, t) + text, AGENT, m.toStatus, m.toStatus.label(),
                        m.onBehalfOf))));
        return entries;
    }

    /** The material supplied for the ticket, oldest first. */
    public List<TicketApi.MaterialView> materials(UUID id, Optional<String> enterpriseScope) {
        visible(id, enterpriseScope);
        // Material an agent supplied (代办) is named by its supply-material move, which records for whom.
        Map<String, String> byAgents = new java.util.HashMap<>();
        em.createQuery("from TicketMove where ticketId = :id and move = :move and onBehalfOf is not null", TicketMove.class)
                .setParameter("id", id).setParameter("move", TicketTransition.SUPPLY_MATERIAL.pathName()).getResultList()
                .forEach(m -> byAgents.put(String.valueOf(m.details.get("materialId")), m.actor + "（代办人，代企业提交）"));
        return em.createQuery("from TicketMaterial where ticketId = :id order by seq", TicketMaterial.class)
                .setParameter("id", id).getResultList().stream()
                .map(m -> new TicketApi.MaterialView(m.id, m.text, m.attachments.stream()
                        .map(a -> new TicketApi.Attachment(a.get("name"), a.get("url"))).toList(),
                        Roles.ENTERPRISE.equals(m.submittedRole) ? "企业"
                                : byAgents.getOrDefault(m.id.toString(), "热线受理员（代企业提交）"), m.submittedAt))
                .toList();
    }

    private Ticket visible(UUID id, Optional<String> enterpriseScope) {
        Ticket t = em.find(Ticket.class, id);
        if (t == null || !CurrentUser.allows(enterpriseScope, t.enterpriseCreditCode)) {
            throw ProblemException.notFound("ticket", id);
        }
        return t;
    }

    /** The move in the enterprise's words, or empty for a move that is internal to the hotline and the departments. */
    private Optional<String> publicText(TicketMove m) {
        return TicketTransition.byPathName(m.move).map(transition -> publicText(transition, m));
    }

    private String publicText(TicketTransition transition, TicketMove m) {
        Map<String, Object> d = m.details;
        return switch (transition) {
            case DISPATCH -> "派单至" + departmentName(d.get("department"));
            case SIGN -> "签收";
            case APPROVE_EXTENSION -> "办理时限延长至 " + shown(d.get("resolveBy"));
            case SUSPEND -> "请补充材料：" + d.get("reason");
            case SUPPLY_MATERIAL -> "补充材料";
            case RESUME -> "恢复办理";
            case RESOLVE -> "办结：" + d.get("reply");
            case ANSWER -> "直接答复：" + d.get("answer");
            case CALL_BACK, REOPEN -> callBack(transition, d);
            case MERGE -> "与同类诉求并案办理";
            case PARENT_RESOLVED -> "办结：" + d.get("reply");
            case PARENT_CLOSED -> "办结归档";
            // The enterprise never saw the return, so neither its refusal: the order simply stayed where it was.
            case RETURN, REFUSE_RETURN, EXTENSION, REJECT_EXTENSION, URGE, SUPERVISE -> null;
        };
    }

    private static String callBack(TicketTransition transition, Map<String, Object> d) {
        Object satisfaction = d.get("satisfaction");
        if (satisfaction == null) {
            // 重办 without a rating: the project problem it answered was opened again.
            return "重新办理";
        }
        String rating = "回访：" + Satisfaction.valueOf(satisfaction.toString()).label() + "，"
                + (Boolean.parseBoolean(String.valueOf(d.get("solved"))) ? "已解决" : "未解决");
        return transition == TicketTransition.REOPEN ? rating + "，重新办理" : rating;
    }

    /** Who acted for the enterprise, named with the enterprise ("张三 代 山东某某有限公司 "). */
    private static String onBehalf(TicketMove m, Ticket t) {
        String enterprise = t.enterpriseName != null && m.onBehalfOf.equals(t.enterpriseCreditCode) ? t.enterpriseName : m.onBehalfOf;
        return m.actor + " 代 " + enterprise + " ";
    }

    /** Role-level only: the enterprise learns which side acted, not who. */
    private static String by(TicketMove m) {
        return switch (m.actorRole) {
            case Roles.ENTERPRISE -> "企业";
            case "SYSTEM" -> "系统";
            case Roles.MANAGER -> "热线管理人员";
            default -> switch (m.move) {
                case "sign", "suspend", "resume", "resolve" -> "承办单位";
                case "call-back", "reopen" -> "热线回访员";
                default -> "热线受理员";
            };
        };
    }

    private String departmentName(Object code) {
        return code == null ? "" : departments.name(code.toString()).orElse(code.toString());
    }

    private String shown(Object instant) {
        if (instant == null) {
            return "";
        }
        Instant at = instant instanceof Number n ? Instant.ofEpochMilli(Math.round(n.doubleValue() * 1000))
                : Instant.parse(instant.toString());
        return SHOWN.format(at.atZone(deadlines.calendarZone()));
    }
}
