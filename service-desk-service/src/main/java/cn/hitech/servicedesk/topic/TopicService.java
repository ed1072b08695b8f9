package cn.hitech.servicedesk.topic;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.ProblemException;

/**
 * ADMIN's edits of the topic catalogue: add a topic under a parent one level up, rename it, move it under another parent
 * of the same level, switch it off or on. Levels never change, so a ticket's topic stays a leaf whatever is moved; codes
 * never change either, so tickets and routing rules keep naming what they named.
 */
@ApplicationScoped
public class TopicService {

    private static final List<String> LEVEL_LABELS = List.of("一级", "二级", "三级");

    private final EntityManager em;
    private final TopicCatalogue catalogue;
    private final Audit audit;
    private final Clock clock;

    TopicService(EntityManager em, TopicCatalogue catalogue, Audit audit, Clock clock) {
        this.em = em;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    public TopicApi.TopicView get(String code) {
        Topic topic = em.find(Topic.class, code);
        if (topic == null) {
            throw ProblemException.notFound("topic", code);
        }
        return view(topic);
    }

    @Transactional
    public TopicApi.TopicView add(TopicApi.AddTopic request) {
        if (em.find(Topic.class, request.code()) != null) {
            throw ProblemException.conflict("TOPIC_EXISTS", "诉求分类代码 " + request.code() + " 已存在");
        }
        Topic parent = request.parent() == null || request.parent().isBlank() ? null : parent(request.parent());
        if (parent != null && parent.level >= Topic.LEAF_LEVEL) {
            throw TopicCatalogue.rejected("TOPIC_TOO_DEEP", "parent", "诉求分类最多三级，" + parent.code + " 已是三级分类");
        }
        if (parent != null && !parent.active) {
            throw TopicCatalogue.rejected("TOPIC_INACTIVE", "parent", "上级分类 " + parent.code + " 已停用");
        }
        Topic topic = new Topic();
        topic.code = request.code();
        topic.label = request.label().strip();
        topic.parentCode = parent == null ? null : parent.code;
        topic.level = parent == null ? 1 : parent.level + 1;
        topic.sortOrder = request.sortOrder() == null ? nextSortOrder(topic.parentCode) : request.sortOrder();
        topic.active = true;
        requireUniqueLabel(topic);
        topic.touch(clock.instant());
        em.persist(topic);
        audit.record("ticket-topic", topic.code, "add", summary(topic));
        em.flush();
        catalogue.changed();
        return view(topic);
    }

    @Transactional
    public TopicApi.TopicView change(String code, long version, TopicApi.ChangeTopic request) {
        Topic topic = em.find(Topic.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (topic == null) {
            throw ProblemException.notFound("topic", code);
        }
        topic.expectVersion(version, "诉求分类 " + code);
        Map<String, Object> before = summary(topic);
        // Before the label check's query flushes the change, so the change is one version, not two.
        topic.touch(clock.instant());
        if (request.label() != null) {
            if (request.label().isBlank()) {
                throw ProblemException.invalidField("label", "不能为空");
            }
            topic.label = request.label().strip();
        }
        if (request.parent() != null && !request.parent().equals(topic.parentCode)) {
            move(topic, request.parent());
        }
        if (request.active() != null) {
            topic.active = request.active();
        }
        if (request.sortOrder() != null) {
            topic.sortOrder = request.sortOrder();
        }
        requireUniqueLabel(topic);
        Map<String, Object> after = summary(topic);
        if (!after.equals(before)) {
            audit.record("ticket-topic", code, "change", Map.of("before", before, "after", after));
        }
        em.flush();
        catalogue.changed();
        return view(topic);
    }

    /** Under another parent of the level above: a level-1 topic has none, and a topic never moves into its own subtree. */
    private void move(Topic topic, String parentCode) {
        if (topic.level == 1) {
            throw TopicCatalogue.rejected("TOPIC_LEVEL_FIXED", "parent", "一级分类没有上级，不能移动到其他分类下");
        }
        Topic parent = parent(parentCode);
        if (parent.level != topic.level - 1) {
            throw TopicCatalogue.rejected("TOPIC_LEVEL_FIXED", "parent", LEVEL_LABELS.get(topic.level - 1) + "分类只能移到"
                    + LEVEL_LABELS.get(topic.level - 2) + "分类之下，" + parent.code + " 是" + LEVEL_LABELS.get(parent.level - 1) + "分类");
        }
        topic.parentCode = parent.code;
    }

    private Topic parent(String code) {
        Topic parent = em.find(Topic.class, code);
        if (parent == null) {
            throw TopicCatalogue.rejected("UNKNOWN_TOPIC", "parent", "上级分类 " + code + " 不存在");
        }
        return parent;
    }

    /** Siblings carry distinct labels, so a path in words names one topic. */
    private void requireUniqueLabel(Topic topic) {
        String jpql = "select count(t) from Topic t where t.label = :label and t.code <> :code and "
                + (topic.parentCode == null ? "t.parentCode is null" : "t.parentCode = :parent");
        var query = em.createQuery(jpql, Long.class).setParameter("label", topic.label).setParameter("code", topic.code);
        if (topic.parentCode != null) {
            query.setParameter("parent", topic.parentCode);
        }
        if (query.getSingleResult() > 0) {
            throw ProblemException.conflict("TOPIC_LABEL_TAKEN", "同一上级下已有名为「" + topic.label + "」的分类");
        }
    }

    private int nextSortOrder(String parentCode) {
        var query = em.createQuery("select max(t.sortOrder) from Topic t where "
                + (parentCode == null ? "t.parentCode is null" : "t.parentCode = :parent"), Integer.class);
        if (parentCode != null) {
            query.setParameter("parent", parentCode);
        }
        return query.getResultStream().filter(Objects::nonNull).findFirst().orElse(0) + 10;
    }

    private static Map<String, Object> summary(Topic t) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("label", t.label);
        summary.put("parent", t.parentCode == null ? "" : t.parentCode);
        summary.put("level", t.level);
        summary.put("active", t.active);
        summary.put("sortOrder", t.sortOrder);
        return summary;
    }

    /** The children of {@code parent} with theirs, {@code depth} levels down, from the table. */
    private List<TopicApi.Node> nodes(String parent, int depth) {
        if (depth == 0) {
            return List.of();
        }
        List<Topic> children = em.createQuery("from Topic t where t.parentCode = :code order by t.sortOrder, t.code", Topic.class)
                .setParameter("code", parent).getResultList();
        List<TopicApi.Node> nodes = new ArrayList<>();
        for (Topic c : children) {
            nodes.add(new TopicApi.Node(c.code, c.label, c.level, c.level == Topic.LEAF_LEVEL, c.active, nodes(c.code, depth - 1)));
        }
        return nodes;
    }

    /** From the table as this transaction sees it, not the cache: a write answers with what it wrote. */
    private TopicApi.TopicView view(Topic topic) {
        List<Topic> path = new ArrayList<>();
        for (Topic t = topic; t != null; t = t.parentCode == null ? null : em.find(Topic.class, t.parentCode)) {
            path.add(0, t);
        }
        boolean selectable = path.stream().allMatch(t -> t.active);
        List<TopicApi.Node> children = nodes(topic.code, Topic.LEAF_LEVEL - topic.level);
        return new TopicApi.TopicView(topic.code, topic.label, topic.level, LEVEL_LABELS.get(topic.level - 1), topic.parentCode,
                path.stream().map(t -> t.code).toList(), String.join(" / ", path.stream().map(t -> t.label).toList()),
                topic.level == Topic.LEAF_LEVEL, topic.active, selectable, topic.sortOrder, children, topic.version, topic.createdAt,
                topic.updatedAt);
    }
}
