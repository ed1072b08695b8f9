package cn.hitech.gateway.identity;

import java.util.Optional;

/** The minimum a password set by configuration must meet: at least 12 characters, with letters and digits. */
public final class PasswordStrength {

    static final int MIN_LENGTH = 12;

    private PasswordStrength() {
    }

    /** Why the password is too weak, or empty when it is strong enough. */
    public static Optional<String> weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("密码至少需要 " + MIN_LENGTH + " 个字符");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            return Optional.of("密码必须同时包含字母和数字");
        }
        return Optional.empty();
    }
}
