package cn.hitech.gateway.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import cn.hitech.platform.web.Roles;

/** One demo account per role (passwords in the README), created in an empty account table when enabled. */
@ApplicationScoped
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);

    void create(@Observes StartupEvent started, IdentityConfig config, Identity identity, EntityManager entityManager) {
        if (!config.demoAccounts() || !config.localLogin()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            long existing = entityManager.createQuery("select count(a) from Account a", Long.class).getSingleResult();
            if (existing > 0) {
                return;
            }
            identity.createAccount("admin", "Admin@2026", Roles.ADMIN, "信息中心", null, "平台管理员");
            identity.createAccount("manager", "Manager@2026", Roles.MANAGER, "营商环境办", null, "区领导（演示）");
            identity.createAccount("staff", "Staff@2026", Roles.STAFF, "投资促进局", null, "项目专员（演示）");
            identity.createAccount("hotline", "Hotline@2026", Roles.STAFF, "8951234热线", null, "热线受理员（演示）");
            config.demoEnterpriseCreditCode().ifPresent(code ->
                    identity.createAccount("enterprise", "Enterprise@2026", Roles.ENTERPRISE, null, code, "山推股份（演示企业）"));
            LOG.info("demo accounts created: admin, manager, staff, hotline, enterprise (passwords in README.md)");
        });
    }
}
