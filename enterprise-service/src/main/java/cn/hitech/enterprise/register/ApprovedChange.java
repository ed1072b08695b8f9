package cn.hitech.enterprise.register;

import java.util.Optional;

/**
 * What a completed 一件事 (企业信息变更 / 企业迁移) says the register should now hold: name, address, legal
 * representative (法定代表人). A part that is null or blank stays as it is.
 */
public record ApprovedChange(String name, String address, String legalRepresentative) {

    /** The audit action of a change that was not applied (its {@code result} says why). */
    public static final String IGNORED = "approval-change-ignored";

    public enum Result {
        UPDATED, UNCHANGED, UNKNOWN_ENTERPRISE, INVALID
    }

    /** The register's limits, as for a staff member's update: the first part that breaks one, described. */
    Optional<String> invalidPart() {
        if (given(name) && name.strip().length() > 200) {
            return Optional.of("name 超过 200 字");
        }
        if (given(address) && address.strip().length() > 300) {
            return Optional.of("address 超过 300 字");
        }
        if (given(legalRepresentative) && legalRepresentative.strip().length() > 50) {
            return Optional.of("legalRepresentative 超过 50 字");
        }
        return Optional.empty();
    }

    EnterpriseApi.EnterpriseDetails appliedTo(EnterpriseApi.EnterpriseDetails now) {
        return new EnterpriseApi.EnterpriseDetails(given(name) ? name.strip() : now.name(),
                given(legalRepresentative) ? legalRepresentative.strip() : now.legalRepresentative(), now.industry(),
                now.industryCode(), now.scale(), now.registeredCapital(), now.status(), now.establishedOn(), now.enteredZoneOn(),
                given(address) ? address.strip() : now.address(), now.grid(), now.commissioner());
    }

    private static boolean given(String part) {
        return part != null && !part.isBlank();
    }
}
