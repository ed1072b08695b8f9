package cn.hitech.servicedesk.knowledge;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;
import cn.hitech.servicedesk.ticket.TicketCategory;

/**
 * 知识库文章: one question an enterprise asks and the answer an operator gives at intake (直接答复). Its search index
 * ({@code search_vector}) is kept by {@link KnowledgeRepository#index}, not mapped here.
 */
@Entity
@Table(name = "knowledge_article")
public class KnowledgeArticle extends TrackedEntity {

    /** Keywords are stored as one comma-separated column; the API refuses commas inside a keyword. */
    static final String KEYWORD_SEPARATOR = ",";

    @Id
    public UUID id;

    public String title;

    public String question;

    public String answer;

    /** 诉求类别 the article answers, as tickets classify requests; optional. */
    @Enumerated(EnumType.STRING)
    public TicketCategory category;

    /** 主题: a free topic, e.g. 一件事一次办, 惠企政策. */
    public String topic;

    public String keywords;

    /** 承办单位 whose policy this is (a department code); optional. */
    public String department;

    /** 依据: the policy document (name or URL) the answer rests on. */
    public String source;

    @Enumerated(EnumType.STRING)
    public ArticleStatus status;

    List<String> keywordList() {
        return keywords == null || keywords.isEmpty() ? List.of() : Arrays.asList(keywords.split(KEYWORD_SEPARATOR));
    }

    void keywordList(List<String> list) {
        keywords = list == null || list.isEmpty() ? null
                : String.join(KEYWORD_SEPARATOR, list.stream().map(String::strip).distinct().toList());
    }
}
