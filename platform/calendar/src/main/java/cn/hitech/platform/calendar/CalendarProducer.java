package cn.hitech.platform.calendar;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the one {@link WorkingCalendar} of a service injectable, built from {@link CalendarConfig}. */
@Singleton
public class CalendarProducer {

    @Produces
    @Singleton
    WorkingCalendar calendar(CalendarConfig config) {
        return new WorkingCalendar(HolidayTable.bundled(), OfficeHours.parse(config.zone(), config.officeHours()));
    }
}
