package cn.hitech.servicedesk.repeat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.servicedesk.report.ReportPeriod;
import cn.hitech.servicedesk.topic.TopicCatalogue;

/**
 * 重复诉求 and 热点诉求 per period, from the ticket rows: a ticket belongs to the period of its registration (its local
 * date in Asia/Shanghai), and whether it repeats another was decided at intake and never changes, so a past period
 * always gives the same figures. A cluster is a first ticket and its repeats ({@code repeat_of} names the first).
 * <p>
 * At province scale (a million tickets, ≈40,000 repeats a year) neither report reads a period's tickets one by one:
 * the counts per topic and the period's totals are V16's day sums ({@code ticket_topic_day}, kept by triggers on
 * {@code ticket}, rebuilt with the department sums), and the clusters are grouped from the index of repeats alone and
 * answered a page at a time, largest first; only the page's first tickets and repeat numbers are read.
 * {@link #countedTopics} is the direct count the tests hold the sums to.
 */
@ApplicationScoped
public class RepeatReportService {

    /** Largest clusters first; of equal size the most recently repeated, then by the first ticket's id (stable pages). */
    private static final String CLUSTERS = """
            SELECT f.id, f.number, f.title, f.created_at, f.status, f.enterprise_credit_code, f.enterprise_name, f.topic_code,
                   g.repeats, g.same_topic, g.similar_text,
                   (SELECT string_agg(r.number, ',' ORDER BY r.created_at, r.number) FROM ticket r
                    WHERE r.repeat_of = g.first_id AND r.created_at >= :start AND r.created_at < :end),
                   g.last_at, g.clusters
            FROM (SELECT c.*, count(*) OVER () AS clusters
                  FROM (SELECT r.repeat_of AS first_id, count(*) AS repeats,
                               count(*) FILTER (WHERE r.repeat_kind = 'SAME_TOPIC') AS same_topic,
                               count(*) FILTER (WHERE r.repeat_kind = 'SIMILAR_TEXT') AS similar_text, max(r.created_at) AS last_at
                        FROM ticket r
                        WHERE r.repeat_of IS NOT NULL AND r.created_at >= :start AND r.created_at < :end
                        GROUP BY r.repeat_of) c
                  ORDER BY c.repeats DESC, c.last_at DESC, c.first_id
                  OFFSET :offset LIMIT :limit) g
            JOIN ticket f ON f.id = g.first_id
            ORDER BY g.repeats DESC, g.last_at DESC, g.first_id""";

    private static final String CLUSTER_COUNT = """
            SELECT count(DISTINCT repeat_of) FROM ticket
            WHERE repeat_of IS NOT NULL AND created_at >= :start AND created_at < :end""";

    private static final String TOPICS = """
            SELECT topic_code, count(*), count(*) FILTER (WHERE repeat_of IS NOT NULL),
                   count(*) FILTER (WHERE repeat_kind = 'SAME_TOPIC')
            FROM ticket WHERE created_at >= :start AND created_at < :end
            GROUP BY topic_code""";

    /** The same rows from the day sums ('' is the day sums' key for no topic). */
    private static final String TOPIC_SUMS = """
            SELECT nullif(topic_code, ''), sum(tickets), sum(repeats), sum(same_topic)
            FROM ticket_topic_day WHERE day BETWEEN :from AND :to
            GROUP BY topic_code HAVING sum(tickets) <> 0""";

    /** The zone the day sums of V16 are kept in; a calendar in another zone is answered from the tickets directly. */
    private static final ZoneId ROLLUP_ZONE = ZoneId.of("Asia/Shanghai");

    private final EntityManager em;
    private final TopicCatalogue topics;
    private final WorkingCalendar calendar;

    RepeatReportService(EntityManager em, TopicCatalogue topics, WorkingCalendar calendar) {
        this.em = em;
        this.topics = topics;
        this.calendar = calendar;
    }

    public ReportPeriod period(LocalDate from, LocalDate to) {
        return ReportPeriod.of(from, to, calendar.officeHours().zone());
    }

    /** The clusters {@code offset} to {@code offset + limit} of the period, largest first, with the period's totals. */
    public RepeatApi.ClusterReport clusters(ReportPeriod period, int offset, int limit) {
        List<RepeatApi.Cluster> clusters = new ArrayList<>();
        long count = -1;
        for (Object row : bound(em.createNativeQuery(CLUSTERS), period).setParameter("offset", offset).setParameter("limit", limit)
                .getResultList()) {
            Object[] r = (Object[]) row;
            String topic = (String) r[7];
            long repeats = n(r[8]);
            clusters.add(new RepeatApi.Cluster((UUID) r[0], (String) r[1], (String) r[2], RepeatDetector.instant(r[3]), (String) r[4],
                    r[5] == null ? null : ((String) r[5]).strip(), (String) r[6], topic, topics.pathLabel(topic), repeats, n(r[9]), n(r[10]),
                    repeats + 1, Arrays.asList(((String) r[11]).split(",")), RepeatDetector.instant(r[12])));
            count = n(r[13]);
        }
        if (count < 0) {
            count = offset == 0 ? 0 : n(bound(em.createNativeQuery(CLUSTER_COUNT), period).getSingleResult());
        }
        long[] totals = totals(period);
        return new RepeatApi.ClusterReport(period, totals[0], totals[1], count, offset, limit, clusters);
    }

    /** 热点诉求 from the day sums (in the zone they are kept in), else counted from the tickets. */
    public RepeatApi.TopicReport hotTopics(ReportPeriod period) {
        if (!ROLLUP_ZONE.getId().equals(period.zone())) {
            return countedTopics(period);
        }
        return topicReport(period, em.createNativeQuery(TOPIC_SUMS).setParameter("from", period.from()).setParameter("to", period.to())
                .getResultList());
    }

    /** The same report counted directly over the tickets of the period, as the day sums must give it. */
    public RepeatApi.TopicReport countedTopics(ReportPeriod period) {
        return topicReport(period, bound(em.createNativeQuery(TOPICS), period).getResultList());
    }

    private RepeatApi.TopicReport topicReport(ReportPeriod period, List<?> result) {
        Map<String, RepeatApi.TopicCount> leaves = new LinkedHashMap<>();
        Map<String, long[]> levelOne = new LinkedHashMap<>();
        long tickets = 0;
        long repeats = 0;
        long unclassified = 0;
        for (Object row : result) {
            Object[] r = (Object[]) row;
            String code = (String) r[0];
            long count = n(r[1]);
            tickets += count;
            repeats += n(r[2]);
            if (code == null) {
                unclassified = count;
                continue;
            }
            String root = topics.root(code);
            leaves.put(code, new RepeatApi.TopicCount(code, topics.pathLabel(code), 3, root, count, n(r[2]), n(r[3])));
            if (root != null) {
                long[] sums = levelOne.computeIfAbsent(root, k -> new long[3]);
                sums[0] += count;
                sums[1] += n(r[2]);
                sums[2] += n(r[3]);
            }
        }
        Comparator<RepeatApi.TopicCount> hottest = Comparator.comparingLong(RepeatApi.TopicCount::tickets).reversed()
                .thenComparing(RepeatApi.TopicCount::code);
        List<RepeatApi.TopicCount> ones = levelOne.entrySet().stream()
                .map(e -> new RepeatApi.TopicCount(e.getKey(), topics.pathLabel(e.getKey()), 1, e.getKey(), e.getValue()[0],
                        e.getValue()[1], e.getValue()[2]))
                .sorted(hottest).toList();
        return new RepeatApi.TopicReport(period, tickets, repeats, unclassified, ones, leaves.values().stream().sorted(hottest).toList());
    }

    private long[] totals(ReportPeriod period) {
        if (ROLLUP_ZONE.getId().equals(period.zone())) {
            Object[] r = (Object[]) em.createNativeQuery("""
                    SELECT coalesce(sum(tickets), 0), coalesce(sum(repeats), 0) FROM ticket_topic_day
                    WHERE day BETWEEN :from AND :to""").setParameter("from", period.from()).setParameter("to", period.to())
                    .getSingleResult();
            return new long[] {n(r[0]), n(r[1])};
        }
        Object[] r = (Object[]) bound(em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE repeat_of IS NOT NULL) FROM ticket
                WHERE created_at >= :start AND created_at < :end"""), period).getSingleResult();
        return new long[] {n(r[0]), n(r[1])};
    }

    private static Query bound(Query query, ReportPeriod period) {
        ZoneId zone = ZoneId.of(period.zone());
        Instant start = period.from().atStartOfDay(zone).toInstant();
        Instant end = period.to().plusDays(1).atStartOfDay(zone).toInstant();
        return query.setParameter("start", OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                .setParameter("end", OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
    }

    private static long n(Object count) {
        return ((Number) count).longValue();
    }
}
