package cn.hitech.project.report;

import java.time.Clock;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.platform.web.Roles;
import cn.hitech.platform.web.table.Tabular;
import cn.hitech.project.review.ReviewService;
import cn.hitech.project.warning.WarningColour;

/**
 * Reports for managers. Each answers JSON, or CSV / XLSX by {@code Accept} or {@code ?format=csv|xlsx}; the period is
 * a year (default this year), optionally narrowed to a quarter or a month.
 */
@Path("/api/projects/reports")
@Produces({MediaType.APPLICATION_JSON, Tabular.CSV, Tabular.XLSX})
@RolesAllowed({Roles.MANAGER, Roles.STAFF, Roles.ADMIN})
@Tag(name = "统计报表", description = "开工率/竣工率/投产率, investment completion, milestone punctuality, red/yellow list, "
        + "department scoreboard, 观摩评比 ranking; JSON, CSV or XLSX")
public class ReportResource {

    private final ReportService reports;
    private final ReviewService reviews;
    private final WorkingCalendar calendar;
    private final Clock clock;

    ReportResource(ReportService reports, ReviewService reviews, WorkingCalendar calendar, Clock clock) {
        this.reports = reports;
        this.reviews = reviews;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GET
    @Path("/rates")
    @Operation(summary = "开工率、竣工率、投产率", description = "Of the projects planned to start (complete) in the period, the share "
            + "that started (completed, went into operation) by its end.")
    public ReportApi.RatesReport rates(@QueryParam("year") Integer year, @QueryParam("quarter") Integer quarter,
            @QueryParam("month") Integer month, @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format) {
        return reports.rates(period(year, quarter, month));
    }

    @GET
    @Path("/investment")
    @Operation(summary = "投资完成情况", description = "Completed investment in the period, this year and in all, against the annual "
            + "plan and the total; grouped by industry chain, level, department or list.")
    public ReportApi.InvestmentReport investment(@QueryParam("by") @DefaultValue("INDUSTRY") ReportService.GroupBy by,
            @QueryParam("year") Integer year, @QueryParam("quarter") Integer quarter, @QueryParam("month") Integer month,
            @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format) {
        return reports.investment(period(year, quarter, month), by);
    }

    @GET
    @Path("/milestones")
    @Operation(summary = "节点按时完成率", description = "Milestones whose baseline fell in the period (up to today), by department.")
    public ReportApi.MilestoneReport milestones(@QueryParam("year") Integer year, @QueryParam("quarter") Integer quarter,
            @QueryParam("month") Integer month, @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format) {
        return reports.milestones(period(year, quarter, month));
    }

    @GET
    @Path("/warnings")
    @Operation(summary = "红黄灯项目清单", description = "The red and yellow projects as last computed, with their reasons, red first.")
    public ReportApi.WarningListReport warnings(@QueryParam("colour") WarningColour colour,
            @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format) {
        return reports.warnings(colour);
    }

    @GET
    @Path("/departments")
    @Operation(summary = "责任部门排行", description = "Projects, starts, warnings, milestone punctuality, investment, open problems "
            + "and overdue packages per department, ranked by a weighted score.")
    public ReportApi.DepartmentScoreboard departments(@QueryParam("year") Integer year, @QueryParam("quarter") Integer quarter,
            @QueryParam("month") Integer month, @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format) {
        return reports.departments(period(year, quarter, month));
    }

    @GET
    @Path("/reviews/{roundId}")
    @Operation(summary = "观摩评比排名（十佳）", description = "Projects ranked by the average weighted mark; the first ten are 十佳.")
    public ReportApi.ReviewRanking reviewRanking(@PathParam("roundId") UUID roundId,
            @QueryParam("format") @Parameter(description = "json, csv 或 xlsx") String format) {
        return reviews.ranking(roundId);
    }

    private ReportPeriod period(Integer year, Integer quarter, Integer month) {
        return ReportPeriod.of(year, quarter, month, calendar.today(clock));
    }
}
