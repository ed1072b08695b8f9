package cn.hitech.servicedesk.knowledge;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import cn.hitech.servicedesk.ticket.TicketCategory;

/** 知识库: answers for 直接答复 at intake, searchable by Chinese text; enterprises read the published ones. */
@Path("/api/tickets/knowledge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "知识库", description = "Answers hotline operators give at intake (直接答复); a self-service FAQ for enterprises")
public class KnowledgeResource {

    private final KnowledgeService service;
    private final CurrentUser user;

    KnowledgeResource(KnowledgeService service, CurrentUser user) {
        this.service = service;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "新建知识", description = "Writes an article as a draft (DRAFT); publish it to make it usable.")
    public Response create(@NotNull @Valid KnowledgeApi.ArticleInput input) {
        KnowledgeApi.ArticleView created = service.create(input);
        return Response.created(URI.create("/api/tickets/knowledge/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "查看知识", description = "An enterprise account sees published articles only. The ETag is the version "
            + "a later change names.")
    public KnowledgeApi.ArticleView get(@PathParam("id") UUID id) {
        return service.get(id, user.isEnterprise());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "修改知识", description = "Replaces the article's text; names the version read (If-Match or version), "
            + "else 428. An archived article cannot be changed (409).")
    public KnowledgeApi.ArticleView update(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid KnowledgeApi.ArticleInput input) {
        return service.update(id, ExpectedVersion.of(ifMatch, input.version()), input);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "发布知识", description = "草稿 or 已归档 → 已发布; from 已发布 it is a 409.")
    public KnowledgeApi.ArticleView publish(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            KnowledgeApi.Move move) {
        return service.publish(id, ExpectedVersion.of(ifMatch, move == null ? null : move.version()));
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "归档知识", description = "草稿 or 已发布 → 已归档; from 已归档 it is a 409.")
    public KnowledgeApi.ArticleView archive(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            KnowledgeApi.Move move) {
        return service.archive(id, ExpectedVersion.of(ifMatch, move == null ? null : move.version()));
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "检索知识", description = "Chinese text search without a word segmenter: the query is cut into character "
            + "bigrams (letters and digits into words), all of which must match, or any of them when none match all; best "
            + "match first (title weighs most, then topic and keywords, question, answer). Without q, newest first. An "
            + "enterprise account finds published articles only.")
    public PageView<KnowledgeApi.ArticleView> search(@QueryParam("q") @Size(max = 200) String q,
            @QueryParam("category") TicketCategory category,
            @QueryParam("topic") @Size(max = 50) String topic,
            @QueryParam("status") ArticleStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.search(q, category, topic, status, user.isEnterprise(), page, size);
    }
}
