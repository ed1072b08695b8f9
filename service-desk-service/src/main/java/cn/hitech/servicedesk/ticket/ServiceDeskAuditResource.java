package cn.hitech.servicedesk.ticket;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.messaging.AuditResourceBase;

@Path("/api/tickets/audit")
@Tag(name = "审计", description = "Audit trail (ADMIN)")
public class ServiceDeskAuditResource extends AuditResourceBase {
}
