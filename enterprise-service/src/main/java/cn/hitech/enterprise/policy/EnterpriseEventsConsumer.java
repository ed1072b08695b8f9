package cn.hitech.enterprise.policy;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.enterprise.EnterpriseChanged;
import cn.hitech.platform.events.enterprise.FiguresChanged;
import cn.hitech.platform.events.enterprise.QualificationChanged;
import cn.hitech.platform.messaging.EventHandler;
import cn.hitech.platform.messaging.ReceivedEvent;

/**
 * Re-matches an enterprise against every published policy when something a rule reads changed: its record (industry,
 * scale, status), its figures or a qualification. The benefit a re-match offers is once per enterprise and policy, and
 * the inbox makes a redelivered event a no-op before that.
 */
@ApplicationScoped
public class EnterpriseEventsConsumer implements EventHandler {

    private final PolicyMatcher matcher;

    EnterpriseEventsConsumer(PolicyMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public String name() {
        return "policy-matching";
    }

    @Override
    public String topic() {
        return Topics.ENTERPRISES;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(EnterpriseChanged.REGISTERED.name(), EnterpriseChanged.UPDATED.name(), FiguresChanged.TYPE.name(),
                QualificationChanged.GRANTED.name(), QualificationChanged.CHANGED.name(), QualificationChanged.REVOKED.name());
    }

    @Override
    public void handle(ReceivedEvent event) {
        String type = event.type();
        String creditCode;
        if (type.equals(FiguresChanged.TYPE.name())) {
            creditCode = event.data(FiguresChanged.TYPE).creditCode();
        } else if (type.startsWith("enterprise.qualification.")) {
            creditCode = event.data(type.equals(QualificationChanged.GRANTED.name()) ? QualificationChanged.GRANTED
                    : type.equals(QualificationChanged.CHANGED.name()) ? QualificationChanged.CHANGED : QualificationChanged.REVOKED).creditCode();
        } else {
            creditCode = event.data(type.equals(EnterpriseChanged.REGISTERED.name()) ? EnterpriseChanged.REGISTERED : EnterpriseChanged.UPDATED)
                    .creditCode();
        }
        matcher.rematch(creditCode);
    }
}
