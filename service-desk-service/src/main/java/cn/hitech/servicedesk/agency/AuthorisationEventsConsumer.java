package cn.hitech.servicedesk.agency;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.enterprise.AuthorisationChanged;
import cn.hitech.platform.messaging.EventHandler;
import cn.hitech.platform.messaging.ReceivedEvent;

/**
 * Keeps the copies of the authorisations from {@code enterprise.authorisation.granted} and {@code .withdrawn}. A consumer
 * of its own on the enterprises topic (its own group and inbox entries), beside the directory's: neither waits for the
 * other, and each skips the other's event types.
 */
@ApplicationScoped
public class AuthorisationEventsConsumer implements EventHandler {

    private final AuthorisationCopies copies;

    AuthorisationEventsConsumer(AuthorisationCopies copies) {
        this.copies = copies;
    }

    @Override
    public String name() {
        return "agency-authorisations";
    }

    @Override
    public String topic() {
        return Topics.ENTERPRISES;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(AuthorisationChanged.GRANTED.name(), AuthorisationChanged.WITHDRAWN.name());
    }

    @Override
    public void handle(ReceivedEvent event) {
        boolean withdrawal = event.type().equals(AuthorisationChanged.WITHDRAWN.name());
        copies.apply(withdrawal ? event.data(AuthorisationChanged.WITHDRAWN) : event.data(AuthorisationChanged.GRANTED), withdrawal);
    }
}
