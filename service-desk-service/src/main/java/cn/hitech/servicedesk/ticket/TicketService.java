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

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.servicedesk.directory.EnterpriseDirectory;
import cn.hitech.servicedesk.routing.RoutingService;
import cn.hitech.platform.web.ProblemException;

/** Registration (受理) and reading of tickets; the moves after it are {@link TicketMoves}. */
@ApplicationScoped
public class TicketService {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final TicketRepository tickets;
    private final EnterpriseDirectory directory;
    private final Audit audit;
    private final TicketClock clock;
    private final TicketMapper mapper;
    private final RoutingService routing;

    TicketService(TicketRepository tickets, EnterpriseDirectory directory, Audit audit, TicketClock clock, TicketMapper mapper,
            RoutingService routing) {
        this.tickets = tickets;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.mapper = mapper;
        this.routing = routing;
    }

    /**
     * Registers a ticket; within an enterprise scope it is filed for that enterprise, never for another one. The routing
     * rules then suggest its department and may dispatch it at once ({@link RoutingService#suggest}).
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
        Ticket ticket = create(request, creditCode);
        Optional<RoutingService.Suggestion> suggestion = routing.suggest(ticket);
        tickets.persist(ticket);
        audit.record("ticket", ticket.id.toString(), "register", Map.of("number", ticket.number, "channel", ticket.channel,
                "category", ticket.category, "title", ticket.title));
        // After the register row, so the audit trail reads register, then the system's dispatch when a rule makes one.
        return routing.dispatchIfAuto(ticket, suggestion).orElseGet(() -> mapper.view(ticket));
    }

    /**
     * Registers the ticket of a project problem (项目问题), linked to it: by the system, in the transaction of the consumed
     * event. The enterprise's name comes from the directory when it knows the credit code, else {@code fallbackName}
     * (the project's name). The ticket is written at once, so the moves that follow in the same transaction see it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket registerForProblem(TicketApi.RegisterTicket request, String fallbackName, UUID problemId, UUID projectId) {
        Ticket ticket = create(request, request.enterpriseCreditCode());
        if (ticket.enterpriseName == null) {
            ticket.enterpriseName = fallbackName;
        }
        ticket.problemId = problemId;
        ticket.projectId = projectId;
        tickets.persist(ticket);
        tickets.flush();
        audit.record("ticket", ticket.id.toString(), "register", Map.of("number", ticket.number, "channel", ticket.channel,
                "category", ticket.category, "title", ticket.title, "problemId", problemId, "projectId", projectId));
        return ticket;
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
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.number = "GD" + DAY.format(now.atZone(ZONE)) + String.format("%06d", tickets.nextNumber() % 1_000_000);
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
        ticket.contactName = request.contactName();
        ticket.contactPhone = request.contactPhone();
        ticket.urgent = request.urgent();
        ticket.status = TicketStatus.REGISTERED;
        ticket.touch(now);
        return ticket;
    }

    /** A ticket; with an enterprise scope, only one of that enterprise (any other is "not found"). */
    public TicketApi.TicketView get(UUID id, Optional<String> enterpriseScope) {
        return tickets.findByIdOptional(id)
                .filter(t -> CurrentUser.allows(enterpriseScope, t.enterpriseCreditCode))
                .map(mapper::view)
                .orElseThrow(() -> ProblemException.notFound("ticket", id));
    }

    /** Newest first; each filter given (status, channel, project problem) narrows the list. */
    public PageView<TicketApi.TicketView> list(Optional<String> enterpriseScope, TicketStatus status, TicketChannel channel,
            UUID problemId, int page, int size) {
        Sort newestFirst = Sort.by("createdAt").descending().and("id");
        // Only the filters given go into the query: PostgreSQL cannot type a parameter that is bound to null alone.
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        enterpriseScope.ifPresent(scope -> {
            where.append(" and enterpriseCreditCode = :scope");
            parameters.and("scope", scope);
        });
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (channel != null) {
            where.append(" and channel = :channel");
            parameters.and("channel", channel);
        }
        if (problemId != null) {
            where.append(" and problemId = :problemId");
            parameters.and("problemId", problemId);
        }
        PanacheQuery<Ticket> query = tickets.find(where.toString(), newestFirst, parameters);
        query.page(Page.of(page, size));
        List<TicketApi.TicketView> items = query.list().stream().map(mapper::view).toList();
        return new PageView<>(items, page, size, query.count());
    }
}
