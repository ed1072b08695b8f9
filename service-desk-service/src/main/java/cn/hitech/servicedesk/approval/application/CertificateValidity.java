package cn.hitech.servicedesk.approval.application;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code hitech.approvals.certificates.*}: how long a certificate (证照) issued by an item is valid, in years from the
 * day of issue, by item code ({@code validity-years.REGISTRATION_CHANGE=0}); 0 means 长期有效 (营业执照 and 备案
 * receipts have no end). An item not named takes {@link #defaultValidityYears}.
 */
@ConfigMapping(prefix = "hitech.approvals.certificates")
public interface CertificateValidity {

    Map<String, Integer> validityYears();

    @WithDefault("5")
    int defaultValidityYears();

    default int years(String itemCode) {
        return validityYears().getOrDefault(itemCode, defaultValidityYears());
    }
}
