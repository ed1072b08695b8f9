package cn.hitech.gateway;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Identity as a production start has it: no demo accounts, a first administrator from the bootstrap setting. The rate
 * limiter is off so that the lock-out alone answers a guesser.
 */
public class ProductionIdentity implements QuarkusTestProfile {

    static final String BOOTSTRAP_PASSWORD = "First-Admin-2026";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("hitech.identity.demo-accounts", "false",
                "hitech.identity.bootstrap-admin.password", BOOTSTRAP_PASSWORD,
                "gateway.rate-limit.enabled", "false");
    }
}
