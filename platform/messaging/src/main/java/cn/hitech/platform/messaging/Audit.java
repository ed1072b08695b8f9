package cn.hitech.platform.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.MDC;

import io.quarkus.arc.Arc;

import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.web.CorrelationId;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Timestamps;

/** The audit trail of a service: {@link #record} in the transaction of each change; {@link #list} for administrators. */
@ApplicationScoped
public class Audit {

    private final EntityManager entityManager;
    private final Clock clock;

    Audit(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Schema(name = "AuditEntry", description = "审计记录")
    public record Entry(long id, Instant occurredAt, String actor, String role, String correlationId, String entityType,
            String entityId, String action, @Schema(description = "变更摘要") Object summary) {
    }

    /** Records a change made by the current user (or by the system, outside a request). */
    public void record(String entityType, String entityId, String action, Map<String, ?> summary) {
        String actor = "system";
        String role = "SYSTEM";
        if (Arc.container().requestContext().isActive()) {
            CurrentUser user = Arc.container().instance(CurrentUser.class).get();
            actor = user.name();
            role = user.role();
        }
        Object correlationId = MDC.get(CorrelationId.MDC_KEY);
        entityManager.createNativeQuery("""
                INSERT INTO audit_log (occurred_at, actor, role, correlation_id, entity_type, entity_id, action, summary)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS json))""")
                .setParameter(1, clock.instant()).setParameter(2, actor).setParameter(3, role)
                .setParameter(4, correlationId == null ? null : correlationId.toString())
                .setParameter(5, entityType).setParameter(6, entityId).setParameter(7, action)
                .setParameter(8, EventJson.write(summary)).executeUpdate();
    }

    /** Newest first, optionally for one entity type and id. */
    public PageView<Entry> list(String entityType, String entityId, int page, int size) {
        // Only the filters given go into the query: PostgreSQL cannot type a parameter that is bound to null alone.
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        if (entityType != null) {
            filters.put("entity_type", entityType);
        }
        if (entityId != null) {
            filters.put("entity_id", entityId);
        }
        String where = filters.isEmpty() ? "" : " WHERE " + String.join(" AND ", filters.keySet().stream().map(c -> c + " = :" + c).toList());
        jakarta.persistence.Query rows = entityManager.createNativeQuery("SELECT id, occurred_at, actor, role, correlation_id,"
                + " entity_type, entity_id, action, summary::text FROM audit_log" + where + " ORDER BY id DESC LIMIT :size OFFSET :skip");
        jakarta.persistence.Query count = entityManager.createNativeQuery("SELECT count(*) FROM audit_log" + where);
        filters.forEach((column, value) -> {
            rows.setParameter(column, value);
            count.setParameter(column, value);
        });
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.setParameter("size", size).setParameter("skip", page * size).getResultList();
        List<Entry> entries = found.stream().map(r -> new Entry(((Number) r[0]).longValue(), Timestamps.instant(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], EventJson.tree((String) r[8]))).toList();
        return new PageView<>(entries, page, size, ((Number) count.getSingleResult()).longValue());
    }

}
