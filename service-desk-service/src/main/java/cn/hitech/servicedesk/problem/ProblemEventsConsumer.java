package cn.hitech.servicedesk.problem;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.project.ProblemRaised;
import cn.hitech.platform.events.project.ProblemReopened;
import cn.hitech.platform.messaging.EventHandler;
import cn.hitech.platform.messaging.ReceivedEvent;

/**
 * The service desk's half of the project-problem loop: {@code project.problem.raised} becomes a dispatched ticket,
 * {@code project.problem.reopened} reopens it. One consumer for both, so a problem's events (keyed by project) are
 * applied in the order they were raised; the inbox makes a redelivered event a no-op.
 */
@ApplicationScoped
public class ProblemEventsConsumer implements EventHandler {

    private final ProblemIntake intake;

    ProblemEventsConsumer(ProblemIntake intake) {
        this.intake = intake;
    }

    @Override
    public String name() {
        return "project-problems";
    }

    @Override
    public String topic() {
        return Topics.PROJECTS;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ProblemRaised.TYPE.name(), ProblemReopened.TYPE.name());
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.type().equals(ProblemRaised.TYPE.name())) {
            intake.raised(event.data(ProblemRaised.TYPE));
        } else {
            intake.reopened(event.data(ProblemReopened.TYPE));
        }
    }
}
