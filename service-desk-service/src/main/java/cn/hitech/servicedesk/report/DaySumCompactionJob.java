package cn.hitech.servicedesk.report;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * 指标日汇总并槽: each night the slots that spread concurrent moves over 8 rows per day (V16) are folded into one for the
 * days already past, so the reports of long periods stay cheap. {@code hitech.tickets.metrics.compact-cron=off} stops it.
 */
@ApplicationScoped
class DaySumCompactionJob {

    private static final Logger LOG = Logger.getLogger(DaySumCompactionJob.class);

    private final DepartmentMetricsService metrics;

    DaySumCompactionJob(DepartmentMetricsService metrics) {
        this.metrics = metrics;
    }

    @Scheduled(identity = "ticket-metrics-compact", cron = "${hitech.tickets.metrics.compact-cron:0 30 3 * * ?}",
            timeZone = "Asia/Shanghai", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void compact() {
        LOG.infof("folded %d slotted day-sum rows into their days", metrics.compactPastDays());
    }
}
