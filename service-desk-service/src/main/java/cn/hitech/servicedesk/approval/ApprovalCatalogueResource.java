package cn.hitech.servicedesk.approval;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.Roles;

@Path("/api/approvals/things")
@RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "一件事一次办", description = "One-thing approval catalogue")
public class ApprovalCatalogueResource {

    private final ApprovalCatalogue catalogue;

    ApprovalCatalogueResource(ApprovalCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Schema(name = "ApprovalThing", description = "一件事及其包含的审批事项")
    public record ThingView(String code, String name, String description, List<ItemView> items) {

        static ThingView of(ApprovalThing thing) {
            return new ThingView(thing.code, thing.name, thing.description,
                    thing.items.stream().map(i -> new ItemView(i.key.code(), i.name, i.department)).toList());
        }
    }

    @Schema(name = "ApprovalItem", description = "审批事项")
    public record ItemView(String code, String name, String department) {
    }

    @GET
    @Operation(summary = "一件事目录", description = "Every thing of the catalogue with the approval items it bundles.")
    public List<ThingView> catalogue() {
        return catalogue.all().stream().map(ThingView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "查看一件事")
    public ThingView thing(@PathParam("code") String code) {
        return catalogue.find(code).map(ThingView::of).orElseThrow(() -> ProblemException.notFound("one-thing", code));
    }
}
