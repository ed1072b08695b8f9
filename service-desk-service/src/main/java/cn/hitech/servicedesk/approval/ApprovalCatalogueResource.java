package cn.hitech.servicedesk.approval;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.ActsForEnterprise;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.Roles;
import cn.hitech.servicedesk.agency.Agency;

@Path("/api/approvals/things")
@RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "一件事一次办", description = "One-thing approval catalogue, 一次告知 notice and 一表申请 form")
public class ApprovalCatalogueResource {

    private final ApprovalCatalogue catalogue;
    private final ThingViews views;
    private final OneNotice notices;
    private final OneForm forms;
    private final AnswerCheck check;
    private final CurrentUser user;
    private final Agency agency;

    ApprovalCatalogueResource(ApprovalCatalogue catalogue, ThingViews views, OneNotice notices, OneForm forms, AnswerCheck check,
            CurrentUser user, Agency agency) {
        this.catalogue = catalogue;
        this.views = views;
        this.notices = notices;
        this.forms = forms;
        this.check = check;
        this.user = user;
        this.agency = agency;
    }

    @GET
    @Operation(summary = "一件事目录", description = "Every thing at its newest version, with the items it bundles.")
    public List<ApprovalApi.ThingSummary> catalogue() {
        return catalogue.all().stream().map(views::summary).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "查看一件事", description = "The newest version, or ?version=N (the one an application started on). "
            + "The ETag is the version shown; an edit names the newest.")
    public ApprovalApi.ThingView thing(@PathParam("code") String code, @QueryParam("version") Integer version) {
        return views.view(catalogue.find(code, version));
    }

    @GET
    @Path("/{code}/versions")
    @Operation(summary = "一件事的版本", description = "Every published version, oldest first.")
    public List<ApprovalApi.VersionSummary> versions(@PathParam("code") String code) {
        return catalogue.history(code).stream()
                .map(v -> new ApprovalApi.VersionSummary(v.key.version(), v.publishedAt, v.publishedBy)).toList();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "发布一件事的新版本", description = "The whole definition. A new code needs no version (201, version 1); "
            + "an existing thing names its newest version (If-Match or body): 428 without, 409 when stale. "
            + "Rules across the definition are 422s listing every problem.")
    public Response publish(@PathParam("code") String code, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid ApprovalApi.PublishThing request) {
        Long expected = ExpectedVersion.optional(ifMatch, request.version());
        ApprovalCatalogue.Published published = catalogue.publish(ThingCodes.require(code), expected, request.definition(), user.name());
        ApprovalApi.ThingView view = views.view(published);
        return published.version() == 1
                ? Response.created(URI.create("/api/approvals/things/" + code)).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Path("/{code}/notice")
    @Operation(summary = "一次告知", description = "For the answers so far, given as query parameters (field=value, e.g. "
            + "?physicianMovesIn=true): the items that apply or may apply, every material once, the promised time and the "
            + "old way beside it, with the declared reductions.")
    public ApprovalApi.Notice notice(@PathParam("code") String code, @QueryParam("version") Integer version, @Context UriInfo uri) {
        return notices.notice(catalogue.find(code, version), answers(uri), views::departmentName);
    }

    @GET
    @Path("/{code}/form")
    @ActsForEnterprise
    @Operation(summary = "一表申请表单", description = "The merged form for the answers so far (query parameters field=value): "
            + "each field once, with type, options and required flag; prefilled from the enterprise directory for an "
            + "enterprise account, and for an agent applying on its behalf (X-On-Behalf-Of, with an authorisation for APPROVALS).")
    public ApprovalApi.Form form(@PathParam("code") String code, @QueryParam("version") Integer version, @Context UriInfo uri) {
        return forms.form(catalogue.find(code, version), answers(uri), agency.scopeForNew(Agency.APPROVALS, null, null));
    }

    @POST
    @Path("/{code}/form/check")
    @Operation(summary = "校验表单", description = "Checks answers against the form by type; 422 INVALID_ANSWERS lists every "
            + "problem by field. Changes nothing.")
    public ApprovalApi.FormChecked checkForm(@PathParam("code") String code, @NotNull @Valid ApprovalApi.FormCheck request) {
        ApprovalCatalogue.Published published = catalogue.find(code, request.version());
        ThingDefinition thing = published.definition();
        AnswerCheck.Valid valid = check.requireValid(thing, request.answers());
        Map<String, Object> shown = new LinkedHashMap<>();
        thing.fields().stream().filter(f -> valid.answers().containsKey(f.code()))
                .forEach(f -> shown.put(f.code(), AnswerCheck.display(f, valid.answers().get(f.code()))));
        return new ApprovalApi.FormChecked(true, published.version(),
                valid.applicable().stream().map(ThingDefinition.Item::code).toList(), shown);
    }

    private static Map<String, String> answers(UriInfo uri) {
        Map<String, String> answers = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!DefinitionRules.RESERVED_FIELD_CODES.contains(name) && !values.isEmpty()) {
                answers.put(name, values.get(0));
            }
        });
        return answers;
    }
}
