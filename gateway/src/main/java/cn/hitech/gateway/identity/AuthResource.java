package cn.hitech.gateway.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Roles;

@Path("/api/auth")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "登录", description = "Embedded login: access and refresh tokens")
public class AuthResource {

    private final Identity identity;
    private final LoginAudit audit;
    private final CurrentUser user;

    AuthResource(Identity identity, LoginAudit audit, CurrentUser user) {
        this.identity = identity;
        this.audit = audit;
        this.user = user;
    }

    @Schema(name = "Login")
    public record Login(@NotBlank @Size(max = 64) @Schema(example = "staff") String username,
            @NotBlank @Size(max = 128) @Schema(example = "Staff@2026") String password) {
    }

    @Schema(name = "RefreshRequest")
    public record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
    }

    @POST
    @Path("/login")
    @Operation(summary = "登录", description = "Returns an RS256 access token (send it as 'Authorization: Bearer …') and a refresh"
            + " token. After hitech.identity.lockout.max-failures (5) failures in a row the name is locked for"
            + " hitech.identity.lockout.duration (15 min): 423 ACCOUNT_LOCKED with until when and Retry-After.")
    public Identity.Tokens login(@NotNull @Valid Login login, @Context HttpServerRequest request) {
        return identity.login(login.username(), login.password(), clientAddress(request));
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "刷新令牌", description = "Exchanges a refresh token for new tokens; the old refresh token stops working.")
    public Identity.Tokens refresh(@NotNull @Valid RefreshRequest request) {
        return identity.refresh(request.refreshToken());
    }

    @POST
    @Path("/logout")
    @Operation(summary = "退出登录", description = "Revokes the refresh token; the access token expires by itself within minutes.")
    public Response logout(@NotNull @Valid RefreshRequest request) {
        identity.logout(request.refreshToken());
        return Response.noContent().build();
    }

    @POST
    @Path("/accounts/{username}/unlock")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "解锁账号", description = "Lifts a lock-out after failed sign-ins at once and resets the failure count.")
    public Response unlock(@PathParam("username") @Size(max = 64) String username, @Context HttpServerRequest request) {
        identity.unlock(username, user.name(), clientAddress(request));
        return Response.noContent().build();
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "登录审计", description = "Sign-ins, failures, lock-outs and unlocks, newest first; filter by username.")
    public PageView<LoginAudit.Entry> audit(@QueryParam("username") @Size(max = 64) String username,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return audit.list(username, page, size);
    }

    /** The peer's address; a forwarded one only where quarkus.http.proxy.proxy-address-forwarding is on (trusted proxy). */
    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
