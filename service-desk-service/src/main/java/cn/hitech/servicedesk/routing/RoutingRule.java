package cn.hitech.servicedesk.routing;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;
import cn.hitech.servicedesk.ticket.TicketCategory;

/**
 * 分派规则: a ticket of this category (any, when null), of this topic or one below it (any, when null), whose text holds
 * any of the keywords (any text, when none) goes to one department.
 */
@Entity
@Table(name = "routing_rule")
public class RoutingRule extends TrackedEntity {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public TicketCategory category;

    /** 诉求分类 at any level: a level-1 or level-2 code matches every topic below it. */
    @Column(name = "topic_code")
    public String topicCode;

    /** Comma-separated, as stored; a keyword itself holds no comma. */
    public String keywords;

    /** Lower wins among the rules that match. */
    public int priority;

    @Column(name = "department_code")
    public String departmentCode;

    /** 自动派单: dispatch at registration, by the system, rather than only suggest. */
    @Column(name = "auto_dispatch")
    public boolean autoDispatch;

    public boolean active;

    List<String> keywordList() {
        return keywords == null || keywords.isBlank() ? List.of() : Arrays.stream(keywords.split(",")).toList();
    }

    /**
     * Whether a ticket of {@code ticketCategory}, with the topic path {@code topicPath} (codes from level 1 down; empty
     * without a topic) and {@code text} (lower-cased), falls under this rule.
     */
    boolean matches(TicketCategory ticketCategory, List<String> topicPath, String text) {
        if (category != null && category != ticketCategory) {
            return false;
        }
        if (topicCode != null && !topicPath.contains(topicCode)) {
            return false;
        }
        List<String> words = keywordList();
        return words.isEmpty() || words.stream().anyMatch(w -> text.contains(w.toLowerCase(java.util.Locale.ROOT)));
    }
}
