package cn.hitech.gateway.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.MDC;

import cn.hitech.platform.web.CorrelationId;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Timestamps;

/**
 * 登录审计: the gateway's own audit trail of sign-ins (等保 2.0 asks for it). A row is written in the transaction of the
 * attempt it describes, at real time: security events never follow a moved domain clock.
 */
@ApplicationScoped
public class LoginAudit {

    /** The actor of what the gateway does by itself (the bootstrap administrator). */
    public static final String SYSTEM = "system";
    /** The actor of the break-glass unlock at start ({@code hitech.identity.unlock-at-start}). */
    public static final String STARTUP = "startup";

    public enum Event {
        LOGIN_SUCCEEDED, LOGIN_FAILED, ACCOUNT_LOCKED, LOGIN_REFUSED_LOCKED, ACCOUNT_UNLOCKED, ACCOUNT_CREATED
    }

    @Schema(name = "LoginAuditEntry", description = "登录审计记录")
    public record Entry(long id, Instant occurredAt, String username, Event event, String actor, String clientAddress,
            String correlationId, String detail) {
    }

    private final EntityManager entityManager;
    private final Clock clock = Clock.systemUTC();

    LoginAudit(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records an event about {@code username}, done by {@code actor}; joins the caller's transaction. */
    public void record(String username, Event event, String actor, String clientAddress, String detail) {
        Object correlationId = MDC.get(CorrelationId.MDC_KEY);
        entityManager.createNativeQuery("""
                INSERT INTO login_audit (occurred_at, username, event, actor, client_address, correlation_id, detail)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, clock.instant()).setParameter(2, username)
                .setParameter(3, event.name()).setParameter(4, actor).setParameter(5, clientAddress)
                .setParameter(6, correlationId == null ? null : correlationId.toString()).setParameter(7, detail)
                .executeUpdate();
    }

    /** Deletes the entries that occurred before {@code cutoff} (the retention purge); answers how many. */
    public int forgetBefore(Instant cutoff) {
        return entityManager.createNativeQuery("DELETE FROM login_audit WHERE occurred_at < ?1").setParameter(1, cutoff)
                .executeUpdate();
    }

    /** Newest first, optionally for one username. */
    public PageView<Entry> list(String username, int page, int size) {
        String where = username == null ? "" : " WHERE username = :username";
        jakarta.persistence.Query rows = entityManager.createNativeQuery("SELECT id, occurred_at, username, event, actor,"
                + " client_address, correlation_id, detail FROM login_audit" + where + " ORDER BY id DESC LIMIT :size OFFSET :skip");
        jakarta.persistence.Query count = entityManager.createNativeQuery("SELECT count(*) FROM login_audit" + where);
        if (username != null) {
            rows.setParameter("username", username);
            count.setParameter("username", username);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.setParameter("size", size).setParameter("skip", (long) page * size).getResultList();
        List<Entry> entries = found.stream().map(r -> new Entry(((Number) r[0]).longValue(), Timestamps.instant(r[1]), (String) r[2],
                Event.valueOf((String) r[3]), (String) r[4], (String) r[5], (String) r[6], (String) r[7])).toList();
        return new PageView<>(entries, page, size, ((Number) count.getSingleResult()).longValue());
    }
}
