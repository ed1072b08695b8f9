package cn.hitech.servicedesk.directory;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.enterprise.EnterpriseChanged;
import cn.hitech.platform.messaging.EventHandler;
import cn.hitech.platform.messaging.ReceivedEvent;

/** Keeps the enterprise directory from {@code enterprise.registered} and {@code enterprise.updated}. */
@ApplicationScoped
public class EnterpriseEventsConsumer implements EventHandler {

    private final EnterpriseDirectory directory;

    EnterpriseEventsConsumer(EnterpriseDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "enterprise-directory";
    }

    @Override
    public String topic() {
        return Topics.ENTERPRISES;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(EnterpriseChanged.REGISTERED.name(), EnterpriseChanged.UPDATED.name());
    }

    @Override
    public void handle(ReceivedEvent event) {
        directory.apply(event.type().equals(EnterpriseChanged.REGISTERED.name())
                ? event.data(EnterpriseChanged.REGISTERED) : event.data(EnterpriseChanged.UPDATED));
    }
}
