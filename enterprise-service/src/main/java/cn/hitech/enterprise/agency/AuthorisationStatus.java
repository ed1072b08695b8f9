package cn.hitech.enterprise.agency;

import java.time.LocalDate;

/**
 * Where an authorisation stands on a day. Only the withdrawal is stored; the rest follows from the dates, so expiry
 * needs no job and no event.
 */
public enum AuthorisationStatus {
    /** 未生效: before its first day. */
    PENDING("未生效", "a.withdrawnAt IS NULL AND a.validFrom > :today"),
    /** 有效. */
    ACTIVE("有效", "a.withdrawnAt IS NULL AND a.validFrom <= :today AND a.validUntil >= :today"),
    /** 已过期: after its last day. */
    EXPIRED("已过期", "a.withdrawnAt IS NULL AND a.validUntil < :today"),
    /** 已撤回. */
    WITHDRAWN("已撤回", "a.withdrawnAt IS NOT NULL");

    private final String label;
    /** The same rule as {@link #of}, as a JPQL condition on alias {@code a} with parameter {@code :today}. */
    final String condition;

    AuthorisationStatus(String label, String condition) {
        this.label = label;
        this.condition = condition;
    }

    public String label() {
        return label;
    }

    static AuthorisationStatus of(boolean withdrawn, LocalDate from, LocalDate until, LocalDate day) {
        if (withdrawn) {
            return WITHDRAWN;
        }
        if (day.isBefore(from)) {
            return PENDING;
        }
        return day.isAfter(until) ? EXPIRED : ACTIVE;
    }

    boolean usesToday() {
        return this != WITHDRAWN;
    }
}
