package cn.hitech.enterprise.profile;

/**
 * A part of the 一企一档 that another package of this service owns (the readiness check, the policies and benefits, the
 * commissioner): a CDI bean implementing it is found and asked for its part of every profile, under {@link #name}.
 */
public interface ProfileSection {

    /** The key of the part in the profile's {@code sections}, e.g. {@code readiness}. */
    String name();

    /** The part for one enterprise the caller may see (its scope already checked); null to leave it out. */
    Object of(String creditCode);
}
