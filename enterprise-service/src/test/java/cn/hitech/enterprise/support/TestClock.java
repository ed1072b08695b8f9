package cn.hitech.enterprise.support;

import jakarta.inject.Singleton;

import cn.hitech.platform.testkit.SettableClock;

/** The service's one clock in tests (every time limit counts from it); replaces the platform's default clock bean. */
@Singleton
public class TestClock extends SettableClock {
}
