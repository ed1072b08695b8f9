package cn.hitech.servicedesk.knowledge;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The moves of a knowledge article, written once: each names the statuses it may leave and the one it reaches. An
 * archived answer may be published again when its policy comes back into force.
 */
public enum ArticleMove {
    /** 发布: operators and enterprises may now use the answer. */
    PUBLISH("发布", EnumSet.of(ArticleStatus.DRAFT, ArticleStatus.ARCHIVED), ArticleStatus.PUBLISHED),
    /** 归档: the answer no longer holds (a policy expired); kept for the record, hidden from enterprises. */
    ARCHIVE("归档", EnumSet.of(ArticleStatus.DRAFT, ArticleStatus.PUBLISHED), ArticleStatus.ARCHIVED);

    private final String label;
    private final Set<ArticleStatus> from;
    private final ArticleStatus to;

    ArticleMove(String label, Set<ArticleStatus> from, ArticleStatus to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    public boolean allowedFrom(ArticleStatus status) {
        return from.contains(status);
    }

    public ArticleStatus to() {
        return to;
    }

    /** The name in URLs and the audit trail: {@code publish}, {@code archive}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
