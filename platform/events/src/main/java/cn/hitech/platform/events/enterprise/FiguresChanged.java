package cn.hitech.platform.events.enterprise;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import cn.hitech.platform.events.Event;
import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.UnreadableEventException;

/**
 * 经营数据 of an enterprise for one year entered or corrected (by hand or by the bulk import): the year's figures as
 * they now stand, amounts in 万元. Policies re-match the enterprise on it; the 一企一档 keeps it.
 */
public record FiguresChanged(
        String creditCode,
        int year,
        BigDecimal revenue,
        BigDecimal rdSpend,
        BigDecimal highTechRevenue,
        Integer employees,
        Integer rdStaff,
        long revision,
        Instant occurredAt) implements Event {

    public static final EventType<FiguresChanged> TYPE =
            new EventType<>("enterprise.figures.changed", 1, Topics.ENTERPRISES, "enterprise", FiguresChanged.class);

    public FiguresChanged {
        if (creditCode == null || occurredAt == null) {
            throw new UnreadableEventException("a figures event needs creditCode and occurredAt");
        }
    }

    @Override
    public String aggregateId() {
        return Objects.requireNonNull(creditCode);
    }
}
