package cn.hitech.servicedesk.directory;

import java.time.Instant;

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

@Path("/api/tickets/enterprise-directory")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "工单", description = "8951234 hotline tickets")
public class DirectoryResource {

    private final EnterpriseDirectory directory;

    DirectoryResource(EnterpriseDirectory directory) {
        this.directory = directory;
    }

    @Schema(name = "DirectoryEntry", description = "服务台本地企业目录条目（由企业事件同步）")
    public record EntryView(String creditCode, String name, String industry, String grid,
            @Schema(description = "服务专员") String commissioner, long revision, int appliedEvents, Instant changedAt,
            Instant appliedAt) {
    }

    @GET
    @Path("/{creditCode}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "查看本地企业目录", description = "What the service desk knows of an enterprise, as synchronised from enterprise events.")
    public EntryView get(@PathParam("creditCode") String creditCode) {
        return directory.find(creditCode)
                .map(e -> new EntryView(e.creditCode, e.name, e.industry, e.grid, e.commissioner, e.revision, e.appliedEvents,
                        e.changedAt, e.appliedAt))
                .orElseThrow(() -> ProblemException.notFound("directory entry", creditCode));
    }
}
