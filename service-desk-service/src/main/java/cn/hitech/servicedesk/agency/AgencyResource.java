package cn.hitech.servicedesk.agency;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.Roles;

/** What the service desk knows of the authorisations (帮办代办授权), as synchronised from enterprise events. */
@Path("/api/tickets/agency/authorisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "帮办代办", description = "企业授权服务专员或帮办员代办工单、一件事")
public class AgencyResource {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AuthorisationCopies copies;
    private final CurrentUser user;
    private final Clock clock;

    AgencyResource(AuthorisationCopies copies, CurrentUser user, Clock clock) {
        this.copies = copies;
        this.user = user;
        this.clock = clock;
    }

    @Schema(name = "AgentAuthorisation", description = "帮办代办授权（服务台本地副本）")
    public record AuthorisationView(UUID authorisationId, String creditCode, String agent,
            @Schema(description = "COMMISSIONER 服务专员 / HELPER 帮办员") String agentKind, List<String> scopes,
            @Schema(description = "限定的工单或申请编号；为空表示该企业的全部") String reference, LocalDate validFrom,
            LocalDate validUntil, boolean withdrawn,
            @Schema(description = "今日（北京时间）是否有效：未撤回且在有效期内") boolean validToday, long revision,
            int appliedEvents, Instant appliedAt) {
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "我的代办授权", description = "The authorisations that name the caller as agent, withdrawn and expired ones "
            + "too, each with whether it holds today: the enterprises the caller may act for (header X-On-Behalf-Of).")
    public List<AuthorisationView> mine() {
        return copies.of(user.name()).stream().map(this::view).toList();
    }

    @GET
    @Path("/{authorisationId}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "查看代办授权", description = "One authorisation as the service desk's copy holds it (newest revision applied).")
    public AuthorisationView get(@PathParam("authorisationId") UUID authorisationId) {
        return copies.find(authorisationId).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("agent authorisation", authorisationId));
    }

    private AuthorisationView view(AgentAuthorisation a) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        boolean validToday = !a.withdrawn && !today.isBefore(a.validFrom) && !today.isAfter(a.validUntil);
        return new AuthorisationView(a.authorisationId, a.creditCode, a.agent, a.agentKind, a.scopes, a.reference, a.validFrom,
                a.validUntil, a.withdrawn, validToday, a.revision, a.appliedEvents, a.appliedAt);
    }
}
