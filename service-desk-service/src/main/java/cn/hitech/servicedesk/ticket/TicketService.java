package cn.hitech.servicedesk.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import cn.hitech.platform.events.ticket.TicketRegistered;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.table.Tabular;
import cn.hitech.servicedesk.clock.ReplayClock;
import cn.hitech.servicedesk.department.DepartmentService;
import cn.hitech.servicedesk.directory.EnterpriseDirectory;
import cn.hitech.servicedesk.repeat.RepeatDetector;
import cn.hitech.servicedesk.routing.RoutingService;

/** Registration (受理) and reading of tickets; the moves after it are {@link TicketMoves}. */
@ApplicationScoped
public class TicketService {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** 一次导出的上限: more rows than a spreadsheet is read by anyone; narrow the filters instead. */
    static final int EXPORT_LIMIT = 50_000;

    private final TicketRepository tickets;
    private final EnterpriseDirectory directory;
    private final Audit audit;
    private final ReplayClock clock;
    private final TicketMapper mapper;
    private final RoutingService routing;
    private final TicketIntake intake;
    private final RepeatDetector repeats;
    private final Outbox outbox;
    private final TicketMoves moves;
    private final CurrentUser user;
    private final TicketDeadlines deadlines;
    private final DepartmentService departments;

    TicketService(TicketRepository tickets, EnterpriseDirectory directory, Audit audit, ReplayClock clock, TicketMapper mapper,
            RoutingService routing, TicketIntake intake, RepeatDetector repeats, Outbox outbox, TicketMoves moves, CurrentUser user,
            TicketDeadlines deadlines, DepartmentService departments) {
        this.tickets = tickets;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.mapper = mapper;
        this.routing = routing;
        this.intake = intake;
        this.repeats = repeats;
        this.outbox = outbox;
        this.moves = moves;
        this.user = user;
        this.deadlines = deadlines;
        this.departments = departments;
    }

    /**
     * Registers a ticket; within an enterprise scope it is filed for that enterprise, never for another one. The routing
     * rules then suggest its department and may dispatch it at once ({@link RoutingService#suggest}). A repeat of an
     * earlier request (重复诉求) is flagged, and the open tickets it could be merged into come with the answer
     * ({@link RepeatDetector}). An agent filing for an enterprise (代办, {@code enterpriseScope} its credit code) files as
     * the enterprise would, and the history names the agent and the enterprise ({@link TicketMoves#filedOnBehalf}).
     */
    @Transactional
    public TicketApi.TicketView register(TicketApi.RegisterTicket request, Optional<String> enterpriseScope) {
        String creditCode = request.enterpriseCreditCode();
        if (enterpriseScope.isPresent()) {
            if (creditCode != null && !creditCode.equals(enterpriseScope.get())) {
                throw new ProblemException(403, "OTHER_ENTERPRISE",
                        "An enterprise account files tickets in its own name only");
            }
            creditCode = enterpriseScope.get();
        }
        intake.checkChannel(request, enterpriseScope);
        // Before the ticket takes its time: registrations of one enterprise then get their instants in commit order.
        repeats.serialise(creditCode, request.contactPhone());
        Ticket ticket = create(request, creditCode);
        List<TicketApi.MergeCandidate> mergeCandidates = repeats.flag(ticket, ticket.createdAt);
        Optional<RoutingService.Suggestion> suggestion = routing.suggest(ticket);
        tickets.persist(ticket);
        Optional<String> onBehalfOf = user.onBehalfOf();
        Map<String, Object> summary = registered(ticket);
        onBehalfOf.ifPresent(code -> summary.put("onBehalfOf", code));
        audit.record("ticket", ticket.id.toString(), "register", summary);
        if (onBehalfOf.isPresent()) {
            moves.filedOnBehalf(ticket);
        }
        publishRegistered(ticket);
        // After the register row and event, so the audit trail reads register, then the system's dispatch when a rule makes one.
        routing.dispatchIfAuto(ticket, suggestion);
        TicketApi.TicketView view = mapper.registered(ticket, mergeCandidates);
        return enterpriseScope.isPresent() ? TicketMapper.redacted(view) : view;
    }

    /**
     * Registers the ticket of a project problem (项目问题), linked to it: by the system, in the transaction of the consumed
     * event. The enterprise's name comes from the directory when it knows the credit code, else {@code fallbackName}
     * (the project's name). The ticket is written at once, so the moves that follow in the same transaction see it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket registerForProblem(TicketApi.RegisterTicket request, String fallbackName, UUID problemId, UUID projectId) {
        repeats.serialise(request.enterpriseCreditCode(), request.contactPhone());
        Ticket ticket = create(request, request.enterpriseCreditCode());
        if (ticket.enterpriseName == null) {
            ticket.enterpriseName = fallbackName;
        }
        ticket.problemId = problemId;
        ticket.projectId = projectId;
        repeats.flag(ticket, ticket.createdAt);
        tickets.persist(ticket);
        tickets.flush();
        Map<String, Object> summary = registered(ticket);
        summary.put("problemId", problemId);
        summary.put("projectId", projectId);
        audit.record("ticket", ticket.id.toString(), "register", summary);
        publishRegistered(ticket);
        return ticket;
    }

    /** 受理, the first move of every ticket, as {@code ticket.registered}: before any dispatch, so consumers read them in order. */
    private void publishRegistered(Ticket t) {
        outbox.publish(TicketRegistered.TYPE, new TicketRegistered(t.id, t.number, t.channel.name(), t.category.name(), t.topicCode,
                t.enterpriseCreditCode, t.enterpriseName, t.copiedTo, t.urgent, t.suggestedDepartment, t.createdAt));
    }

    /** What the audit trail keeps of a registration, with the commissioner copied (抄送) and the repeat found, if any. */
    private static Map<String, Object> registered(Ticket t) {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("number", t.number);
        summary.put("channel", t.channel);
        summary.put("category", t.category);
        summary.put("title", t.title);
        java.util.function.BiConsumer<String, Object> optional = (key, value) -> {
            if (value != null) {
                summary.put(key, value);
            }
        };
        optional.accept("topic", t.topicCode);
        optional.accept("externalNumber", t.externalNumber);
        optional.accept("copiedTo", t.copiedTo);
        optional.accept("repeatOf", t.repeatOf);
        optional.accept("repeatKind", t.repeatKind);
        return summary;
    }

    /** The newest ticket taken up from project problem {@code problemId}, locked for a change. */
    public Optional<Ticket> forProblem(UUID problemId) {
        return tickets.find("problemId", Sort.by("createdAt").descending(), problemId)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** A ticket by its number, locked for a change. */
    public Optional<Ticket> byNumber(String number) {
        return tickets.find("number", number).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    private Ticket create(TicketApi.RegisterTicket request, String creditCode) {
        Instant now = clock.instant();
        intake.check(request, now);
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.number = number(now, tickets.nextNumber());
        ticket.channel = request.channel();
        ticket.category = request.category();
        ticket.title = request.title().strip();
        ticket.description = request.description().strip();
        ticket.enterpriseCreditCode = creditCode;
        directory.find(creditCode).ifPresent(enterprise -> {
            ticket.enterpriseName = enterprise.name;
            ticket.grid = enterprise.grid;
            ticket.commissioner = enterprise.commissioner;
        });
        intake.fill(ticket, request);
        routing.copyToCommissioner(ticket);
        ticket.contactName = request.contactName();
        ticket.contactPhone = request.contactPhone();
        ticket.urgent = request.urgent();
        ticket.status = TicketStatus.REGISTERED;
        ticket.touch(now);
        return ticket;
    }

    /** 工单编号 "GD" + day + 6 digits of the sequence; padded by hand, as String.format costs a formatter per ticket. */
    static String number(Instant registeredAt, long sequence) {
        String digits = Long.toString(sequence % 1_000_000);
        return "GD" + DAY.format(registeredAt.atZone(ZONE)) + "000000".substring(digits.length()) + digits;
    }

    /** A ticket; with an enterprise scope, only one of that enterprise (any other is "not found"). */
    public TicketApi.TicketView get(UUID id, Optional<String> enterpriseScope) {
        return tickets.findByIdOptional(id)
                .filter(t -> CurrentUser.allows(enterpriseScope, t.enterpriseCreditCode))
                .map(t -> mapper.viewFor(t, enterpriseScope))
                .orElseThrow(() -> ProblemException.notFound("ticket", id));
    }

    /**
     * One page of the tickets matching {@code filter}, in {@code order}; the colour and "overdue" as of the domain clock,
     * as the ticket view shows them.
     */
    public PageView<TicketApi.TicketView> list(TicketRepository.Filter filter, TicketRepository.Order order, int page, int size) {
        Instant now = clock.domainNow();
        int first = (int) Math.min((long) page * size, Integer.MAX_VALUE);
        List<TicketApi.TicketView> items = tickets.search(filter, order, now, first, size).stream()
                .map(t -> mapper.viewFor(t, filter.scope())).toList();
        return new PageView<>(items, page, size, tickets.count(filter, now));
    }

    /** Every ticket matching {@code filter}, in {@code order}, as a table; more than {@link #EXPORT_LIMIT} is a 422. */
    public Tabular export(TicketRepository.Filter filter, TicketRepository.Order order) {
        Instant now = clock.domainNow();
        long matching = tickets.count(filter, now);
        if (matching > EXPORT_LIMIT) {
            throw ProblemException.ruleViolated("EXPORT_TOO_LARGE", "符合条件的工单共 " + matching + " 条，超过一次导出的上限 "
                    + EXPORT_LIMIT + " 条：请增加筛选条件（如状态、类别、承办单位）后分批导出");
        }
        return TicketTable.of(tickets.search(filter, order, now, 0, EXPORT_LIMIT), filter.scope().isPresent(), now, deadlines,
                code -> departments.name(code).orElse(code));
    }
}
