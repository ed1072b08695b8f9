package cn.hitech.servicedesk.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class KnowledgeRepository implements PanacheRepositoryBase<KnowledgeArticle, UUID> {

    /** What a search asks for; null parts do not filter. {@code tsQuery} is a {@link CjkTokenizer#tsQuery} expression. */
    record Criteria(String tsQuery, ArticleStatus status, ArticleStatus onlyStatus, String category, String topic) {
    }

    /**
     * Rebuilds the article's search index from its text, weighted by where a word stands: title A, topic and keywords
     * B, question C, answer D, so a hit in the title ranks above the same hit deep in an answer.
     */
    void index(KnowledgeArticle a) {
        flush();
        getEntityManager().createNativeQuery("""
                UPDATE knowledge_article SET search_vector =
                    setweight(to_tsvector('simple', :title), 'A') || setweight(to_tsvector('simple', :keywords), 'B')
                    || setweight(to_tsvector('simple', :question), 'C') || setweight(to_tsvector('simple', :answer), 'D')
                WHERE id = :id""")
                .setParameter("title", CjkTokenizer.indexText(a.title))
                .setParameter("keywords", CjkTokenizer.indexText((a.topic == null ? "" : a.topic) + " " + String.join(" ", a.keywordList())))
                .setParameter("question", CjkTokenizer.indexText(a.question))
                .setParameter("answer", CjkTokenizer.indexText(a.answer))
                .setParameter("id", a.id)
                .executeUpdate();
    }

    /** Articles written by SQL (the seeded ones) that have no index yet. */
    @SuppressWarnings("unchecked")
    List<UUID> unindexed() {
        return getEntityManager().createNativeQuery("SELECT id FROM knowledge_article WHERE search_vector IS NULL", UUID.class)
                .getResultList();
    }

    /** One page of matching articles, best match first (newest first without a text query), and the number of all matches. */
    Page search(Criteria criteria, int page, int size) {
        // Only the filters given go into the query: PostgreSQL cannot type a parameter that is bound to null alone.
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        if (criteria.onlyStatus() != null) {
            conditions.add("status = :onlyStatus");
            parameters.put("onlyStatus", criteria.onlyStatus().name());
        }
        if (criteria.status() != null) {
            conditions.add("status = :status");
            parameters.put("status", criteria.status().name());
        }
        if (criteria.category() != null) {
            conditions.add("category = :category");
            parameters.put("category", criteria.category());
        }
        if (criteria.topic() != null) {
            conditions.add("topic = :topic");
            parameters.put("topic", criteria.topic());
        }
        String order = "updated_at DESC, id";
        if (criteria.tsQuery() != null) {
            conditions.add("search_vector @@ to_tsquery('simple', :q)");
            parameters.put("q", criteria.tsQuery());
            // Normalisation 1 divides by the log of the length, so a long answer does not win by its size alone.
            order = "ts_rank(search_vector, to_tsquery('simple', :q), 1) DESC, " + order;
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        Query rows = getEntityManager().createNativeQuery("SELECT id FROM knowledge_article" + where + " ORDER BY " + order
                + " LIMIT :size OFFSET :skip", UUID.class);
        Query count = getEntityManager().createNativeQuery("SELECT count(*) FROM knowledge_article" + where);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        @SuppressWarnings("unchecked")
        List<UUID> ids = rows.setParameter("size", size).setParameter("skip", (long) page * size).getResultList();
        long total = ((Number) count.getSingleResult()).longValue();
        Map<UUID, KnowledgeArticle> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            list("id in ?1", ids).forEach(a -> found.put(a.id, a));
        }
        return new Page(ids.stream().map(found::get).filter(a -> a != null).toList(), total);
    }

    record Page(List<KnowledgeArticle> articles, long total) {
    }
}
