package cn.hitech.servicedesk.routing;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.department.Department;
import cn.hitech.servicedesk.department.DepartmentService;
import cn.hitech.servicedesk.ticket.Ticket;
import cn.hitech.servicedesk.ticket.TicketApi;
import cn.hitech.servicedesk.ticket.TicketChannel;
import cn.hitech.servicedesk.ticket.TicketMoves;

/**
 * 智能分派: routing rules (kept by ADMIN) and their use at registration. The active rule of the lowest priority that
 * matches a new ticket names its suggested department (建议承办单位); a rule marked so also dispatches it at once, by the
 * system, with the same move and deadlines as a dispatcher's.
 */
@ApplicationScoped
public class RoutingService {

    private final EntityManager em;
    private final DepartmentService departments;
    private final TicketMoves moves;
    private final Audit audit;
    private final Clock clock;

    RoutingService(EntityManager em, DepartmentService departments, TicketMoves moves, Audit audit, Clock clock) {
        this.em = em;
        this.departments = departments;
        this.moves = moves;
        this.audit = audit;
        this.clock = clock;
    }

    /** All rules, active or not, in the order they are tried. */
    public List<RoutingApi.RuleView> list() {
        return ordered(false).stream().map(this::view).toList();
    }

    public RoutingApi.RuleView get(UUID id) {
        return Optional.ofNullable(em.find(RoutingRule.class, id)).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("routing rule", id));
    }

    @Transactional
    public RoutingApi.RuleView add(RoutingApi.RuleInput input) {
        RoutingRule rule = new RoutingRule();
        rule.id = UUID.randomUUID();
        apply(rule, input);
        rule.active = input.active() == null || input.active();
        rule.touch(clock.instant());
        em.persist(rule);
        audit.record("routing-rule", rule.id.toString(), "add", summary(rule));
        em.flush();
        return view(rule);
    }

    @Transactional
    public RoutingApi.RuleView change(UUID id, long version, RoutingApi.RuleInput input) {
        RoutingRule rule = em.find(RoutingRule.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (rule == null) {
            throw ProblemException.notFound("routing rule", id);
        }
        rule.expectVersion(version, "分派规则 " + id);
        apply(rule, input);
        if (input.active() != null) {
            rule.active = input.active();
        }
        rule.touch(clock.instant());
        audit.record("routing-rule", id.toString(), "change", summary(rule));
        em.flush();
        return view(rule);
    }

    /** What the matching rule says of a new ticket: the department, by which rule, and whether to dispatch at once. */
    public record Suggestion(Department department, String rule, boolean autoDispatch) {
    }

    /**
     * Suggests a department for a ticket about to be registered (before it is written, so the suggestion is part of its
     * first version). Tickets of project problems are routed by their own table ({@code ProblemRouting}) and left alone.
     */
    public Optional<Suggestion> suggest(Ticket ticket) {
        if (ticket.channel == TicketChannel.PROJECT_PROBLEM) {
            return Optional.empty();
        }
        String text = (ticket.title + "\n" + (ticket.description == null ? "" : ticket.description)).toLowerCase(Locale.ROOT);
        Optional<Suggestion> suggestion = ordered(true).stream().filter(r -> r.matches(ticket.category, text)).findFirst()
                .flatMap(r -> departments.find(r.departmentCode).map(d -> new Suggestion(d, r.name, r.autoDispatch)));
        suggestion.ifPresent(s -> ticket.suggestedDepartment = s.department().code);
        return suggestion;
    }

    /**
     * 自动派单: dispatches the ticket just registered, in its transaction, by the system, when its suggestion says so; the
     * same move and deadlines as a dispatcher's. The ticket's view after the dispatch; empty when it stays registered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<TicketApi.TicketView> dispatchIfAuto(Ticket ticket, Optional<Suggestion> suggestion) {
        return suggestion.filter(Suggestion::autoDispatch)
                .map(s -> moves.dispatchBySystem(ticket, s.department(), "按分派规则「" + s.rule() + "」自动派单"));
    }

    private List<RoutingRule> ordered(boolean activeOnly) {
        return em.createQuery("from RoutingRule" + (activeOnly ? " where active = true" : "")
                + " order by priority, createdAt, name, id", RoutingRule.class).getResultList();
    }

    private void apply(RoutingRule rule, RoutingApi.RuleInput input) {
        List<String> keywords = input.keywords() == null ? List.of()
                : input.keywords().stream().map(String::strip).distinct().toList();
        if (input.category() == null && keywords.isEmpty()) {
            throw ProblemException.invalidField("keywords", "须指定诉求类别或至少一个关键词");
        }
        if (departments.find(input.department()).isEmpty()) {
            throw new ProblemException(422, "UNKNOWN_DEPARTMENT", "承办单位 " + input.department() + " 不存在");
        }
        rule.name = input.name().strip();
        rule.category = input.category();
        rule.keywords = keywords.isEmpty() ? null : String.join(",", keywords);
        rule.priority = input.priority();
        rule.departmentCode = input.department();
        rule.autoDispatch = input.autoDispatch();
    }

    private Map<String, Object> summary(RoutingRule rule) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", rule.name);
        summary.put("category", rule.category == null ? "" : rule.category.name());
        summary.put("keywords", rule.keywordList());
        summary.put("priority", rule.priority);
        summary.put("department", rule.departmentCode);
        summary.put("autoDispatch", rule.autoDispatch);
        summary.put("active", rule.active);
        return summary;
    }

    private RoutingApi.RuleView view(RoutingRule r) {
        String departmentName = departments.find(r.departmentCode).map(d -> d.name).orElse(null);
        return new RoutingApi.RuleView(r.id, r.name, r.category, r.keywordList(), r.priority, r.departmentCode, departmentName,
                r.autoDispatch, r.active, r.version, r.createdAt, r.updatedAt);
    }
}
