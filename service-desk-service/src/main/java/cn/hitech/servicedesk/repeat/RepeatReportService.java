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
 */
@ApplicationScoped
public class RepeatReportService {

    private static final String CLUSTERS = """
            SELECT f.id, f.number, f.title, f.created_at, f.status, f.enterprise_credit_code, f.enterprise_name, f.topic_code,
                   g.repeats, g.same_topic, g.similar_text, g.numbers, g.last_at
            FROM (SELECT r.repeat_of AS first_id, count(*) AS repeats,
                         count(*) FILTER (WHERE r.repeat_kind = 'SAME_TOPIC') AS same_topic,
                         count(*) FILTER (WHERE r.repeat_kind = 'SIMILAR_TEXT') AS similar_text,
                         string_agg(r.number, ',' ORDER BY r.created_at, r.number) AS numbers, max(r.created_at) AS last_at
                  FROM ticket r
                  WHERE r.repeat_of IS NOT NULL AND r.created_at >= :start AND r.created_at < :end
                  GROUP BY r.repeat_of) g
            JOIN ticket f ON f.id = g.first_id
            ORDER BY g.repeats DESC, f.created_at, f.number""";

    private static final String TOPICS = """
            SELECT topic_code, count(*), count(*) FILTER (WHERE repeat_of IS NOT NULL),
                   count(*) FILTER (WHERE repeat_kind = 'SAME_TOPIC')
            FROM ticket WHERE created_at >= :start AND created_at < :end
            GROUP BY topic_code""";

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

    public RepeatApi.ClusterReport clusters(ReportPeriod period) {
        List<RepeatApi.Cluster> clusters = new ArrayList<>();
        for (Object row : bound(em.createNativeQuery(CLUSTERS), period).getResultList()) {
            Object[] r = (Object[]) row;
            String topic = (String) r[7];
            long repeats = n(r[8]);
            clusters.add(new RepeatApi.Cluster((UUID) r[0], (String) r[1], (String) r[2], RepeatDetector.instant(r[3]), (String) r[4],
                    r[5] == null ? null : ((String) r[5]).strip(), (String) r[6], topic, topics.pathLabel(topic), repeats, n(r[9]), n(r[10]),
                    repeats + 1, Arrays.asList(((String) r[11]).split(",")), RepeatDetector.instant(r[12])));
        }
        long[] totals = totals(period);
        return new RepeatApi.ClusterReport(period, totals[0], totals[1], clusters);
    }

    public RepeatApi.TopicReport hotTopics(ReportPeriod period) {
        Map<String, RepeatApi.TopicCount> leaves = new LinkedHashMap<>();
        Map<String, long[]> levelOne = new LinkedHashMap<>();
        long tickets = 0;
        long repeats = 0;
        long unclassified = 0;
        for (Object row : bound(em.createNativeQuery(TOPICS), period).getResultList()) {
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
