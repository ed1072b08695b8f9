package cn.hitech.servicedesk.knowledge;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.runtime.StartupEvent;

import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.ticket.TicketCategory;

/**
 * 知识库: the answers hotline operators give at intake (直接答复). Staff write and publish them; an enterprise reads the
 * published ones as a self-service FAQ.
 */
@ApplicationScoped
public class KnowledgeService {

    private static final String ENTITY = "knowledge_article";

    private final KnowledgeRepository articles;
    private final Audit audit;
    private final Clock clock;

    KnowledgeService(KnowledgeRepository articles, Audit audit, Clock clock) {
        this.articles = articles;
        this.audit = audit;
        this.clock = clock;
    }

    /** Articles seeded by migrations carry no index, since the tokenizer lives here in Java; they get it at start. */
    @Transactional
    void indexSeeded(@Observes StartupEvent start) {
        articles.unindexed().forEach(id -> articles.findByIdOptional(id).ifPresent(articles::index));
    }

    /** Writes a new article as a draft. */
    @Transactional
    public KnowledgeApi.ArticleView create(KnowledgeApi.ArticleInput input) {
        KnowledgeArticle article = new KnowledgeArticle();
        article.id = UUID.randomUUID();
        apply(article, input);
        article.status = ArticleStatus.DRAFT;
        article.touch(clock.instant());
        articles.persist(article);
        articles.index(article);
        audit.record(ENTITY, article.id.toString(), "create", summary(article));
        return KnowledgeApi.ArticleView.of(article);
    }

    /** Rewrites an article the caller read at {@code version}; a published one stays published. */
    @Transactional
    public KnowledgeApi.ArticleView update(UUID id, long version, KnowledgeApi.ArticleInput input) {
        KnowledgeArticle article = find(id);
        article.expectVersion(version, "知识库文章 " + id);
        if (article.status == ArticleStatus.ARCHIVED) {
            throw ProblemException.conflict("ARTICLE_ARCHIVED", "文章已归档，不能修改；如需继续使用，请先重新发布");
        }
        apply(article, input);
        article.touch(clock.instant());
        articles.index(article);
        audit.record(ENTITY, id.toString(), "update", summary(article));
        return KnowledgeApi.ArticleView.of(article);
    }

    /** 发布. */
    @Transactional
    public KnowledgeApi.ArticleView publish(UUID id, long version) {
        return move(id, ArticleMove.PUBLISH, version);
    }

    /** 归档. */
    @Transactional
    public KnowledgeApi.ArticleView archive(UUID id, long version) {
        return move(id, ArticleMove.ARCHIVE, version);
    }

    /** An article; an enterprise sees only published ones (any other is "not found"). */
    public KnowledgeApi.ArticleView get(UUID id, boolean publishedOnly) {
        return articles.findByIdOptional(id)
                .filter(a -> !publishedOnly || a.status == ArticleStatus.PUBLISHED)
                .map(KnowledgeApi.ArticleView::of)
                .orElseThrow(() -> ProblemException.notFound("knowledge article", id));
    }

    /**
     * Searches by Chinese or ASCII text, best match first: every token of {@code q} must match; when no article has
     * them all, any token will do, so a loosely worded question still finds candidates.
     */
    public PageView<KnowledgeApi.ArticleView> search(String q, TicketCategory category, String topic, ArticleStatus status,
            boolean publishedOnly, int page, int size) {
        String all = CjkTokenizer.tsQuery(q, true);
        ArticleStatus only = publishedOnly ? ArticleStatus.PUBLISHED : null;
        String categoryCode = category == null ? null : category.name();
        String blankless = topic == null || topic.isBlank() ? null : topic.strip();
        // A query of punctuation alone searches for nothing in particular: it lists, rather than finding nothing.
        KnowledgeRepository.Page found = articles.search(new KnowledgeRepository.Criteria(all.isEmpty() ? null : all, status, only,
                categoryCode, blankless), page, size);
        if (found.total() == 0 && all.contains("&")) {
            found = articles.search(new KnowledgeRepository.Criteria(CjkTokenizer.tsQuery(q, false), status, only, categoryCode,
                    blankless), page, size);
        }
        return new PageView<>(found.articles().stream().map(KnowledgeApi.ArticleView::of).toList(), page, size, found.total());
    }

    private KnowledgeApi.ArticleView move(UUID id, ArticleMove move, long version) {
        KnowledgeArticle article = find(id);
        article.expectVersion(version, "知识库文章 " + id);
        if (!move.allowedFrom(article.status)) {
            throw ProblemException.conflict("TRANSITION_NOT_ALLOWED", "文章当前为「" + article.status.label() + "」，不能"
                    + move.label());
        }
        ArticleStatus from = article.status;
        article.status = move.to();
        article.touch(clock.instant());
        audit.record(ENTITY, id.toString(), move.pathName(), Map.of("from", from, "to", article.status));
        articles.flush();
        return KnowledgeApi.ArticleView.of(article);
    }

    private KnowledgeArticle find(UUID id) {
        return articles.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("knowledge article", id));
    }

    private static void apply(KnowledgeArticle article, KnowledgeApi.ArticleInput input) {
        article.title = input.title().strip();
        article.question = input.question().strip();
        article.answer = input.answer().strip();
        article.category = input.category();
        article.topic = blankToNull(input.topic());
        article.keywordList(input.keywords());
        article.department = blankToNull(input.department());
        article.source = blankToNull(input.source());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Map<String, Object> summary(KnowledgeArticle a) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("title", a.title);
        summary.put("status", a.status);
        summary.put("category", a.category);
        summary.put("topic", a.topic);
        return summary;
    }
}
