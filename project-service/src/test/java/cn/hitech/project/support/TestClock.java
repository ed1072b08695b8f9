package cn.hitech.project.support;

import jakarta.inject.Singleton;

import cn.hitech.platform.testkit.SettableClock;

/** The service's one clock in tests (month locks and "not in the future" rules depend on it); replaces the platform's default clock bean. */
@Singleton
public class TestClock extends SettableClock {
}
