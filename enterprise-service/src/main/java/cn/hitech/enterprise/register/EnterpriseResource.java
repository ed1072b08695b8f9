package cn.hitech.enterprise.register;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Roles;
import cn.hitech.platform.web.table.Tabular;

@Path("/api/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "企业名录", description = "Enterprise register")
public class EnterpriseResource {

    private final EnterpriseService service;
    private final EnterpriseSearch search;
    private final CurrentUser user;

    EnterpriseResource(EnterpriseService service, EnterpriseSearch search, CurrentUser user) {
        this.service = service;
        this.search = search;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "登记企业", description = "Registers an enterprise; the credit code is checked against GB 32100-2015, the "
            + "industry code against the GB/T 4754-2017 catalogue (unknown: 422), and 入区日期 is not before 成立日期.")
    public Response register(@NotNull @Valid EnterpriseApi.RegisterEnterprise request) {
        EnterpriseApi.EnterpriseView created = service.register(request);
        return Response.created(URI.create("/api/enterprises/" + created.creditCode())).entity(created).build();
    }

    @PUT
    @Path("/{creditCode}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "变更企业信息", description = "Replaces the changeable fields; names the version read (If-Match or version): "
            + "none is a 428, a stale one a 409, and both change nothing.")
    public EnterpriseApi.EnterpriseView update(@PathParam("creditCode") String creditCode,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid EnterpriseApi.UpdateEnterprise request) {
        return service.update(creditCode, ExpectedVersion.of(ifMatch, request.version()), request.details());
    }

    @GET
    @Path("/{creditCode}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "查看企业", description = "An enterprise account sees only its own record. The ETag is the version a "
            + "write names. Managers see the legal representative masked (张*).")
    public EnterpriseApi.EnterpriseView get(@PathParam("creditCode") String creditCode) {
        return service.get(creditCode, user.enterpriseScope(), EnterpriseService.seesLegalRepresentative(user));
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "企业检索", description = "q matches part of the name or a whole credit code; industry is a GB/T 4754 code "
            + "prefix (C: all manufacturing); qualification (and level) keeps enterprises holding it today; "
            + "sort=name|creditCode|registeredCapital|establishedOn|updatedAt[,desc]. An enterprise account finds itself only.")
    public PageView<EnterpriseApi.EnterpriseView> list(@QueryParam("q") String q, @QueryParam("industry") String industry,
            @QueryParam("grid") String grid, @QueryParam("commissioner") String commissioner,
            @QueryParam("qualification") String qualification, @QueryParam("level") String level,
            @QueryParam("status") EnterpriseStatus status, @QueryParam("scale") EnterpriseScale scale, @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return search.page(criteria(q, industry, grid, commissioner, qualification, level, status, scale, sort), page, size,
                EnterpriseService.seesLegalRepresentative(user));
    }

    @GET
    @Path("/export")
    @Produces({Tabular.CSV, Tabular.XLSX})
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "导出企业名录", description = "format=csv|xlsx; the columns of the bulk import (with the latest year of "
            + "figures), the filters and sort of the search, every match.")
    public Tabular export(@QueryParam("q") String q, @QueryParam("industry") String industry, @QueryParam("grid") String grid,
            @QueryParam("commissioner") String commissioner, @QueryParam("qualification") String qualification,
            @QueryParam("level") String level, @QueryParam("status") EnterpriseStatus status, @QueryParam("scale") EnterpriseScale scale,
            @QueryParam("sort") String sort) {
        return new EnterpriseTable(search.exportRows(criteria(q, industry, grid, commissioner, qualification, level, status, scale, sort)),
                EnterpriseService.seesLegalRepresentative(user));
    }

    private EnterpriseSearch.Criteria criteria(String q, String industry, String grid, String commissioner, String qualification,
            String level, EnterpriseStatus status, EnterpriseScale scale, String sort) {
        return new EnterpriseSearch.Criteria(user.enterpriseScope(), q, industry, grid, commissioner, qualification, level, status, scale,
                EnterpriseSearch.Order.parse(sort));
    }
}
