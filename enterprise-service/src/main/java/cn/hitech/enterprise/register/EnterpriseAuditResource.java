package cn.hitech.enterprise.register;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.messaging.AuditResourceBase;

@Path("/api/enterprises/audit")
@Tag(name = "审计", description = "Audit trail (ADMIN)")
public class EnterpriseAuditResource extends AuditResourceBase {
}
