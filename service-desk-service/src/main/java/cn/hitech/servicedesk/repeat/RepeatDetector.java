package cn.hitech.servicedesk.repeat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import cn.hitech.servicedesk.ticket.Ticket;
import cn.hitech.servicedesk.ticket.TicketApi;
import cn.hitech.servicedesk.ticket.TicketStatus;

/**
 * 重复诉求 at intake. A new ticket repeats an earlier one when
 * <ul>
 * <li>{@code SAME_TOPIC}: the same enterprise (credit code) and the same topic were registered within the previous 30
 * days, whatever became of that ticket (the 重复诉求率's definition); else
 * <li>{@code SIMILAR_TEXT}: an open ticket (not closed, not merged) of the same enterprise, or without an enterprise of
 * the same contact phone, registered within the previous 30 days, reads alike ({@link RepeatSettings#similarity}).
 * </ul>
 * {@code repeat_of} names the first ticket of the cluster (the matched ticket, or the one it repeats in turn), so a cluster
 * is every ticket whose {@code repeat_of} is its first; it is set once, at intake, and never changed. The open tickets of
 * the same enterprise and topic or of alike text are offered for merging (并单).
 */
@ApplicationScoped
public class RepeatDetector {

    public static final String SAME_TOPIC = "SAME_TOPIC";
    public static final String SIMILAR_TEXT = "SIMILAR_TEXT";

    private final EntityManager em;
    private final RepeatSettings settings;

    RepeatDetector(EntityManager em, RepeatSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    /**
     * The first int of the advisory lock that serialises registrations of one enterprise (or one phone): "rp" in ASCII,
     * apart from the platform's other locks; the second int is the hash of the credit code or phone.
     */
    public static final int REPEAT_LOCK = 0x7270;

    /** Flags {@code ticket} (not yet written, registered at {@code at}) as a repeat if it is one; its merge candidates. */
    public List<TicketApi.MergeCandidate> flag(Ticket ticket, Instant at) {
        Instant since = at.minus(settings.windowDays(), ChronoUnit.DAYS);
        List<Scored> open = openAlike(ticket, since, at);
        Optional<UUID> sameTopic = sameTopic(ticket, since, at);
        if (sameTopic.isPresent()) {
            ticket.repeatOf = sameTopic.get();
            ticket.repeatKind = SAME_TOPIC;
        } else {
            open.stream().filter(Scored::similarText).findFirst().ifPresent(best -> {
                ticket.repeatOf = best.root;
                ticket.repeatKind = SIMILAR_TEXT;
            });
        }
        return open.stream().limit(settings.mergeCandidates()).map(Scored::candidate).toList();
    }

    /**
     * Two alike requests of one enterprise registered at the same moment (a caller on the hotline while its staff file on
     * the web) must see each other: called before a registration takes its instant, it makes the second wait, to the end
     * of the first's transaction, so the second is the later one and finds the first. Keyed by the credit code, or
     * without one by the contact phone, as {@link #flag} matches.
     */
    public void serialise(String creditCode, String contactPhone) {
        String whose = creditCode != null ? creditCode : contactPhone;
        if (whose != null) {
            em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, ?2)) l").setParameter(1, REPEAT_LOCK)
                    .setParameter(2, whose.hashCode()).getSingleResult();
        }
    }

    /** The open tickets a registered ticket could be merged into: as at its registration, itself left out. */
    public List<TicketApi.MergeCandidate> candidates(Ticket ticket) {
        Instant since = ticket.createdAt.minus(settings.windowDays(), ChronoUnit.DAYS);
        return openAlike(ticket, since, ticket.createdAt).stream().limit(settings.mergeCandidates()).map(Scored::candidate).toList();
    }

    /** The cluster's first ticket of the newest ticket of the same enterprise and topic in the window, if any. */
    private Optional<UUID> sameTopic(Ticket t, Instant since, Instant at) {
        if (t.enterpriseCreditCode == null || t.topicCode == null) {
            return Optional.empty();
        }
        List<?> rows = window(em.createNativeQuery("""
                SELECT coalesce(repeat_of, id) FROM ticket
                WHERE enterprise_credit_code = CAST(:enterprise AS bpchar) AND topic_code = :topic
                  AND created_at >= :since AND created_at <= :at AND id <> :self
                ORDER BY created_at DESC LIMIT 1"""), t, since, at)
                .setParameter("enterprise", t.enterpriseCreditCode).setParameter("topic", t.topicCode).getResultList();
        return rows.stream().findFirst().map(UUID.class::cast);
    }

    private record Scored(UUID root, boolean similarText, double similarity, TicketApi.MergeCandidate candidate) {
    }

    /** The newest open tickets of the same enterprise (or phone), those alike first: same topic or similar text. */
    private List<Scored> openAlike(Ticket t, Instant since, Instant at) {
        String owner;
        if (t.enterpriseCreditCode != null) {
            owner = "enterprise_credit_code = CAST(:owner AS bpchar)";
        } else if (t.contactPhone != null && !t.contactPhone.isBlank()) {
            owner = "contact_phone = :owner";
        } else {
            return List.of();
        }
        List<?> rows = window(em.createNativeQuery("""
                SELECT id, coalesce(repeat_of, id), number, title, description, status, topic_code, created_at FROM ticket
                WHERE %s AND status NOT IN ('CLOSED', 'MERGED') AND merged_into IS NULL
                  AND created_at >= :since AND created_at <= :at AND id <> :self
                ORDER BY created_at DESC LIMIT :limit""".formatted(owner)), t, since, at)
                .setParameter("owner", t.enterpriseCreditCode != null ? t.enterpriseCreditCode : t.contactPhone.strip())
                .setParameter("limit", settings.compared()).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<String> tokens = TextSimilarity.tokens(t.title, t.description);
        List<Scored> alike = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            double similarity = TextSimilarity.cosine(tokens, tokensOf((UUID) r[0], (String) r[3], (String) r[4]));
            boolean sameTopic = t.enterpriseCreditCode != null && t.topicCode != null && t.topicCode.equals(r[6]);
            if (!sameTopic && similarity < settings.similarity()) {
                continue;
            }
            alike.add(new Scored((UUID) r[1], similarity >= settings.similarity(), similarity, new TicketApi.MergeCandidate((UUID) r[0], (String) r[2], (String) r[3],
                    TicketStatus.valueOf((String) r[5]), sameTopic ? SAME_TOPIC : SIMILAR_TEXT,
                    BigDecimal.valueOf(similarity).setScale(2, RoundingMode.HALF_UP), instant(r[7]))));
        }
        alike.sort(Comparator.comparingDouble(Scored::similarity).reversed());
        return alike;
    }

    /**
     * The token sets of recently compared tickets, by id: a ticket's title and description never change after intake, and
     * a hot enterprise (or phone) brings the same up to {@link RepeatSettings#compared} open tickets to every new
     * registration, which would otherwise be cut into tokens again each time. Least recently used out first.
     */
    private static final int TOKEN_CACHE_SIZE = 4096;

    private final Map<UUID, Set<String>> tokenCache = new LinkedHashMap<>(TOKEN_CACHE_SIZE * 4 / 3, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Set<String>> eldest) {
            return size() > TOKEN_CACHE_SIZE;
        }
    };

    private Set<String> tokensOf(UUID id, String title, String description) {
        synchronized (tokenCache) {
            Set<String> cached = tokenCache.get(id);
            if (cached != null) {
                return cached;
            }
        }
        Set<String> tokens = Set.copyOf(TextSimilarity.tokens(title, description));
        synchronized (tokenCache) {
            tokenCache.put(id, tokens);
        }
        return tokens;
    }

    private static Query window(Query query, Ticket t, Instant since, Instant at) {
        return query.setParameter("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).setParameter("self", t.id);
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
