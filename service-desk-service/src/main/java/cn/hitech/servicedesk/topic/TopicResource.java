package cn.hitech.servicedesk.topic;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.Roles;

@Path("/api/tickets/topics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "诉求分类", description = "The 3-level topic catalogue a ticket is classified by (一级 / 二级 / 三级)")
public class TopicResource {

    private final TopicCatalogue catalogue;
    private final TopicService service;

    TopicResource(TopicCatalogue catalogue, TopicService service) {
        this.catalogue = catalogue;
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "诉求分类目录", description = "The catalogue as a tree of level-1 topics, their level-2 children and level-3 "
            + "leaves, siblings in order. A ticket names a leaf (topicCode). Only the topics new tickets can choose, unless "
            + "all=true (switched-off ones too, each with active=false).")
    public List<TopicApi.Node> tree(@QueryParam("all") @DefaultValue("false") @Parameter(description = "含已停用的分类") boolean all) {
        return catalogue.tree(all);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "查看诉求分类", description = "One topic with its path and children; its ETag is the version a change names.")
    public TopicApi.TopicView get(@PathParam("code") String code) {
        return service.get(code);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "新增诉求分类", description = "A new code (upper snake case, kept for ever) and a zh-CN label not used by a "
            + "sibling; a level-1 topic has no parent, a level-2 or level-3 topic names its parent one level up (422 "
            + "TOPIC_TOO_DEEP below a leaf).")
    public Response add(@NotNull @Valid TopicApi.AddTopic request) {
        TopicApi.TopicView created = service.add(request);
        return Response.created(URI.create("/api/tickets/topics/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "修改诉求分类", description = "Renames (label), moves under another parent of the level above (parent), "
            + "switches off or on (active=false: the topic and its subtree take no new tickets; tickets that name it keep it) "
            + "or reorders (sortOrder). Names the version read (If-Match or body).")
    public TopicApi.TopicView change(@PathParam("code") String code, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid TopicApi.ChangeTopic request) {
        return service.change(code, ExpectedVersion.of(ifMatch, request.version()), request);
    }
}
