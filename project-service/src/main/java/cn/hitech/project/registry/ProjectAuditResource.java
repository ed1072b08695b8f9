package cn.hitech.project.registry;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.messaging.AuditResourceBase;

@Path("/api/projects/audit")
@Tag(name = "审计", description = "Audit trail (ADMIN)")
public class ProjectAuditResource extends AuditResourceBase {
}
