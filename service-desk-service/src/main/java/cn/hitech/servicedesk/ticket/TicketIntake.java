package cn.hitech.servicedesk.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.topic.TopicCatalogue;

/**
 * 受理 rules of each channel, checked before a ticket is written (a refused registration writes nothing): the topic is an
 * active leaf of the catalogue; a 12345 transfer (12345转办) carries the 12345 order number and the time 12345 received
 * it, and is transferred once; an unregistered caller may name the company in words.
 */
@ApplicationScoped
class TicketIntake {

    /** Advisory-lock namespace of 12345 order numbers: two transfers of one number register one after the other. */
    private static final int TRANSFER_LOCK = 12345;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final EntityManager em;
    private final TopicCatalogue topics;

    TicketIntake(EntityManager em, TopicCatalogue topics) {
        this.em = em;
        this.topics = topics;
    }

    /**
     * An enterprise account files its own requests online: on the web portal or through the 助企码. The hotline, grid
     * staff, 12345 transfers and project problems are channels other people (or the system) register on, so a count by
     * channel tells who took each request in.
     */
    void checkChannel(TicketApi.RegisterTicket request, Optional<String> enterpriseScope) {
        if (enterpriseScope.isPresent() && !ENTERPRISE_CHANNELS.contains(request.channel())) {
            throw rejected("CHANNEL_NOT_ALLOWED", "channel", "企业账号只能通过网上诉求（WEB）或助企码（QR_CODE）提交诉求，不能使用「"
                    + request.channel().label() + "」渠道");
        }
    }

    private static final java.util.Set<TicketChannel> ENTERPRISE_CHANNELS = java.util.EnumSet.of(TicketChannel.WEB, TicketChannel.QR_CODE);

    /** The checks of a registration at {@code registeredAt}, before anything is written or numbered. */
    void check(TicketApi.RegisterTicket request, Instant registeredAt) {
        String topic = blankToNull(request.topicCode());
        if (topic != null) {
            topics.requireSelectableLeaf(topic, "topicCode");
        }
        String external = blankToNull(request.externalNumber());
        if (request.channel() != TicketChannel.TRANSFER_12345) {
            if (external != null || request.externalReceivedAt() != null) {
                throw rejected("NOT_A_TRANSFER", external != null ? "externalNumber" : "externalReceivedAt",
                        "只有 12345 转办工单填写 12345 工单编号和受理时间");
            }
            return;
        }
        if (external == null) {
            throw rejected("TRANSFER_FIELD_REQUIRED", "externalNumber", "12345 转办工单须填写 12345 工单编号");
        }
        if (request.externalReceivedAt() == null) {
            throw rejected("TRANSFER_FIELD_REQUIRED", "externalReceivedAt", "12345 转办工单须填写 12345 受理时间");
        }
        if (request.externalReceivedAt().isAfter(registeredAt)) {
            throw rejected("RECEIVED_IN_FUTURE", "externalReceivedAt", "12345 受理时间 " + shown(request.externalReceivedAt())
                    + " 晚于本次受理时间 " + shown(registeredAt));
        }
        // Held to the end of the transaction, so a second transfer of the number waits and then sees the first one.
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, ?2)) l").setParameter(1, TRANSFER_LOCK)
                .setParameter(2, external.hashCode()).getSingleResult();
        List<String> existing = em.createQuery("select t.number from Ticket t where t.externalNumber = :n", String.class)
                .setParameter("n", external).getResultList();
        if (!existing.isEmpty()) {
            throw ProblemException.conflict("DUPLICATE_TRANSFER", "12345 工单 " + external + " 已转办受理为工单 " + existing.get(0));
        }
    }

    /** The intake fields onto the new ticket, after the directory has given what it knows of the enterprise. */
    void fill(Ticket ticket, TicketApi.RegisterTicket request) {
        ticket.topicCode = blankToNull(request.topicCode());
        ticket.externalNumber = blankToNull(request.externalNumber());
        ticket.externalReceivedAt = ticket.externalNumber == null ? null : request.externalReceivedAt();
        // The directory's name wins for a registered enterprise; the caller's words stand only where it knows none.
        String companyName = blankToNull(request.companyName());
        if (ticket.enterpriseName == null && companyName != null) {
            ticket.enterpriseName = companyName;
        }
    }

    private static ProblemException rejected(String code, String field, String message) {
        return new ProblemException(422, code, Problem.titleFor(422), field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String shown(Instant at) {
        return SHOWN.format(at.atZone(ZoneId.of("Asia/Shanghai"))) + " 北京时间";
    }
}
