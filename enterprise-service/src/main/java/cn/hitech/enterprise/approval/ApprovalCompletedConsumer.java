package cn.hitech.enterprise.approval;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.enterprise.register.ApprovedChange;
import cn.hitech.enterprise.register.EnterpriseService;
import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.approval.ApprovalCompleted;
import cn.hitech.platform.messaging.EventHandler;
import cn.hitech.platform.messaging.ReceivedEvent;

/**
 * 企业信息变更 / 企业迁移一件事 → 企业名录: a completed application that carries {@code registerChanges} updates the
 * applicant's record in the register ({@code approval.completed} from the service desk), which then publishes
 * {@code enterprise.updated} as for any change, so the service desk's directory follows.
 */
@ApplicationScoped
public class ApprovalCompletedConsumer implements EventHandler {

    private final EnterpriseService register;

    ApprovalCompletedConsumer(EnterpriseService register) {
        this.register = register;
    }

    @Override
    public String name() {
        return "approval-register";
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
        ApprovalCompleted approval = event.data(ApprovalCompleted.TYPE);
        ApprovalCompleted.RegisterChanges changes = approval.registerChanges();
        if (changes == null) {
            return;
        }
        register.changeByApproval(approval.applicantCreditCode(),
                new ApprovedChange(changes.name(), changes.address(), changes.legalRepresentative()),
                approval.applicationNumber());
    }
}
