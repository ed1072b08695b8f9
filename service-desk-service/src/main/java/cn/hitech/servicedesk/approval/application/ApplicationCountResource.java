package cn.hitech.servicedesk.approval.application;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.Roles;
import cn.hitech.platform.web.Grouping;

/** 申请分组计数: the application list's totals by thing and status, or the thing × status matrix, in one query. */
@Path("/api/approvals/applications/counts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "一件事申请", description = "一表申请、一窗受理、一次性告知补正、并联办理、会签、一次办结")
public class ApplicationCountResource {

    private static final Map<String, String> DIMENSIONS = Grouping.dimensions("thing", "a.thingCode", "status", "a.status");

    private final ApplicationService applications;

    ApplicationCountResource(ApplicationService applications) {
        this.applications = applications;
    }

    @GET
    @RolesAllowed({Roles.ENTERPRISE, Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "申请分组计数", description = "The applications the list (GET /api/approvals/applications) finds with the "
            + "same filters, counted by thing, by status, or by thing,status (one row per pair, with keys). Each count equals the "
            + "list's total for that group; groups without an application are left out. An enterprise counts its own only. An "
            + "unknown dimension is a 400 naming by; an unknown department a 400 naming it.")
    public List<Grouping.Count> counts(
            @QueryParam("by") @Parameter(description = "分组维度：thing、status，或 thing,status（矩阵）", required = true,
                    example = "thing,status") String by,
            @QueryParam("status") ApplicationStatus status,
            @QueryParam("thing") String thing, @QueryParam("creditCode") String creditCode,
            @QueryParam("department") @Parameter(description = "部门代码：有该部门待办事项的申请", example = "HEALTH") String department) {
        Grouping grouping = Grouping.parse(by, DIMENSIONS);
        return grouping.rows(applications.countBy(grouping.columns(), status, thing, creditCode, department));
    }
}
