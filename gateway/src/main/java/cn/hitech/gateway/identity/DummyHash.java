package cn.hitech.gateway.identity;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * What the password of a name that is no account is checked against: a bcrypt hash of a random secret. bcrypt's time
 * grows with the hash's cost, so the dummy is made at the cost most accounts use (read once at start, after the first
 * accounts are made): an unknown name then costs what a wrong password of a typical account costs. Before any account
 * exists it takes the bootstrap hash's cost, else {@link #DEFAULT_COST}. An account whose hash has another cost (a
 * bootstrap hash made with {@code htpasswd -C 12}, say) still times differently; that tells only that this one name
 * has an unusual hash, so keep the bootstrap hash at cost 10 or expect that.
 */
@ApplicationScoped
public class DummyHash {

    /** The cost of the accounts the gateway makes itself; the cost {@code BcryptUtil.bcryptHash(password)} uses. */
    public static final int DEFAULT_COST = 10;
    private static final Logger LOG = Logger.getLogger(DummyHash.class);

    private volatile String hash = BcryptUtil.bcryptHash(UUID.randomUUID().toString(), DEFAULT_COST);

    public String value() {
        return hash;
    }

    /** After {@link FirstAccounts} (which observes at the default priority), so a first administrator is counted. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent started, IdentityConfig config,
            EntityManager entityManager) {
        if (!config.localLogin()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> costs = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT split_part(password_hash, '$', 3) FROM account GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1")
                .getResultList());
        OptionalInt mostAccounts = costs.isEmpty() ? OptionalInt.empty() : cost("$2a$" + costs.get(0) + "$");
        int cost = costFor(mostAccounts, config.bootstrapAdmin().passwordHash());
        if (cost != DEFAULT_COST) {
            hash = BcryptUtil.bcryptHash(UUID.randomUUID().toString(), cost);
            LOG.infof("unknown names are checked against a bcrypt hash of cost %d, the cost most accounts use", cost);
        }
    }

    /** The cost most accounts use; else the bootstrap hash's; else the default. */
    static int costFor(OptionalInt mostAccounts, Optional<String> bootstrapHash) {
        if (mostAccounts.isPresent()) {
            return mostAccounts.getAsInt();
        }
        return bootstrapHash.map(DummyHash::cost).orElse(OptionalInt.empty()).orElse(DEFAULT_COST);
    }

    /** The cost of a bcrypt hash ({@code $2a$12$…} → 12), empty when it is none bcrypt can use (4 to 31). */
    static OptionalInt cost(String hash) {
        String[] parts = hash.trim().split("\\$");
        if (parts.length < 3 || !parts[2].matches("\\d{2}")) {
            return OptionalInt.empty();
        }
        int cost = Integer.parseInt(parts[2]);
        return cost >= 4 && cost <= 31 ? OptionalInt.of(cost) : OptionalInt.empty();
    }
}
