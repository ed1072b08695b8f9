package cn.hitech.enterprise.grid;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.enterprise.profile.ProfileSection;
import cn.hitech.platform.web.ProblemException;

/** 一企一档: the enterprise's 服务专员, whom it calls; absent while it has none. */
@ApplicationScoped
class CommissionerProfileSection implements ProfileSection {

    private final CommissionerService commissioners;

    CommissionerProfileSection(CommissionerService commissioners) {
        this.commissioners = commissioners;
    }

    @Override
    public String name() {
        return "commissioner";
    }

    @Override
    public Object of(String creditCode) {
        try {
            return commissioners.of(creditCode, Optional.empty());
        } catch (ProblemException none) {
            return null;
        }
    }
}
