package cn.hitech.gateway.identity;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The embedded login ({@code hitech.identity.*}). */
@ConfigMapping(prefix = "hitech.identity")
public interface IdentityConfig {

    /** Off when an external OIDC provider (e.g. Keycloak) issues the tokens: login, refresh and logout then answer 404. */
    @WithDefault("true")
    boolean localLogin();

    String issuer();

    Duration accessTokenLifetime();

    Duration refreshTokenLifetime();

    /** Creates the demo accounts (README) when the account table is empty. Off unless the local run or a test turns it on. */
    @WithDefault("false")
    boolean demoAccounts();

    /** The credit code the demo enterprise account is bound to. */
    Optional<String> demoEnterpriseCreditCode();

    /** The first administrator of a production start, created once in an empty account table. */
    BootstrapAdmin bootstrapAdmin();

    /** 登录失败处理: how many failed sign-ins lock an account, and for how long. */
    Lockout lockout();

    /** Deleting refresh tokens that can no longer be used. */
    RefreshTokenPurge refreshTokenPurge();

    interface BootstrapAdmin {

        @WithDefault("admin")
        String username();

        /** A bcrypt hash ({@code $2a$…} or {@code $2y$…}); preferred, since the password then never reaches the server. */
        Optional<String> passwordHash();

        /** A plain password (env {@code HITECH_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD}); it must pass {@link PasswordStrength}. */
        Optional<String> password();
    }

    interface Lockout {

        /** Consecutive failed sign-ins that lock the account (the last of them answers 423). */
        @WithDefault("5")
        int maxFailures();

        /** How long the account stays locked; an administrator can unlock it earlier. */
        @WithDefault("15m")
        Duration duration();
    }

    interface RefreshTokenPurge {

        /** How often the purge runs ({@code off} disables it); read by the scheduler. */
        @WithDefault("1h")
        String every();

        /** How long an expired or revoked token is kept before it is deleted. */
        @WithDefault("0s")
        Duration retention();
    }
}
