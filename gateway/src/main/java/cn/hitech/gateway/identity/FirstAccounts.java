package cn.hitech.gateway.identity;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import cn.hitech.platform.web.Roles;
import cn.hitech.platform.web.RunMode;

/**
 * The accounts an empty account table starts with. The local run and the tests get one demo account per role
 * (passwords in the README; {@code hitech.identity.demo-accounts}, off by default, and refused in production mode). A
 * production start gets its first administrator from a one-time bootstrap setting, a bcrypt hash or a strong password,
 * never a default; without one it warns that nobody can sign in. Once any account exists, nothing here runs again.
 */
@ApplicationScoped
public class FirstAccounts {

    /** "hitech" in ASCII and 02: held while the table is counted and filled, so that replicas starting together make one set. */
    public static final long FIRST_ACCOUNTS_LOCK = 0x68697465636802L;
    private static final Logger LOG = Logger.getLogger(FirstAccounts.class);
    /** The variants Elytron's bcrypt reads ({@code htpasswd -B} writes $2y$). */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[axy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final String HOW_TO = "set HITECH_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD_HASH (a bcrypt hash, e.g. from "
            + "htpasswd -bnBC 10 '' '<password>' | tr -d ':\\n') or HITECH_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD (at least "
            + PasswordStrength.MIN_LENGTH + " characters with letters and digits) and restart";

    private final IdentityConfig config;
    private final RunMode mode;
    private final Identity identity;
    private final LoginAudit audit;
    private final EntityManager entityManager;

    FirstAccounts(IdentityConfig config, @ConfigProperty(name = "hitech.mode", defaultValue = "production") RunMode mode,
            Identity identity, LoginAudit audit, EntityManager entityManager) {
        this.config = config;
        this.mode = mode;
        this.identity = identity;
        this.audit = audit;
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent started) {
        requireDemoAccountsAllowed(config.demoAccounts(), mode);
        if (config.localLogin()) {
            ensureFirstAccounts();
        }
    }

    /**
     * Fills an empty account table, under a transaction-level advisory lock: two replicas starting on an empty database
     * would otherwise both count no account and both insert the first administrator (one then dies on the unique
     * username). The second one waits, counts the first one's accounts and leaves them.
     */
    public void ensureFirstAccounts() {
        IdentityConfig.BootstrapAdmin bootstrap = config.bootstrapAdmin();
        boolean bootstrapSet = bootstrap.password().isPresent() || bootstrap.passwordHash().isPresent();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("SELECT true FROM pg_advisory_xact_lock(?1)").setParameter(1, FIRST_ACCOUNTS_LOCK)
                    .getSingleResult();
            long existing = entityManager.createQuery("select count(a) from Account a", Long.class).getSingleResult();
            if (existing > 0) {
                if (bootstrapSet) {
                    LOG.infof("hitech.identity.bootstrap-admin.* is set but %d accounts exist, so it was ignored; remove it", existing);
                }
                return;
            }
            if (config.demoAccounts()) {
                createDemoAccounts(config, identity);
                if (bootstrapSet) {
                    LOG.warn("hitech.identity.bootstrap-admin.* was ignored: demo accounts were created instead");
                }
            } else if (bootstrapSet) {
                String username = bootstrap.username();
                identity.createAccountWithHash(username, bootstrapHash(bootstrap), Roles.ADMIN, "信息中心", null, "平台管理员");
                audit.record(username, LoginAudit.Event.ACCOUNT_CREATED, LoginAudit.SYSTEM, null, "bootstrap administrator");
                LOG.infof("bootstrap administrator '%s' created in the empty account table; remove the bootstrap setting now", username);
            } else {
                LOG.warnf("the account table is empty and no bootstrap administrator is configured: nobody can sign in. "
                        + "To create the first ADMIN, %s", HOW_TO);
            }
        });
    }

    /**
     * The demo accounts have published passwords ({@code admin/Admin@2026}): a start in production mode (the default)
     * with them switched on stops at once, whatever the account table holds.
     */
    static void requireDemoAccountsAllowed(boolean demoAccounts, RunMode mode) {
        if (demoAccounts && mode == RunMode.PRODUCTION) {
            throw new IllegalStateException("hitech.identity.demo-accounts (HITECH_IDENTITY_DEMO_ACCOUNTS) is true, but hitech.mode"
                    + " (HITECH_MODE) is production: a production deployment never has the demo accounts, whose passwords are"
                    + " published; unset HITECH_IDENTITY_DEMO_ACCOUNTS, or set HITECH_MODE=demo or acceptance for a demo or test run");
        }
    }

    private static void createDemoAccounts(IdentityConfig config, Identity identity) {
        identity.createAccount("admin", "Admin@2026", Roles.ADMIN, "信息中心", null, "平台管理员");
        identity.createAccount("manager", "Manager@2026", Roles.MANAGER, "营商环境办", null, "区领导（演示）");
        identity.createAccount("staff", "Staff@2026", Roles.STAFF, "投资促进局", null, "项目专员（演示）");
        identity.createAccount("hotline", "Hotline@2026", Roles.STAFF, "8951234热线", null, "热线受理员（演示）");
        config.demoEnterpriseCreditCode().ifPresent(code ->
                identity.createAccount("enterprise", "Enterprise@2026", Roles.ENTERPRISE, null, code, "山推股份（演示企业）"));
        LOG.info("demo accounts created: admin, manager, staff, hotline, enterprise (passwords in README.md)");
    }

    /** The hash to store; a setting that is ambiguous, malformed or weak stops the start, it is never worked around. */
    static String bootstrapHash(IdentityConfig.BootstrapAdmin bootstrap) {
        Optional<String> hash = bootstrap.passwordHash().map(String::trim);
        Optional<String> password = bootstrap.password();
        if (hash.isPresent() && password.isPresent()) {
            throw new IllegalStateException("Both hitech.identity.bootstrap-admin.password-hash and .password are set; set only one");
        }
        if (hash.isPresent()) {
            if (!BCRYPT.matcher(hash.get()).matches() || !readable(hash.get())) {
                throw new IllegalStateException("hitech.identity.bootstrap-admin.password-hash is not a bcrypt hash ($2a$… or $2y$…); " + HOW_TO);
            }
            return hash.get();
        }
        String plain = password.orElseThrow();
        PasswordStrength.weakness(plain).ifPresent(why -> {
            throw new IllegalStateException("hitech.identity.bootstrap-admin.password is too weak (" + why + "); " + HOW_TO);
        });
        return BcryptUtil.bcryptHash(plain);
    }

    private static boolean readable(String hash) {
        try {
            BcryptUtil.matches("", hash);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
