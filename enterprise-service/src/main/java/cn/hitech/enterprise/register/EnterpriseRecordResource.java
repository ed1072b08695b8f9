package cn.hitech.enterprise.register;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Roles;

/** An enterprise's figures per year (经营数据) and its history (变更记录). */
@Path("/api/enterprises/{creditCode}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "企业名录", description = "Enterprise register")
public class EnterpriseRecordResource {

    private final FiguresService figures;
    private final EnterpriseHistory history;
    private final CurrentUser user;

    EnterpriseRecordResource(FiguresService figures, EnterpriseHistory history, CurrentUser user) {
        this.figures = figures;
        this.history = history;
        this.user = user;
    }

    @PUT
    @Path("/figures/{year}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "填报经营数据", description = "Creates a year's figures (no version) or changes them (the version read, "
            + "If-Match or version). Amounts in 万元; rdStaff ≤ employees, highTechRevenue ≤ revenue and rdSpend ≤ revenue, else 422.")
    public EnterpriseApi.FiguresView put(@PathParam("creditCode") String creditCode, @PathParam("year") int year,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid EnterpriseApi.PutFigures request) {
        return figures.put(creditCode, year, ExpectedVersion.optional(ifMatch, request.version()), request);
    }

    @GET
    @Path("/figures")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "经营数据", description = "Every year, newest first. An enterprise account sees its own only.")
    public List<EnterpriseApi.FiguresView> figures(@PathParam("creditCode") String creditCode) {
        return figures.list(creditCode, user.enterpriseScope());
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "变更记录", description = "Who (and in which role) changed what and when, with the values before and after; "
            + "record and figures, newest first. An enterprise account sees its own only.")
    public PageView<EnterpriseApi.HistoryEntry> history(@PathParam("creditCode") String creditCode,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return history.page(creditCode, user.enterpriseScope(), page, size, EnterpriseService.seesLegalRepresentative(user));
    }
}
