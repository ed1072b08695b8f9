package cn.hitech.servicedesk.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;

/**
 * The topic catalogue as the rest of the service reads it: labels for ticket views, subtrees for routing rules, the
 * tree for the console. It is small (≈ 100 topics) and read on every ticket view, so it is held in memory: dropped when
 * a change on this instance commits, and reloaded after {@code hitech.tickets.topics.cache-ttl} (default 60 s) so a
 * change made on another replica shows there within that time. A ticket's topic is checked against the table itself
 * ({@link #requireSelectableLeaf}), so a topic switched off anywhere takes no new ticket from then on.
 */
@ApplicationScoped
public class TopicCatalogue {

    /** {@code hitech.tickets.topics.*}. */
    @ConfigMapping(prefix = "hitech.tickets.topics")
    public interface Settings {

        /** How long an instance keeps the catalogue before reading it again (changes made elsewhere show after this). */
        @WithDefault("60s")
        Duration cacheTtl();
    }

    /** One topic as cached. */
    public record Entry(String code, String label, String parent, int level, int sortOrder, boolean active) {

        public boolean leaf() {
            return level == Topic.LEAF_LEVEL;
        }
    }

    private record Snapshot(Map<String, Entry> byCode, Map<String, List<Entry>> children, long loadedAtNanos) {
    }

    private final EntityManager em;
    private final Settings settings;
    private final TransactionSynchronizationRegistry transactions;
    private volatile Snapshot snapshot;

    TopicCatalogue(EntityManager em, Settings settings, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.settings = settings;
        this.transactions = transactions;
    }

    public Optional<Entry> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(current().byCode().get(code));
    }

    /** The codes from the level-1 topic down to {@code code}; empty when the catalogue does not know it. */
    public List<String> path(String code) {
        Map<String, Entry> byCode = current().byCode();
        List<String> path = new ArrayList<>();
        for (Entry e = code == null ? null : byCode.get(code); e != null; e = e.parent() == null ? null : byCode.get(e.parent())) {
            path.add(0, e.code());
        }
        return path;
    }

    /** "要素保障 / 用电 / 用电报装"; the code itself when the catalogue does not know it, null for no topic. */
    public String pathLabel(String code) {
        if (code == null) {
            return null;
        }
        List<String> path = path(code);
        if (path.isEmpty()) {
            return code;
        }
        Map<String, Entry> byCode = current().byCode();
        return String.join(" / ", path.stream().map(c -> byCode.get(c).label()).toList());
    }

    /** Whether {@code topic} is {@code ancestor} or lies in its subtree. */
    public boolean within(String topic, String ancestor) {
        return topic != null && ancestor != null && path(topic).contains(ancestor);
    }

    /** The level-1 topic above {@code code} (itself when it is one); null when unknown. */
    public String root(String code) {
        List<String> path = path(code);
        return path.isEmpty() ? null : path.get(0);
    }

    /** The catalogue as a tree, siblings in their order; only what new tickets can choose unless {@code all}. */
    public List<TopicApi.Node> tree(boolean all) {
        return nodes(current(), null, all);
    }

    /** The children of {@code code} as tree nodes (all of them, switched off or not). */
    public List<TopicApi.Node> children(String code) {
        return nodes(current(), code, true);
    }

    /**
     * Checks the topic a new ticket names, against the table (not the cache): it exists (else 422 UNKNOWN_TOPIC), is a
     * leaf (422 TOPIC_NOT_LEAF) and it and its ancestors are switched on (422 TOPIC_INACTIVE); each names {@code field}.
     */
    public void requireSelectableLeaf(String code, String field) {
        List<?> rows = em.createNativeQuery("""
                SELECT t.level, t.active AND coalesce(p.active, true) AND coalesce(g.active, true)
                FROM ticket_topic t LEFT JOIN ticket_topic p ON p.code = t.parent_code
                                    LEFT JOIN ticket_topic g ON g.code = p.parent_code
                WHERE t.code = ?1""").setParameter(1, code).getResultList();
        if (rows.isEmpty()) {
            throw rejected("UNKNOWN_TOPIC", field, "诉求分类 " + code + " 不存在（见 GET /api/tickets/topics）");
        }
        Object[] row = (Object[]) rows.get(0);
        if (((Number) row[0]).intValue() != Topic.LEAF_LEVEL) {
            throw rejected("TOPIC_NOT_LEAF", field, "诉求分类 " + code + " 不是末级分类，请选择其下的三级分类");
        }
        if (!Boolean.TRUE.equals(row[1])) {
            throw rejected("TOPIC_INACTIVE", field, "诉求分类 " + code + " 或其上级已停用，不能用于新工单");
        }
    }

    static ProblemException rejected(String code, String field, String message) {
        return new ProblemException(422, code, Problem.titleFor(422), field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** Drops the cached catalogue once the current transaction has committed, so the next reader sees the change. */
    void changed() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    snapshot = null;
                }
            }
        });
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.loadedAtNanos() > settings.cacheTtl().toNanos()) {
            // In a transaction of its own: a reader may be anywhere (outside a transaction, amid another result set), and
            // reading the catalogue must not disturb it.
            s = QuarkusTransaction.requiringNew().call(this::load);
            snapshot = s;
        }
        return s;
    }

    private Snapshot load() {
        List<Object[]> rows = em.createQuery("select t.code, t.label, t.parentCode, t.level, t.sortOrder, t.active from Topic t",
                Object[].class).getResultList();
        Map<String, Entry> byCode = new LinkedHashMap<>();
        Map<String, List<Entry>> children = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Entry e = new Entry((String) r[0], (String) r[1], (String) r[2], (Integer) r[3], (Integer) r[4], (Boolean) r[5]);
            byCode.put(e.code(), e);
        }
        Comparator<Entry> order = Comparator.comparingInt(Entry::sortOrder).thenComparing(Entry::code);
        for (Entry e : byCode.values()) {
            children.computeIfAbsent(e.parent() == null ? "" : e.parent(), k -> new ArrayList<>()).add(e);
        }
        children.values().forEach(list -> list.sort(order));
        children.replaceAll((k, v) -> List.copyOf(v));
        return new Snapshot(Map.copyOf(byCode), Map.copyOf(children), System.nanoTime());
    }

    private static List<TopicApi.Node> nodes(Snapshot s, String parent, boolean all) {
        return s.children().getOrDefault(parent == null ? "" : parent, List.of()).stream()
                .filter(e -> all || e.active())
                .map(e -> new TopicApi.Node(e.code(), e.label(), e.level(), e.leaf(), e.active(), nodes(s, e.code(), all)))
                .toList();
    }
}
