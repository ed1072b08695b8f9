package cn.hitech.platform.events.enterprise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.hitech.platform.events.Event;
import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.UnreadableEventException;

/**
 * 帮办代办授权 (agency authorisation) granted or withdrawn: an enterprise lets {@code agent} (the account name of its
 * commissioner or of a 帮办员) act for it. {@code scopes} are any of {@code TICKETS}, {@code APPROVALS} and {@code POLICIES}; {@code reference},
 * when set, narrows the grant to one ticket or one one-thing application (its id). The grant holds from {@code validFrom}
 * to {@code validUntil} inclusive, on the acceptance clock's date, until it is withdrawn; each reader checks those dates
 * itself, so expiry needs no event. {@code revision} is the authorisation's version: a reader keeps the highest.
 */
public record AuthorisationChanged(
        UUID authorisationId,
        String creditCode,
        String agent,
        String agentKind,
        List<String> scopes,
        String reference,
        LocalDate validFrom,
        LocalDate validUntil,
        boolean withdrawn,
        long revision,
        Instant occurredAt) implements Event {

    /** 授权: the enterprise authorised an agent. */
    public static final EventType<AuthorisationChanged> GRANTED =
            new EventType<>("enterprise.authorisation.granted", 1, Topics.ENTERPRISES, "enterprise", AuthorisationChanged.class);

    /** 撤回: the enterprise (or an administrator) withdrew it before it expired. */
    public static final EventType<AuthorisationChanged> WITHDRAWN =
            new EventType<>("enterprise.authorisation.withdrawn", 1, Topics.ENTERPRISES, "enterprise", AuthorisationChanged.class);

    public AuthorisationChanged {
        if (authorisationId == null || creditCode == null || agent == null || scopes == null || scopes.isEmpty()
                || validFrom == null || validUntil == null || occurredAt == null) {
            throw new UnreadableEventException(
                    "an authorisation event needs authorisationId, creditCode, agent, scopes, validFrom, validUntil and occurredAt");
        }
        scopes = List.copyOf(scopes);
    }

    /** Whether it lets its agent act on {@code scope} ({@code TICKETS} or {@code APPROVALS}) for {@code target} on {@code day}. */
    public boolean covers(String scope, String target, LocalDate day) {
        return !withdrawn && scopes.contains(scope) && (reference == null || reference.equals(target))
                && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    /** Keyed by the enterprise, so that all of one enterprise's events keep their order. */
    @Override
    public String aggregateId() {
        return Objects.requireNonNull(creditCode);
    }
}
