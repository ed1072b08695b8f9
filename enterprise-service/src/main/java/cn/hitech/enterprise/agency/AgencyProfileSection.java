package cn.hitech.enterprise.agency;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.enterprise.profile.ProfileSection;

/**
 * 一企一档: whom the enterprise has authorised to act for it (帮办代办), on what and until when, with where each stands.
 * Read from this service's own table, so a rebuild of the event projection leaves it as it is.
 */
@ApplicationScoped
class AgencyProfileSection implements ProfileSection {

    private static final int RECENT = 50;

    private final AgencyService agency;

    AgencyProfileSection(AgencyService agency) {
        this.agency = agency;
    }

    @Override
    public String name() {
        return "authorisations";
    }

    @Override
    public Object of(String creditCode) {
        return agency.ofEnterprise(creditCode, null, Optional.empty(), 0, RECENT).items();
    }
}
