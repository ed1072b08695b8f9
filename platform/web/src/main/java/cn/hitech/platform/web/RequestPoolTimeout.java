package cn.hitech.platform.web;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Two waits for a pooled connection: while the service starts, Flyway and Hibernate wait as long as
 * {@code quarkus.datasource.jdbc.acquisition-timeout} (5 s: a first connection's login on a loaded machine takes over a
 * second, and a failed start is a crash loop); once it has started, a request waits at most
 * {@code hitech.datasource.request-acquisition-timeout} (1.5 s), so that with PostgreSQL away its caller gets the 503
 * DATABASE_UNAVAILABLE within 2 s instead of hanging on the pool. The pool reads the timeout at each acquisition.
 */
@ApplicationScoped
public class RequestPoolTimeout {

    void started(@Observes StartupEvent started, Instance<AgroalDataSource> pools,
            @ConfigProperty(name = "hitech.datasource.request-acquisition-timeout", defaultValue = "1500ms") Duration timeout) {
        for (AgroalDataSource pool : pools) {
            pool.getConfiguration().connectionPoolConfiguration().setAcquisitionTimeout(timeout);
        }
    }
}
