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

    /** Creates the demo accounts (README) when the account table is empty. */
    @WithDefault("false")
    boolean demoAccounts();

    /** The credit code the demo enterprise account is bound to. */
    Optional<String> demoEnterpriseCreditCode();
}
