package cn.hitech.gateway.identity;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import cn.hitech.platform.web.ProblemException;

/**
 * Break-glass (应急解锁): anybody can keep a known administrator locked with a few wrong passwords every lock
 * duration, and only an administrator can unlock. So the accounts named in {@code hitech.identity.unlock-at-start} (env
 * {@code HITECH_IDENTITY_UNLOCK_AT_START}, comma-separated) are unlocked whenever the gateway starts, audited as
 * {@code ACCOUNT_UNLOCKED} by {@link LoginAudit#STARTUP}. An operator sets it, restarts (or rolls) the gateway, signs
 * in, and removes it again.
 */
@ApplicationScoped
public class StartupUnlock {

    private static final Logger LOG = Logger.getLogger(StartupUnlock.class);

    private final IdentityConfig config;
    private final Identity identity;

    StartupUnlock(IdentityConfig config, Identity identity) {
        this.config = config;
        this.identity = identity;
    }

    /** After {@link FirstAccounts} (the default priority), so an account made at this start can be named too. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent started) {
        if (config.localLogin()) {
            unlockListed();
        }
    }

    /** Unlocks each listed account; a name that is no account is reported and skipped, it does not stop the start. */
    public void unlockListed() {
        List<String> names = config.unlockAtStart().orElse(List.of()).stream().map(String::trim).filter(n -> !n.isEmpty())
                .distinct().toList();
        for (String name : names) {
            try {
                identity.unlock(name, LoginAudit.STARTUP, null);
                LOG.warnf("hitech.identity.unlock-at-start: account '%s' unlocked; remove the setting once it can sign in", name);
            } catch (ProblemException e) {
                LOG.warnf("hitech.identity.unlock-at-start names '%s', which is no account; nothing unlocked", name);
            }
        }
    }
}
