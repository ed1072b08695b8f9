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

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.department.Department;
import cn.hitech.servicedesk.department.DepartmentService;
import cn.hitech.servicedesk.ticket.Ticket;
import cn.hitech.servicedesk.ticket.TicketApi;
import cn.hitech.servicedesk.ticket.TicketChannel;
import cn.hitech.servicedesk.ticket.TicketMoves;
import cn.hitech.servicedesk.topic.TopicCatalogue;

/**
 * 智能分派: routing rules (kept by ADMIN) and their use at registration. The active rule of the lowest priority that
 * matches a new ticket names its suggested department (建议承办单位); a rule marked so also dispatches it at once, by the
 * system, with the same move and deadlines as a dispatcher's. A rule may name a topic at any level of the catalogue: it
 * matches every ticket whose topic lies in that subtree. The enterprise's service commissioner (服务专员) is copied
 * (抄送) on its tickets.
 */
@ApplicationScoped
public class RoutingService {

    /** {@code hitech.tickets.routing.*}. */
    @ConfigMapping(prefix = "hitech.tickets.routing")
    public interface Settings {

        /** 抄送服务专员: copy the enterprise's commissioner from the directory on each new ticket (default true). */
        @WithDefault("true")
        boolean copyCommissioner();
    }

    private final EntityManager em;
    private final DepartmentService departments;
    private final TicketMoves moves;
    private final Audit audit;
    private final Clock clock;
    private final TopicCatalogue topics;
    private final Settings settings;

    RoutingService(EntityManager em, DepartmentService departments, TicketMoves moves, Audit audit, Clock clock, TopicCatalogue topics,
            Settings settings) {
        this.em = em;
        this.departments = departments;
        this.moves = moves;
        this.audit = audit;
        this.clock = clock;
        this.topics = topics;
        this.settings = settings;
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
        List<String> topicPath = topics.path(ticket.topicCode);
        Optional<Suggestion> suggestion = activeRules().stream().filter(r -> r.rule().matches(ticket.category, topicPath, text))
                .findFirst().flatMap(r -> r.department().map(d -> new Suggestion(d, r.rule().name, r.rule().autoDispatch)));
        suggestion.ifPresent(s -> ticket.suggestedDepartment = s.department().code);
        return suggestion;
    }

    /** An active rule as last read, with its department (empty when that department does not exist). */
    private record ActiveRule(RoutingRule rule, Optional<Department> department) {
    }

    /** The active rules in order, as read when the rule and department tables were in the state {@code stamp}. */
    private record ActiveRules(String stamp, List<ActiveRule> rules) {
    }

    private volatile ActiveRules activeRules;

    /**
     * The active rules, in the order they are tried. Every registration asks for them, so they are kept (detached, read
     * only) with a stamp of both tables (rows, sum of versions, last change): one small aggregate per registration tells
     * whether any rule or department changed on any replica since, and only then are they read again. A change is thus
     * seen by the next registration after its commit, exactly as when they were read every time.
     */
    private List<ActiveRule> activeRules() {
        String stamp = String.valueOf(em.createNativeQuery("""
                SELECT concat_ws('/', (SELECT concat_ws(':', count(*), sum(version), max(updated_at)) FROM routing_rule),
                                      (SELECT concat_ws(':', count(*), sum(version), max(updated_at)) FROM department))""")
                .getSingleResult());
        ActiveRules cached = activeRules;
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.rules();
        }
        List<RoutingRule> rules = ordered(true);
        Map<String, Optional<Department>> byCode = new java.util.HashMap<>();
        List<ActiveRule> read = rules.stream().map(r -> new ActiveRule(r, byCode.computeIfAbsent(r.departmentCode, departments::find)))
                .toList();
        // Out of this persistence context: they are shared by every request from now on, and never written through.
        rules.forEach(em::detach);
        byCode.values().forEach(d -> d.ifPresent(em::detach));
        activeRules = new ActiveRules(stamp, read);
        return read;
    }

    /**
     * 抄送服务专员: a ticket of an enterprise the directory names a commissioner for copies that commissioner, as named at
     * registration (a later change of commissioner does not move old tickets). Every channel, project problems included.
     */
    public void copyToCommissioner(Ticket ticket) {
        if (settings.copyCommissioner() && ticket.commissioner != null && !ticket.commissioner.isBlank()) {
            ticket.copiedTo = ticket.commissioner;
        }
    }

    /**
     * 自动派单: dispatches the ticket just registered, in its transaction, by the system, when its suggestion says so; the
     * same move and deadlines as a dispatcher's. The ticket's view after the dispatch; empty when it stays registered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<TicketApi.TicketView> dispatchIfAuto(Ticket ticket, Optional<Suggestion> suggestion) {
        // The suggestion's department is a shared, detached copy: the dispatch works on this transaction's own.
        return suggestion.filter(Suggestion::autoDispatch)
                .map(s -> moves.dispatchBySystem(ticket, departments.find(s.department().code).orElse(s.department()),
                        "按分派规则「" + s.rule() + "」自动派单"));
    }

    private List<RoutingRule> ordered(boolean activeOnly) {
        return em.createQuery("from RoutingRule" + (activeOnly ? " where active = true" : "")
                + " order by priority, createdAt, name, id", RoutingRule.class).getResultList();
    }

    private void apply(RoutingRule rule, RoutingApi.RuleInput input) {
        List<String> keywords = input.keywords() == null ? List.of()
                : input.keywords().stream().map(String::strip).distinct().toList();
        String topic = input.topic() == null || input.topic().isBlank() ? null : input.topic().strip();
        if (input.category() == null && topic == null && keywords.isEmpty()) {
            throw ProblemException.invalidField("keywords", "须指定诉求类别、诉求分类或至少一个关键词");
        }
        if (topic != null && em.find(cn.hitech.servicedesk.topic.Topic.class, topic) == null) {
            throw new ProblemException(422, "UNKNOWN_TOPIC", "topic: 诉求分类 " + topic + " 不存在（见 GET /api/tickets/topics）");
        }
        if (departments.find(input.department()).isEmpty()) {
            throw new ProblemException(422, "UNKNOWN_DEPARTMENT", "承办单位 " + input.department() + " 不存在");
        }
        rule.name = input.name().strip();
        rule.category = input.category();
        rule.topicCode = topic;
        rule.keywords = keywords.isEmpty() ? null : String.join(",", keywords);
        rule.priority = input.priority();
        rule.departmentCode = input.department();
        rule.autoDispatch = input.autoDispatch();
    }

    private Map<String, Object> summary(RoutingRule rule) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", rule.name);
        summary.put("category", rule.category == null ? "" : rule.category.name());
        summary.put("topic", rule.topicCode == null ? "" : rule.topicCode);
        summary.put("keywords", rule.keywordList());
        summary.put("priority", rule.priority);
        summary.put("department", rule.departmentCode);
        summary.put("autoDispatch", rule.autoDispatch);
        summary.put("active", rule.active);
        return summary;
    }

    private RoutingApi.RuleView view(RoutingRule r) {
        String departmentName = departments.name(r.departmentCode).orElse(null);
        return new RoutingApi.RuleView(r.id, r.name, r.category, r.topicCode, topics.pathLabel(r.topicCode), r.keywordList(), r.priority, r.departmentCode, departmentName,
                r.autoDispatch, r.active, r.version, r.createdAt, r.updatedAt);
    }
}
