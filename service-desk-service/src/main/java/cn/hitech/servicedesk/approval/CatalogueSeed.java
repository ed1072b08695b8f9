package cn.hitech.servicedesk.approval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

import cn.hitech.platform.web.AdvisoryLocks;

/**
 * Publishes version 1 of each seeded thing ({@code approval/*.json}) that has no version yet, through the same rules
 * as ADMIN's edits: a seed that breaks a rule stops the service at start, not an applicant later. Things ADMIN has
 * published are left alone.
 */
@ApplicationScoped
class CatalogueSeed {

    /** Advisory lock key (pg_locks): one replica seeds, the others find it done. */
    static final long LOCK = 0x0A9_10_0001L;
    private static final String FOLDER = "approval/";

    private final ApprovalCatalogue catalogue;
    private final EntityManager em;
    private final ObjectMapper json;

    CatalogueSeed(ApprovalCatalogue catalogue, EntityManager em, ObjectMapper json) {
        this.catalogue = catalogue;
        this.em = em;
        this.json = json;
    }

    @Transactional
    void seed(@Observes StartupEvent start) {
        if (!AdvisoryLocks.tryForTransaction(em, LOCK)) {
            return;
        }
        for (String code : read("things.json", new TypeReference<List<String>>() { })) {
            boolean published = catalogue.thing(code).map(t -> t.currentVersion > 0).orElse(false);
            if (!published) {
                catalogue.publish(code, null, read(code + ".json", new TypeReference<ThingDefinition>() { }), "system");
            }
        }
    }

    private <T> T read(String file, TypeReference<T> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing catalogue seed " + FOLDER + file);
            }
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
