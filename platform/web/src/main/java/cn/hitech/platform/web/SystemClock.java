package cn.hitech.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.StartupEvent;

/**
 * The one domain clock of a service (UTC): "now" for deadlines, stages, reports and warnings, and every time the
 * domain records. For demos and acceptance runs it can start at a chosen instant and tick from there
 * ({@code hitech.clock.start}, env {@code HITECH_CLOCK_START=2026-02-13T10:00:00+08:00}), so time limits can be
 * checked across the Spring Festival without waiting for it. The start belongs to a real instant, its anchor
 * ({@code hitech.clock.anchor}, by default the moment the service starts): services given the same anchor, as the run
 * command gives them, show the same time however far apart they started or restarted. A production deployment refuses
 * to start with a moved clock.
 * Security time (token expiry, TLS) and Kafka never use this clock. Tests that need to move time replace the bean.
 */
@Singleton
public class SystemClock {

    private static final Logger LOG = Logger.getLogger(SystemClock.class);

    private final RunMode mode;
    private final Optional<OffsetDateTime> start;
    private final Optional<Instant> anchor;

    SystemClock(@ConfigProperty(name = "hitech.mode", defaultValue = "production") RunMode mode,
            @ConfigProperty(name = "hitech.clock.start") Optional<OffsetDateTime> start,
            @ConfigProperty(name = "hitech.clock.anchor") Optional<Instant> anchor) {
        this.mode = mode;
        this.start = start;
        this.anchor = anchor;
    }

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return domainClock(mode, start, anchor, Clock.systemUTC());
    }

    /** Fails the start-up at once when the setting is not allowed, and says what the clock does. */
    void onStart(@Observes StartupEvent started, Clock clock) {
        if (start.isPresent()) {
            LOG.warnf("domain clock moved (hitech.mode=%s): it started at %s and ticks from there; now %s (real time %s)",
                    mode.name().toLowerCase(), start.get(), clock.instant(), Instant.now());
        }
    }

    /**
     * The domain clock for these settings: the real one, or one that shows {@code start} at the real instant
     * {@code anchor} (now, if none) and ticks with {@code real}.
     */
    public static Clock domainClock(RunMode mode, Optional<OffsetDateTime> start, Optional<Instant> anchor, Clock real) {
        if (start.isEmpty()) {
            return real;
        }
        if (!mode.mayMoveClock()) {
            throw new IllegalStateException("hitech.clock.start (HITECH_CLOCK_START) is set, but hitech.mode is "
                    + mode.name().toLowerCase() + ": a production deployment never runs on a moved clock; set "
                    + "HITECH_MODE=demo or acceptance, or unset HITECH_CLOCK_START");
        }
        return Clock.offset(real, Duration.between(anchor.orElseGet(real::instant), start.get().toInstant()));
    }
}
