package cn.hitech.project.registry;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.Grouping;
import cn.hitech.platform.web.Roles;
import cn.hitech.project.warning.WarningColour;

/**
 * 项目分组计数: the project list's totals by stage (status), level, industry chain or department, in one query. The reports
 * count what was planned or reached in a period; this counts the projects where they stand now, as the list does.
 */
@Path("/api/projects/counts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "项目库", description = "Major project register")
public class ProjectCountResource {

    private static final Map<String, String> DIMENSIONS = Grouping.dimensions("status", "status", "level", "level",
            "industryChain", "industryChain", "department", "department");

    private final ProjectRepository projects;
    private final CurrentUser user;

    ProjectCountResource(ProjectRepository projects, CurrentUser user) {
        this.projects = projects;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "项目分组计数", description = "The projects the list (GET /api/projects) finds with the same filters, counted "
            + "by status (stage), level, industryChain or department, or by two of them (by=department,status: one row per pair, "
            + "with keys). Each count equals the list's total for that group; groups without a project are left out. An "
            + "enterprise account counts the projects it owns only. An unknown dimension is a 400 naming by.")
    public List<Grouping.Count> counts(
            @QueryParam("by") @Parameter(description = "分组维度：status（阶段）、level、industryChain、department，或以逗号分隔的两个",
                    required = true, example = "status") String by,
            @QueryParam("level") ProjectLevel level,
            @QueryParam("list") @Parameter(description = "清单，如 双百工程") String list,
            @QueryParam("industryChain") IndustryChain industryChain,
            @QueryParam("status") ProjectStatus status,
            @QueryParam("department") @Parameter(description = "责任部门") String department,
            @QueryParam("leader") @Parameter(description = "区级领导或包保责任人") String leader,
            @QueryParam("warning") @Parameter(description = "红黄绿灯") WarningColour warning,
            @QueryParam("q") @Parameter(description = "名称、地点或项目代码中的文字") String text) {
        Grouping grouping = Grouping.parse(by, DIMENSIONS);
        ProjectFilter.Query query = new ProjectFilter(level, list, industryChain, status, department, leader, warning, text, null)
                .toQuery(user.enterpriseScope());
        String columns = grouping.columns();
        TypedQuery<Object[]> counts = projects.getEntityManager().createQuery("select " + columns + ", count(*) from Project where "
                + query.where() + " group by " + columns + " order by count(*) desc, " + columns, Object[].class);
        query.parameters().forEach(counts::setParameter);
        return grouping.rows(counts.getResultList());
    }
}
