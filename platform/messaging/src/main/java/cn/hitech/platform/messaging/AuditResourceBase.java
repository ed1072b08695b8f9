package cn.hitech.platform.messaging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Roles;

/**
 * {@code GET <service prefix>/audit}: a service's audit trail, for administrators. A service exposes it with a
 * subclass that carries its path, e.g. {@code @Path("/api/projects/audit")}.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class AuditResourceBase {

    @jakarta.inject.Inject
    Audit audit;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "审计日志", description = "Every change of this service, newest first; filter by entity type and id.")
    public PageView<Audit.Entry> list(@QueryParam("entityType") @Size(max = 50) String entityType,
            @QueryParam("entityId") @Size(max = 100) String entityId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return audit.list(entityType, entityId, page, size);
    }
}
