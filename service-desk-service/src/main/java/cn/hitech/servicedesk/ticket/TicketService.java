package cn.hitech.servicedesk.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import cn.hitech.platform.web.PageView;
import cn.hitech.servicedesk.directory.EnterpriseDirectory;
import cn.hitech.platform.web.ProblemException;

/** The rules of tickets. For now: registration (受理); dispatch and handling follow. */
@ApplicationScoped
public class TicketService {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final TicketRepository tickets;
    private final EnterpriseDirectory directory;
    private final Clock clock;

    TicketService(TicketRepository tickets, EnterpriseDirectory directory, Clock clock) {
        this.tickets = tickets;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional
    public TicketApi.TicketView register(TicketApi.RegisterTicket request) {
        Instant now = clock.instant();
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.number = "GD" + DAY.format(now.atZone(ZONE)) + String.format("%06d", tickets.nextNumber() % 1_000_000);
        ticket.channel = request.channel();
        ticket.category = request.category();
        ticket.title = request.title().strip();
        ticket.description = request.description().strip();
        ticket.enterpriseCreditCode = request.enterpriseCreditCode();
        directory.find(request.enterpriseCreditCode()).ifPresent(enterprise -> {
            ticket.enterpriseName = enterprise.name;
            ticket.grid = enterprise.grid;
            ticket.commissioner = enterprise.commissioner;
        });
        ticket.contactName = request.contactName();
        ticket.contactPhone = request.contactPhone();
        ticket.urgent = request.urgent();
        ticket.status = TicketStatus.REGISTERED;
        ticket.touch(now);
        tickets.persist(ticket);
        return TicketApi.TicketView.of(ticket);
    }

    public TicketApi.TicketView get(UUID id) {
        return tickets.findByIdOptional(id).map(TicketApi.TicketView::of)
                .orElseThrow(() -> ProblemException.notFound("ticket", id));
    }

    public PageView<TicketApi.TicketView> list(TicketStatus status, int page, int size) {
        Sort newestFirst = Sort.by("createdAt").descending().and("id");
        PanacheQuery<Ticket> query = status == null ? tickets.findAll(newestFirst) : tickets.find("status", newestFirst, status);
        query.page(Page.of(page, size));
        List<TicketApi.TicketView> items = query.list().stream().map(TicketApi.TicketView::of).toList();
        return new PageView<>(items, page, size, query.count());
    }
}
