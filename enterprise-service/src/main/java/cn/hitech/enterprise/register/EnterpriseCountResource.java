package cn.hitech.enterprise.register;

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

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.Grouping;
import cn.hitech.platform.web.Roles;

/** 企业分组计数: the search's totals by industry section (门类), scale, status, grid or commissioner, in one query. */
@Path("/api/enterprises/counts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "企业名录", description = "Enterprise register")
public class EnterpriseCountResource {

    /** industry: the GB/T 4754 门类, the letter the search's industry prefix takes for a whole section. */
    private static final Map<String, String> DIMENSIONS = Grouping.dimensions("industry", "left(e.industry_code, 1)",
            "scale", "e.scale", "status", "e.status", "grid", "e.grid", "commissioner", "e.commissioner");

    private final EnterpriseSearch search;
    private final CurrentUser user;

    EnterpriseCountResource(EnterpriseSearch search, CurrentUser user) {
        this.search = search;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "企业分组计数", description = "The enterprises the search (GET /api/enterprises) finds with the same filters, "
            + "counted by industry (GB/T 4754 门类: the code's letter, as industry=C searches), scale, status, grid or "
            + "commissioner, or by two of them (by=industry,scale: one row per pair, with keys). Each count equals the search's "
            + "total for that group; groups without an enterprise are left out, one without a value has no key. An enterprise "
            + "account counts itself only. An unknown dimension is a 400 naming by.")
    public List<Grouping.Count> counts(
            @QueryParam("by") @Parameter(description = "分组维度：industry（门类）、scale、status、grid、commissioner，或以逗号分隔的两个",
                    required = true, example = "industry") String by,
            @QueryParam("q") String q, @QueryParam("industry") String industry,
            @QueryParam("grid") String grid, @QueryParam("commissioner") String commissioner,
            @QueryParam("qualification") String qualification, @QueryParam("level") String level,
            @QueryParam("status") EnterpriseStatus status, @QueryParam("scale") EnterpriseScale scale) {
        Grouping grouping = Grouping.parse(by, DIMENSIONS);
        EnterpriseSearch.Criteria criteria = new EnterpriseSearch.Criteria(user.enterpriseScope(), q, industry, grid, commissioner,
                qualification, level, status, scale, EnterpriseSearch.Order.parse(null));
        return grouping.rows(search.countBy(criteria, grouping.columns()));
    }
}
