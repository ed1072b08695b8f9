package cn.hitech.gateway.identity;

import java.util.Optional;

/** The minimum a password set by configuration must meet: at least 12 characters, with letters and digits. */
public final class PasswordStrength {

    static final int MIN_LENGTH = 12;

    private PasswordStrength() {
    }

    /**
     * Why the password is too weak, or empty when it is strong enough. In English: it explains a start-up failure to the
     * operator, in the one language of the gateway's start-up messages.
     */
    public static Optional<String> weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("at least " + MIN_LENGTH + " characters are required");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            return Optional.of("it needs both letters and digits");
        }
        return Optional.empty();
    }
}
