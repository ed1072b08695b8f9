package cn.hitech.servicedesk.support;

import jakarta.inject.Singleton;

import cn.hitech.platform.testkit.SettableClock;

/** The service's one clock in tests (every time limit of a ticket counts from it); replaces the platform's default clock bean. */
@Singleton
public class TestClock extends SettableClock {
}
