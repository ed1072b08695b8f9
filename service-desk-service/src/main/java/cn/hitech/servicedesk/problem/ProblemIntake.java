package cn.hitech.servicedesk.problem;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.hitech.platform.events.project.ProblemRaised;
import cn.hitech.platform.events.project.ProblemReopened;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.department.Department;
import cn.hitech.servicedesk.department.DepartmentService;
import cn.hitech.servicedesk.ticket.Ticket;
import cn.hitech.servicedesk.ticket.TicketApi;
import cn.hitech.servicedesk.ticket.TicketCategory;
import cn.hitech.servicedesk.ticket.TicketChannel;
import cn.hitech.servicedesk.ticket.TicketMoves;
import cn.hitech.servicedesk.ticket.TicketService;
import cn.hitech.servicedesk.topic.TopicCatalogue;

/**
 * 项目问题受理: a project problem (要素保障) becomes a ticket of channel 项目问题, dispatched at once to the department its
 * category routes to ({@link ProblemRouting}); a problem opened again reopens (重办) the ticket that resolved it. Runs in
 * the transaction of the consumed event, so the ticket, its moves and their events commit with the inbox entry.
 */
@ApplicationScoped
public class ProblemIntake {

    private static final Logger LOG = Logger.getLogger(ProblemIntake.class);

    /** project-service's category codes in words, for the ticket's title. */
    private static final Map<String, String> CATEGORY_LABELS = Map.of("LAND", "用地", "FUNDS", "资金", "LABOUR", "用工",
            "ENERGY", "能耗", "APPROVAL", "审批", "UTILITIES", "水电气暖", "OTHER", "其他");

    private final TicketService tickets;
    private final TicketMoves moves;
    private final DepartmentService departments;
    private final ProblemRouting routing;
    private final Audit audit;
    private final ProblemTopics problemTopics;
    private final TopicCatalogue topics;

    ProblemIntake(TicketService tickets, TicketMoves moves, DepartmentService departments, ProblemRouting routing, Audit audit,
            ProblemTopics problemTopics, TopicCatalogue topics) {
        this.tickets = tickets;
        this.moves = moves;
        this.departments = departments;
        this.routing = routing;
        this.audit = audit;
        this.problemTopics = problemTopics;
        this.topics = topics;
    }

    /**
     * Registers and dispatches the problem's ticket. A problem that already has one (the same problem published again
     * under a new event id) gets no second ticket: the inbox catches a redelivery, this catches a republication.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raised(ProblemRaised problem) {
        if (tickets.forProblem(problem.problemId()).isPresent()) {
            LOG.infof("project problem %s already has a ticket; event ignored", problem.problemId());
            return;
        }
        String category = CATEGORY_LABELS.getOrDefault(problem.category(), problem.category());
        String project = problem.projectName() == null ? "项目" + problem.projectId() : problem.projectName();
        String title = truncated(project + "·" + category + "问题", 200);
        boolean urgent = "URGENT".equals(problem.urgency()) || "CRITICAL".equals(problem.urgency());
        TicketApi.RegisterTicket request = new TicketApi.RegisterTicket(TicketChannel.PROJECT_PROBLEM, TicketCategory.REQUEST, title,
                truncated(problem.description(), 4000), problem.ownerCreditCode(), null, null, urgent, topic(problem.category()), null, null, null);
        Ticket ticket = tickets.registerForProblem(request, project, problem.problemId(), problem.projectId());
        Optional<Department> department = routed(problem.category());
        if (department.isEmpty()) {
            // A routing table naming departments that do not exist leaves the ticket with the dispatcher, not lost.
            LOG.warnf("no department routes project problem category %s; ticket %s waits for a dispatcher", problem.category(),
                    ticket.number);
            return;
        }
        moves.dispatchBySystem(ticket, department.get(), "项目问题自动派单（" + category + "）"
                + (problem.raisedBy() == null ? "" : "，反映人 " + problem.raisedBy()));
    }

    /**
     * Reopens the ticket that resolved the problem: found by the problem id, else by the ticket number the event names.
     * No such ticket, or one that cannot be reopened, is recorded and changes nothing; the event is consumed either way.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reopened(ProblemReopened problem) {
        Optional<Ticket> ticket = tickets.forProblem(problem.problemId())
                .or(() -> problem.ticketNumber() == null ? Optional.empty() : tickets.byNumber(problem.ticketNumber()));
        if (ticket.isEmpty()) {
            LOG.warnf("project problem %s reopened, but no ticket here handled it", problem.problemId());
            audit.record("problem", problem.problemId().toString(), "reopen-unmatched", Map.of("reason", problem.reason(),
                    "ticketNumber", problem.ticketNumber() == null ? "" : problem.ticketNumber()));
            return;
        }
        Ticket t = ticket.get();
        if (!moves.reopenForProblem(t, problem.reason(), problem.reopenedBy())) {
            LOG.warnf("project problem %s reopened, but ticket %s stands %s and cannot be reopened", problem.problemId(), t.number,
                    t.status);
        }
    }

    /**
     * The leaf topic of the problem's category ({@link ProblemTopics}); none when the configured code is not an active
     * leaf (the catalogue was edited), so a stale setting leaves the ticket unclassified rather than the problem unserved.
     */
    private String topic(String category) {
        String code = problemTopics.topicFor(category);
        if (code == null) {
            return null;
        }
        try {
            topics.requireSelectableLeaf(code, "topicCode");
            return code;
        } catch (ProblemException e) {
            LOG.warnf("project problem category %s maps to topic %s, which takes no tickets (%s); ticket left unclassified", category,
                    code, e.getMessage());
            return null;
        }
    }

    private Optional<Department> routed(String category) {
        return Optional.ofNullable(routing.departmentFor(category)).flatMap(departments::find)
                .or(() -> Optional.ofNullable(routing.departmentFor(ProblemRouting.OTHER)).flatMap(departments::find));
    }

    private static String truncated(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
