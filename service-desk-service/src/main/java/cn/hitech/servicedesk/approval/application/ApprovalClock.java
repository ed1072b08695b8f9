package cn.hitech.servicedesk.approval.application;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.web.ProblemException;

/**
 * The time an application's submission and moves are made at: the domain clock, except while a history import
 * (历史申请导入) replays a move of the old system at the instant it was made there, as {@code TicketClock} does for
 * tickets. Pinning the instant, rather than writing history rows directly, sends every imported move through the same
 * rules, deadlines, certificates and completion as a live one, so the measured reductions read real timings.
 */
@ApplicationScoped
public class ApprovalClock {

    private static final ThreadLocal<Instant> PINNED = new ThreadLocal<>();

    private final Clock clock;

    ApprovalClock(Clock clock) {
        this.clock = clock;
    }

    public Instant instant() {
        Instant pinned = PINNED.get();
        return pinned != null ? pinned : clock.instant();
    }

    /** Runs {@code work} as if it were {@code at}, on this thread only; {@code at} may not lie ahead of the domain clock. */
    public <T> T at(Instant at, Supplier<T> work) {
        if (at.isAfter(clock.instant())) {
            throw ProblemException.ruleViolated("MOVE_IN_FUTURE", "历史办理时间 " + at + " 晚于当前时间，不能导入");
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
