package cn.hitech.project.approval;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.approval.ApprovalCompleted;
import cn.hitech.platform.messaging.EventHandler;
import cn.hitech.platform.messaging.ReceivedEvent;

/** Records the permits of a completed 项目开工一件事 on its project ({@code approval.completed} from the service desk). */
@ApplicationScoped
public class ApprovalCompletedConsumer implements EventHandler {

    private final PermitMilestones permits;

    ApprovalCompletedConsumer(PermitMilestones permits) {
        this.permits = permits;
    }

    @Override
    public String name() {
        return "approval-milestones";
    }

    @Override
    public String topic() {
        return Topics.APPROVALS;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ApprovalCompleted.TYPE.name());
    }

    @Override
    public void handle(ReceivedEvent event) {
        permits.completed(event.data(ApprovalCompleted.TYPE));
    }
}
