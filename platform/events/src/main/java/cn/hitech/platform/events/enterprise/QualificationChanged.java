package cn.hitech.platform.events.enterprise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import cn.hitech.platform.events.Event;
import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.UnreadableEventException;

/**
 * 资质荣誉 of an enterprise granted, changed, revoked or about to expire: the qualification as it now stands. The
 * policies re-match the enterprise on it (a 免申即享 benefit follows a gained qualification), and the 一企一档 keeps it.
 * {@code kind} and {@code level} are the codes of the qualification API; {@code revision} is the qualification's version.
 */
public record QualificationChanged(
        UUID qualificationId,
        String creditCode,
        String kind,
        String level,
        int year,
        String certificateNumber,
        LocalDate validUntil,
        boolean revoked,
        long revision,
        Instant occurredAt) implements Event {

    /** 认定: a qualification newly held. */
    public static final EventType<QualificationChanged> GRANTED =
            new EventType<>("enterprise.qualification.granted", 1, Topics.ENTERPRISES, "enterprise", QualificationChanged.class);

    /** 变更: its certificate, year or expiry corrected. */
    public static final EventType<QualificationChanged> CHANGED =
            new EventType<>("enterprise.qualification.changed", 1, Topics.ENTERPRISES, "enterprise", QualificationChanged.class);

    /** 撤销: no longer held. */
    public static final EventType<QualificationChanged> REVOKED =
            new EventType<>("enterprise.qualification.revoked", 1, Topics.ENTERPRISES, "enterprise", QualificationChanged.class);

    /** 到期预警: it expires soon (once per qualification and expiry date). */
    public static final EventType<QualificationChanged> EXPIRING =
            new EventType<>("enterprise.qualification.expiring", 1, Topics.ENTERPRISES, "enterprise", QualificationChanged.class);

    public QualificationChanged {
        if (qualificationId == null || creditCode == null || kind == null || level == null || occurredAt == null) {
            throw new UnreadableEventException("a qualification event needs qualificationId, creditCode, kind, level and occurredAt");
        }
    }

    /** Keyed by the enterprise, so that all of one enterprise's events keep their order. */
    @Override
    public String aggregateId() {
        return Objects.requireNonNull(creditCode);
    }
}
