package cn.hitech.gateway.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/auth")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "登录", description = "Embedded login: access and refresh tokens")
public class AuthResource {

    private final Identity identity;

    AuthResource(Identity identity) {
        this.identity = identity;
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
    @Operation(summary = "登录", description = "Returns an RS256 access token (send it as 'Authorization: Bearer …') and a refresh token.")
    public Identity.Tokens login(@NotNull @Valid Login login) {
        return identity.login(login.username(), login.password());
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
}
