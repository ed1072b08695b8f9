package cn.hitech.project.warning;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** Recomputes the warnings on a schedule ({@code hitech.warnings.every}, 15 minutes by default) and soon after start. */
@ApplicationScoped
public class WarningJob {

    private final WarningService warnings;

    WarningJob(WarningService warnings) {
        this.warnings = warnings;
    }

    @Scheduled(identity = "project-warnings", every = "${hitech.warnings.every:15m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recompute() {
        warnings.recompute(warnings.today());
    }
}
