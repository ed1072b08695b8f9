package cn.hitech.enterprise.cultivation;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.enterprise.profile.ProfileSection;

/** 一企一档: how close the enterprise is to each cultivation target (高企, 专精特新, 瞪羚), from its own figures. */
@ApplicationScoped
class ReadinessProfileSection implements ProfileSection {

    private final CultivationService cultivation;

    ReadinessProfileSection(CultivationService cultivation) {
        this.cultivation = cultivation;
    }

    @Override
    public String name() {
        return "readiness";
    }

    @Override
    public Object of(String creditCode) {
        return cultivation.readiness(creditCode, Optional.empty());
    }
}
