package cn.hitech.servicedesk.ticket;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code hitech.tickets.limits.*}: the time limits of a ticket, counted on the one working calendar. Day limits count
 * from the next working day and end when office hours close; hour limits count office hours from the instant.
 */
@ConfigMapping(prefix = "hitech.tickets.limits")
public interface TicketLimits {

    /** 签收时限: working hours from dispatch to signing (default 2). */
    @WithDefault("2")
    int signHours();

    /** The sign limit of an urgent ticket (default 1 working hour). */
    @WithDefault("1")
    int urgentSignHours();

    /** 办结时限: working days from dispatch to resolution (default 5). */
    @WithDefault("5")
    int resolveDays();

    /**
     * Per category (code → working days); a category not named takes {@link #resolveDays}. application.properties
     * names {@code CONSULTATION=1} (咨询: one working day).
     */
    Map<String, Integer> resolveDaysByCategory();

    /** 回访时限: working days from resolution to the call-back (default 2). */
    @WithDefault("2")
    int callBackDays();

    /** 退单时限: working days after dispatch in which the department may return the order (default 2). */
    @WithDefault("2")
    int returnDays();

    /** 延期上限: the working days all approved extensions of a ticket may add up to (default 10). */
    @WithDefault("10")
    int maxExtensionDays();

    default int resolveDays(TicketCategory category) {
        return resolveDaysByCategory().getOrDefault(category.name(), resolveDays());
    }

    default int signHours(boolean urgent) {
        return urgent ? urgentSignHours() : signHours();
    }
}
