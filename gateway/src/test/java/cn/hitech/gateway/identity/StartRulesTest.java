package cn.hitech.gateway.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import cn.hitech.platform.web.RunMode;

/** Decisions the gateway takes once at start: may the demo accounts exist, and what an unknown name's hash costs. */
class StartRulesTest {

    /** Before, hitech.mode was not looked at: a production start with demo accounts on created admin/Admin@2026. */
    @Test
    void demoAccountsAreRefusedInProductionModeOnly() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> FirstAccounts.requireDemoAccountsAllowed(true, RunMode.PRODUCTION));
        assertTrue(refused.getMessage().contains("HITECH_IDENTITY_DEMO_ACCOUNTS"), refused.getMessage());
        assertTrue(refused.getMessage().contains("HITECH_MODE"), refused.getMessage());
        assertDoesNotThrow(() -> FirstAccounts.requireDemoAccountsAllowed(true, RunMode.DEMO));
        assertDoesNotThrow(() -> FirstAccounts.requireDemoAccountsAllowed(true, RunMode.ACCEPTANCE));
        assertDoesNotThrow(() -> FirstAccounts.requireDemoAccountsAllowed(false, RunMode.PRODUCTION));
    }

    /** Before, the dummy hash was always cost 10, whatever the accounts' hashes cost. */
    @Test
    void theDummyHashTakesTheCostMostAccountsUseElseTheBootstrapHashsElseTen() {
        Optional<String> cost12 = Optional.of("$2y$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234");
        assertEquals(11, DummyHash.costFor(OptionalInt.of(11), cost12));
        assertEquals(12, DummyHash.costFor(OptionalInt.empty(), cost12));
        assertEquals(DummyHash.DEFAULT_COST, DummyHash.costFor(OptionalInt.empty(), Optional.empty()));
        assertEquals(DummyHash.DEFAULT_COST, DummyHash.costFor(OptionalInt.empty(), Optional.of("not a hash")));
        assertEquals(OptionalInt.of(4), DummyHash.cost("$2a$04$x"));
        assertEquals(OptionalInt.empty(), DummyHash.cost("$2a$99$x"));
        assertEquals(OptionalInt.empty(), DummyHash.cost("plain"));
    }
}
