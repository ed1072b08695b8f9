package cn.hitech.servicedesk.clock;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.web.ProblemException;

/**
 * The time a ticket's or an application's registration and moves are made at: the domain clock, except while a history
 * import (历史工单迁移, 历史申请导入) replays a move of the old system at the instant it was made there. Pinning the
 * instant, rather than writing the history rows directly, sends every imported move through the same rules, deadlines,
 * "in time" flags, certificates and completion as a live one, so the reports read real timings.
 */
@ApplicationScoped
public class ReplayClock {

    private static final ThreadLocal<Instant> PINNED = new ThreadLocal<>();

    private final Clock clock;

    ReplayClock(Clock clock) {
        this.clock = clock;
    }

    public Instant instant() {
        Instant pinned = PINNED.get();
        return pinned != null ? pinned : clock.instant();
    }

    /** The domain clock's instant, never a pinned one: "now" for the colour of a limit and for what may lie in the past. */
    public Instant domainNow() {
        return clock.instant();
    }

    /**
     * Runs {@code work} as if it were {@code at}, on this thread only; {@code at} may not lie ahead of the domain clock,
     * because a history cannot hold moves that have not happened yet.
     */
    public <T> T at(Instant at, Supplier<T> work) {
        if (at.isAfter(clock.instant())) {
            throw ProblemException.ruleViolated("MOVE_IN_FUTURE", "历史流转时间 " + at + " 晚于当前时间，不能导入");
        }
        Instant before = PINNED.get();
        PINNED.set(at);
        try {
            return work.get();
        } finally {
            if (before == null) {
                PINNED.remove();
            } else {
                PINNED.set(before);
            }
        }
    }
}
