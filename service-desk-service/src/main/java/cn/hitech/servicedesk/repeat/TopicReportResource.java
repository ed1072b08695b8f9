package cn.hitech.servicedesk.repeat;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.Roles;
import cn.hitech.platform.web.table.Tabular;
import cn.hitech.servicedesk.topic.TopicCatalogue;

@Path("/api/tickets/reports/topics")
@Produces({MediaType.APPLICATION_JSON, Tabular.CSV, Tabular.XLSX})
@RolesAllowed({Roles.MANAGER, Roles.STAFF, Roles.ADMIN})
@Tag(name = "工单统计")
public class TopicReportResource {

    private final RepeatReportService reports;
    private final TopicCatalogue topics;

    TopicReportResource(RepeatReportService reports, TopicCatalogue topics) {
        this.reports = reports;
        this.topics = topics;
    }

    @GET
    @Operation(summary = "热点诉求", description = "The tickets registered in the period (dates in Asia/Shanghai, both included) "
            + "counted per leaf topic and per level-1 topic, hottest first, each with how many were repeats (any kind) and "
            + "same-topic repeats; tickets without a topic are counted apart. Read from per-day sums per topic kept in the "
            + "transaction of each registration (equal to the direct count; POST /api/tickets/reports/rebuild replays them). "
            + "levelOne narrows the report to one level-1 topic and its leaves (its figures in the totals; an unknown or not "
            + "level-1 code is a 400 naming levelOne), as the dashboard's table shows it. JSON, CSV or XLSX (Accept or ?format=).")
    public RepeatApi.TopicReport topics(
            @QueryParam("from") @Parameter(description = "起始日期（含），yyyy-MM-dd", required = true, example = "2026-03-01") LocalDate from,
            @QueryParam("to") @Parameter(description = "截止日期（含），yyyy-MM-dd", required = true, example = "2026-03-31") LocalDate to,
            @QueryParam("levelOne") @Parameter(description = "一级分类代码：只看该分类及其末级分类") String levelOne,
            @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format) {
        RepeatApi.TopicReport report = reports.hotTopics(reports.period(from, to));
        if (levelOne == null || levelOne.isBlank()) {
            return report;
        }
        String code = levelOne.strip();
        if (topics.find(code).filter(t -> t.level() == 1).isEmpty()) {
            throw ProblemException.invalidField("levelOne", "'" + levelOne + "' 不是一级诉求分类代码");
        }
        return report.within(code);
    }
}
