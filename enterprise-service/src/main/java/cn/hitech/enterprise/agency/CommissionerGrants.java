package cn.hitech.enterprise.agency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import cn.hitech.enterprise.register.CommissionerChanged;

/**
 * A COMMISSIONER grant is given to a person, not to the office: when the enterprise's commissioner changes (an
 * assignment run, a commissioner leaving with their ~25 enterprises) the grants naming the one before end, in the same
 * transaction, one indexed query per enterprise.
 */
@ApplicationScoped
class CommissionerGrants {

    private final AgencyService agency;

    CommissionerGrants(AgencyService agency) {
        this.agency = agency;
    }

    void onChange(@Observes CommissionerChanged change) {
        if (change.before() != null && !change.before().isBlank()) {
            agency.commissionerReplaced(change.creditCode(), change.before());
        }
    }
}
