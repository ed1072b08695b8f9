package cn.hitech.servicedesk.approval.application;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.ActsForEnterprise;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.Roles;
import cn.hitech.platform.web.table.Tabular;

/**
 * 一件事申请: submission, 预审, item moves. Every write names the application's version (If-Match or body
 * {@code version}; 428 without, 409 when stale) — item moves too, because an item move changes the application (see
 * {@link ApplicationStore}). A move the current status does not allow is a 409 {@code TRANSITION_NOT_ALLOWED}.
 */
@Path("/api/approvals/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "一件事申请", description = "一表申请、一窗受理、一次性告知补正、并联办理、会签、一次办结")
public class ApplicationResource {

    private final ApplicationService applications;
    private final ItemMoves items;

    ApplicationResource(ApplicationService applications, ItemMoves items) {
        this.applications = applications;
        this.items = items;
    }

    @POST
    @ActsForEnterprise
    @RolesAllowed({Roles.ENTERPRISE, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "一表申请", description = "One merged form for a thing at its newest version: every bad answer in one 422 "
            + "INVALID_ANSWERS (nothing stored); otherwise one application number, status SUBMITTED. An enterprise applies for "
            + "itself; the window clerk names applicantCreditCode. inPerson (default: false online, true at the window) counts a visit. "
            + "An agent with X-On-Behalf-Of (代办) applies as that enterprise, online by default, under an authorisation for "
            + "APPROVALS not narrowed to one application (403 NOT_AUTHORISED_AGENT; another applicantCreditCode: 422 "
            + "ON_BEHALF_MISMATCH).")
    public Response submit(@NotNull @Valid ApplicationApi.Submit request) {
        ApplicationApi.ApplicationView created = applications.submit(request);
        return Response.created(URI.create("/api/approvals/applications/" + created.id())).entity(created).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Tabular.CSV, Tabular.XLSX})
    @RolesAllowed({Roles.ENTERPRISE, Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "申请列表", description = "Newest first, paged; an enterprise sees its own only. Optionally by status, "
            + "thing, creditCode (staff) and department (待办: applications with an item of that department not yet approved or "
            + "refused; an unknown code is a 400). With format=csv|xlsx (or that Accept) every match leaves as a table (page and "
            + "size do not apply); more than 50000 is a 422 EXPORT_TOO_LARGE.")
    public Response list(@QueryParam("status") ApplicationStatus status,
            @QueryParam("thing") String thing, @QueryParam("creditCode") String creditCode,
            @QueryParam("department") @Parameter(description = "部门代码：有该部门待办事项的申请", example = "HEALTH") String department,
            @QueryParam("format") @Parameter(description = "json（默认）、csv 或 xlsx：导出全部符合条件的申请") String format,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size,
            @Context HttpHeaders headers) {
        MediaType type = Tabular.wanted(headers);
        if (type.equals(MediaType.APPLICATION_JSON_TYPE)) {
            return Response.ok(applications.list(status, thing, creditCode, department, page, size), type).build();
        }
        return Response.ok(applications.export(status, thing, creditCode, department), type).build();
    }


    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ENTERPRISE, Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "查看申请", description = "Status, version (ETag), items with their steps, deadlines and SLA colour, what is "
            + "asked of the applicant, certificates and the result notice. An enterprise sees its own only (404 otherwise), "
            + "without the departments' internal notes.")
    public ApplicationApi.ApplicationView get(@PathParam("id") UUID id) {
        return applications.get(id);
    }

    @GET
    @Path("/{id}/moves")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "办理记录", description = "Every move of the application and its items, in order, with step start/end "
            + "instants, visits and the materials asked and supplied; a move an agent made for the applicant (代办) names the "
            + "agent as actor and the enterprise in onBehalfOf.")
    public List<ApplicationApi.MoveView> moves(@PathParam("id") UUID id) {
        return applications.moves(id);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "受理（预审通过）", description = "SUBMITTED → IN_PROGRESS: every applicable item becomes a task of its "
            + "department, all at once, each due when office hours close on its promised working day, counted from the next "
            + "working day.")
    public ApplicationApi.ApplicationView accept(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid ApplicationApi.Accept request) {
        return applications.accept(id, ExpectedVersion.of(ifMatch, request.version()), request.note());
    }

    @POST
    @Path("/{id}/request-correction")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "一次性告知补正", description = "SUBMITTED → CORRECTION_REQUESTED, asking once for every missing material "
            + "(codes of the application's one set; a material a valid certificate proves cannot be asked: 422). Once per "
            + "application: a second request is a 409.")
    public ApplicationApi.ApplicationView requestCorrection(@PathParam("id") UUID id,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid ApplicationApi.RequestCorrection request) {
        return applications.requestCorrection(id, ExpectedVersion.of(ifMatch, request.version()), request.materials(),
                request.note());
    }

    @POST
    @Path("/{id}/supply")
    @ActsForEnterprise
    @RolesAllowed({Roles.ENTERPRISE, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "补正材料", description = "CORRECTION_REQUESTED → SUBMITTED: every material asked for (422 naming those "
            + "missing), optionally corrected answers (merged and checked again). inPerson counts a visit. An agent with "
            + "X-On-Behalf-Of supplies as that enterprise (its own applications only), under an authorisation for APPROVALS.")
    public ApplicationApi.ApplicationView supply(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid ApplicationApi.Supply request) {
        return applications.supply(id, ExpectedVersion.of(ifMatch, request.version()), request);
    }

    @POST
    @Path("/{id}/items/{itemCode}/approve")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "事项审批通过", description = "Completes the item's current step (409 COUNTERSIGN_PENDING while a countersigned "
            + "step waits for sign-offs); the last step approves the item and issues its certificate into the licence library. "
            + "Names the application's version.")
    public ApplicationApi.ApplicationView approve(@PathParam("id") UUID id, @PathParam("itemCode") String itemCode,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid ApplicationApi.Approve request) {
        return items.approve(id, itemCode, ExpectedVersion.of(ifMatch, request.version()), request);
    }

    @POST
    @Path("/{id}/items/{itemCode}/sign-off")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "会签", description = "One countersigning department of the current step signs; the step completes when "
            + "every named department has signed.")
    public ApplicationApi.ApplicationView signOff(@PathParam("id") UUID id, @PathParam("itemCode") String itemCode,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid ApplicationApi.SignOff request) {
        return items.signOff(id, itemCode, ExpectedVersion.of(ifMatch, request.version()), request);
    }

    @POST
    @Path("/{id}/items/{itemCode}/refuse")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "不予许可", description = "Ends the item REFUSED with the reason the applicant is told.")
    public ApplicationApi.ApplicationView refuse(@PathParam("id") UUID id, @PathParam("itemCode") String itemCode,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid ApplicationApi.Refuse request) {
        return items.refuse(id, itemCode, ExpectedVersion.of(ifMatch, request.version()), request);
    }

    @POST
    @Path("/{id}/items/{itemCode}/request-correction")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "事项补正", description = "IN_PROGRESS → CORRECTION: asks for some of the item's materials; this item's clock "
            + "stops until the supply, the other items run on.")
    public ApplicationApi.ApplicationView requestItemCorrection(@PathParam("id") UUID id, @PathParam("itemCode") String itemCode,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid ApplicationApi.ItemCorrection request) {
        return items.requestCorrection(id, itemCode, ExpectedVersion.of(ifMatch, request.version()), request);
    }

    @POST
    @Path("/{id}/items/{itemCode}/supply")
    @ActsForEnterprise
    @RolesAllowed({Roles.ENTERPRISE, Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "事项补正材料", description = "CORRECTION → IN_PROGRESS with every material asked for; the item's deadline "
            + "moves on by the working time it stood paused. An agent with X-On-Behalf-Of supplies as that enterprise, under an "
            + "authorisation for APPROVALS.")
    public ApplicationApi.ApplicationView supplyItem(@PathParam("id") UUID id, @PathParam("itemCode") String itemCode,
            @HeaderParam(ExpectedVersion.HEADER) String ifMatch, @NotNull @Valid ApplicationApi.ItemSupply request) {
        return items.supply(id, itemCode, ExpectedVersion.of(ifMatch, request.version()), request);
    }
}
