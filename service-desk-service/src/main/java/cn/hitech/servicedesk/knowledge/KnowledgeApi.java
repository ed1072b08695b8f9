package cn.hitech.servicedesk.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Versioned;
import cn.hitech.servicedesk.ticket.TicketCategory;

/** The request and response shapes of the knowledge base. */
public final class KnowledgeApi {

    private KnowledgeApi() {
    }

    @Schema(name = "KnowledgeArticleInput", description = "知识库文章：新建时为草稿；修改时须给出读取时的版本号")
    public record ArticleInput(
            @NotBlank @Size(max = 200) @Schema(example = "开办中医诊所需要跑几个部门？") String title,
            @NotBlank @Size(max = 2000) String question,
            @NotBlank @Size(max = 8000) String answer,
            @Schema(description = "诉求类别") TicketCategory category,
            @Size(max = 50) @Schema(example = "一件事一次办") String topic,
            @Size(max = 20) List<@NotBlank @Size(max = 30) @Pattern(regexp = "[^,，]+", message = "关键词中不能含逗号") String> keywords,
            @Size(max = 50) @Schema(description = "承办单位代码") String department,
            @Size(max = 500) @Schema(description = "政策依据：文件名称或网址") String source,
            @Schema(description = "读取时的版本号（修改时必填，或用 If-Match 头）") Long version) {
    }

    @Schema(name = "KnowledgeMove", description = "发布或归档：读取时的版本号（或用 If-Match 头）")
    public record Move(Long version) {
    }

    @Schema(name = "KnowledgeArticle", description = "知识库文章")
    public record ArticleView(
            UUID id,
            String title,
            String question,
            String answer,
            TicketCategory category,
            String categoryLabel,
            String topic,
            List<String> keywords,
            String department,
            String source,
            ArticleStatus status,
            @Schema(example = "已发布") String statusLabel,
            long version,
            Instant createdAt,
            Instant updatedAt) implements Versioned {

        static ArticleView of(KnowledgeArticle a) {
            return new ArticleView(a.id, a.title, a.question, a.answer, a.category, a.category == null ? null : a.category.label(),
                    a.topic, a.keywordList(), a.department, a.source, a.status, a.status.label(), a.version, a.createdAt, a.updatedAt);
        }
    }
}
