package cn.hitech.servicedesk.ticket;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    /** The next value of the ticket number sequence: gap-free enough for people, unique for certain. */
    long nextNumber() {
        return ((Number) getEntityManager().createNativeQuery("SELECT nextval('ticket_number_seq')").getSingleResult()).longValue();
    }
}
