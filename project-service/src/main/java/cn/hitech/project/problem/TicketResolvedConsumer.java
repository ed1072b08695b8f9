package cn.hitech.project.problem;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.ticket.TicketResolved;
import cn.hitech.platform.messaging.EventHandler;
import cn.hitech.platform.messaging.ReceivedEvent;

/** Closes a project problem when the service-desk ticket made from it is resolved ({@code ticket.resolved}). */
@ApplicationScoped
public class TicketResolvedConsumer implements EventHandler {

    private final ProblemService problems;

    TicketResolvedConsumer(ProblemService problems) {
        this.problems = problems;
    }

    @Override
    public String name() {
        return "problem-tickets";
    }

    @Override
    public String topic() {
        return Topics.TICKETS;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(TicketResolved.TYPE.name());
    }

    @Override
    public void handle(ReceivedEvent event) {
        problems.ticketResolved(event.data(TicketResolved.TYPE));
    }
}
