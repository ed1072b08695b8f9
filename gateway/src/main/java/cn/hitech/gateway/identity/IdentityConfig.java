package cn.hitech.gateway.identity;

import java.time.Duration;
import java.util.List;
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

    /**
     * Creates the demo accounts (README) when the account table is empty. Off unless the local run or a test turns it on;
     * refused at start in production mode ({@code hitech.mode}, the default).
     */
    @WithDefault("false")
    boolean demoAccounts();

    /** The credit code the demo enterprise account is bound to. */
    Optional<String> demoEnterpriseCreditCode();

    /** The first administrator of a production start, created once in an empty account table. */
    BootstrapAdmin bootstrapAdmin();

    /** 登录失败处理: how many failed sign-ins lock a username, and for how long. */
    Lockout lockout();

    /**
     * Break-glass (env {@code HITECH_IDENTITY_UNLOCK_AT_START}, comma-separated usernames): these accounts' lock-outs are
     * lifted when the gateway starts, audited as done by {@code startup}. For an administrator that guessers keep locked;
     * remove it once the account is in use again.
     */
    Optional<List<String>> unlockAtStart();

    /**
     * How often {@link IdentityPurge} runs: an interval such as {@code 1h}, or {@code off}. Scheduled from this value
     * (not by {@code @Scheduled}, which would read the raw property beside this mapping).
     */
    String purgeEvery();

    /** How long an expired or revoked refresh token is kept before the purge deletes it. */
    Duration refreshTokenRetention();

    /** How long {@code login_audit} keeps an entry (等保 2.0 asks for at least 6 months of logs). */
    Duration auditRetention();

    interface BootstrapAdmin {

        @WithDefault("admin")
        String username();

        /** A bcrypt hash ({@code $2a$…} or {@code $2y$…}); preferred, since the password then never reaches the server. */
        Optional<String> passwordHash();

        /** A plain password (env {@code HITECH_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD}); it must pass {@link PasswordStrength}. */
        Optional<String> password();
    }

    interface Lockout {

        /**
         * Failed sign-ins in a row, each within {@link #duration()} of the one before, that lock the username, an account
         * or not (the last of them answers 423).
         */
        @WithDefault("5")
        int maxFailures();

        /** How long the username stays locked; an administrator can unlock an account earlier. */
        @WithDefault("15m")
        Duration duration();
    }
}
