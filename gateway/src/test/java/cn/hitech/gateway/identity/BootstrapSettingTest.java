package cn.hitech.gateway.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;

/** The bootstrap administrator's setting: one strong password or one bcrypt hash, else the start fails. */
class BootstrapSettingTest {

    @Test
    void aStrongPasswordBecomesItsHash() {
        String hash = FirstAccounts.bootstrapHash(setting(null, "First-Admin-2026"));
        assertTrue(BcryptUtil.matches("First-Admin-2026", hash));
    }

    @Test
    void aWeakPasswordStopsTheStart() {
        assertTrue(assertThrows(IllegalStateException.class, () -> FirstAccounts.bootstrapHash(setting(null, "Admin@2026")))
                .getMessage().contains("at least 12 characters"));
        assertTrue(assertThrows(IllegalStateException.class, () -> FirstAccounts.bootstrapHash(setting(null, "only-letters-here")))
                .getMessage().contains("letters and digits"));
        assertTrue(assertThrows(IllegalStateException.class, () -> FirstAccounts.bootstrapHash(setting(null, "123456789012345")))
                .getMessage().contains("letters and digits"));
    }

    @Test
    void aBcryptHashIsTakenAsItIsAndAnythingElseStopsTheStart() {
        String hash = BcryptUtil.bcryptHash("First-Admin-2026");
        assertEquals(hash, FirstAccounts.bootstrapHash(setting(hash, null)));
        assertThrows(IllegalStateException.class, () -> FirstAccounts.bootstrapHash(setting("First-Admin-2026", null)));
        assertThrows(IllegalStateException.class, () -> FirstAccounts.bootstrapHash(setting("$2a$10$tooShort", null)));
        assertTrue(assertThrows(IllegalStateException.class, () -> FirstAccounts.bootstrapHash(setting(hash, "First-Admin-2026")))
                .getMessage().contains("set only one"));
    }

    /** A start-up error is for the operator's log: one language, English, throughout. */
    @Test
    void startErrorsAreInOneLanguage() {
        for (IdentityConfig.BootstrapAdmin bad : List.of(setting(null, "Admin@2026"), setting(null, "only-letters-here"),
                setting("First-Admin-2026", null), setting("$2a$10$x", "First-Admin-2026"))) {
            String message = assertThrows(IllegalStateException.class, () -> FirstAccounts.bootstrapHash(bad)).getMessage();
            assertTrue(message.chars().allMatch(c -> c < 0x2E80), "no CJK text in: " + message);
        }
    }

    @Test
    void passwordStrength() {
        assertEquals(Optional.empty(), PasswordStrength.weakness("abcdefghijk1"));
        assertTrue(PasswordStrength.weakness("abcdefghij1").isPresent());
        assertTrue(PasswordStrength.weakness(null).isPresent());
    }

    private static IdentityConfig.BootstrapAdmin setting(String hash, String password) {
        return new IdentityConfig.BootstrapAdmin() {
            @Override
            public String username() {
                return "admin";
            }

            @Override
            public Optional<String> passwordHash() {
                return Optional.ofNullable(hash);
            }

            @Override
            public Optional<String> password() {
                return Optional.ofNullable(password);
            }
        };
    }
}
