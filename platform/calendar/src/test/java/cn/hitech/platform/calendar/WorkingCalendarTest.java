package cn.hitech.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final WorkingCalendar calendar = WorkingCalendar.standard();

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void spring_festival_2026_moves_the_weekend() {
        assertTrue(calendar.isWorkingDay(d("2026-02-14")), "Sat 2026-02-14 is a make-up working day");
        assertTrue(calendar.isWorkingDay(d("2026-02-28")), "Sat 2026-02-28 is a make-up working day");
        assertFalse(calendar.isWorkingDay(d("2026-02-16")), "Mon 2026-02-16 is 春节");
        assertFalse(calendar.isWorkingDay(d("2026-02-23")), "Mon 2026-02-23 is still 春节");
        assertTrue(calendar.isWorkingDay(d("2026-02-24")));
        assertFalse(calendar.isWorkingDay(d("2026-02-21")), "an ordinary Saturday stays off");
        assertTrue(calendar.isWorkingDay(d("2026-01-04")), "Sun 2026-01-04 is worked for 元旦");
        assertFalse(calendar.isWorkingDay(d("2026-10-01")));
        assertTrue(calendar.isWorkingDay(d("2026-10-10")));
    }

    @Test
    void other_published_years_are_read_too() {
        assertFalse(calendar.isWorkingDay(d("2023-01-23")));
        assertTrue(calendar.isWorkingDay(d("2024-02-04")));
        assertTrue(calendar.isWorkingDay(d("2025-09-28")));
        assertTrue(calendar.isPublished(2023) && calendar.isPublished(2026));
    }

    @Test
    void counts_working_days_across_the_festival() {
        // Fri 13 Feb → Tue 24 Feb 2026: only Sat 14 and Tue 24 are worked.
        assertEquals(2, calendar.workingDaysBetween(d("2026-02-13"), d("2026-02-24")));
        assertEquals(-2, calendar.workingDaysBetween(d("2026-02-24"), d("2026-02-13")));
        assertEquals(d("2026-02-14"), calendar.addWorkingDays(d("2026-02-13"), 1));
        assertEquals(d("2026-02-24"), calendar.addWorkingDays(d("2026-02-13"), 2));
        assertEquals(d("2026-02-13"), calendar.addWorkingDays(d("2026-02-24"), -2));
        assertEquals(d("2026-02-13"), calendar.addWorkingDays(d("2026-02-13"), 0));
        // 2026: 261 weekdays − 19 weekday holidays + 6 make-up weekend days.
        assertEquals(248, calendar.workingDaysBetween(d("2025-12-31"), d("2026-12-31")));
    }

    @Test
    void adds_office_time_skipping_lunch_nights_and_holidays() {
        assertEquals(at("2026-02-13T14:30"), calendar.addWorkingTime(at("2026-02-13T11:00"), Duration.ofHours(2)));
        // Friday 17:00 + 2 h: half an hour on Friday, then Saturday 14 (worked) from 09:00.
        assertEquals(at("2026-02-14T10:30"), calendar.addWorkingTime(at("2026-02-13T17:00"), Duration.ofHours(2)));
        // Saturday 14 at 17:00 + 1 h: the next opening is Tuesday 24 February.
        assertEquals(at("2026-02-24T09:30"), calendar.addWorkingTime(at("2026-02-14T17:00"), Duration.ofHours(1)));
        // A start in the evening counts from the next opening; a full day ends at closing time, not next morning.
        assertEquals(at("2026-03-02T17:30"), calendar.addWorkingDays(at("2026-02-27T20:00"), 2));
        assertEquals(at("2026-02-24T10:00"), calendar.addWorkingDays(at("2026-02-13T10:00"), 2));
        assertEquals(at("2026-02-13T12:00"), calendar.addWorkingTime(at("2026-02-13T12:00"), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> calendar.addWorkingTime(at("2026-02-13T12:00"), Duration.ofHours(-1)));
    }

    @Test
    void measures_office_time_between_instants() {
        assertEquals(Duration.ofMinutes(150), calendar.workingTimeBetween(at("2026-02-13T11:00"), at("2026-02-13T15:00")));
        // Friday's last half hour, all of Saturday 14 (worked), Tuesday's first half hour.
        assertEquals(Duration.ofHours(8), calendar.workingTimeBetween(at("2026-02-13T17:00"), at("2026-02-24T09:30")));
        assertEquals(Duration.ofHours(-7), calendar.workingTimeBetween(at("2026-02-25T09:00"), at("2026-02-24T09:00")));
        assertEquals(Duration.ZERO, calendar.workingTimeBetween(at("2026-02-15T09:00"), at("2026-02-23T18:00")));
    }

    @Test
    void an_unpublished_year_falls_back_to_weekends_and_is_flagged() {
        assertFalse(calendar.isPublished(2027));
        assertFalse(calendar.isPublished(2031));
        assertEquals(Set.of(2027), calendar.unpublishedYears(d("2026-12-01"), d("2027-01-31")));
        // 1 Jan 2027 will surely be 元旦, but nothing is guessed before the notice: a Friday counts as a working day.
        assertTrue(calendar.isWorkingDay(d("2027-01-01")));
        assertFalse(calendar.isWorkingDay(d("2027-01-02")));
        assertEquals(d("2027-01-04"), calendar.addWorkingDays(d("2026-12-31"), 2));
    }

    @Test
    void office_hours_are_configurable_and_checked() {
        WorkingCalendar early = new WorkingCalendar(HolidayTable.bundled(), OfficeHours.parse(SHANGHAI, "08:30-12:00, 14:00-18:00"));
        assertEquals(Duration.ofMinutes(450), early.officeHours().dayLength());
        assertEquals(at("2026-02-13T14:30"), early.addWorkingTime(at("2026-02-13T11:30"), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> OfficeHours.parse(SHANGHAI, "13:00-12:00"));
        assertThrows(IllegalArgumentException.class, () -> OfficeHours.parse(SHANGHAI, "09:00-12:00,11:00-15:00"));
        assertThrows(IllegalArgumentException.class, () -> OfficeHours.parse(SHANGHAI, "nine to five"));
    }
}
