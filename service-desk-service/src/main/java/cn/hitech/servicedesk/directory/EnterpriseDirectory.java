package cn.hitech.servicedesk.directory;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import cn.hitech.platform.events.enterprise.EnterpriseChanged;

/** The local enterprise directory: applies enterprise events in revision order and answers look-ups. */
@ApplicationScoped
public class EnterpriseDirectory {

    private final EntityManager entityManager;
    private final Clock clock;

    EnterpriseDirectory(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Applies a change unless the entry already reflects the same or a newer revision; returns whether it did. */
    public boolean apply(EnterpriseChanged change) {
        DirectoryEntry entry = entityManager.find(DirectoryEntry.class, change.creditCode(), LockModeType.PESSIMISTIC_WRITE);
        boolean firstSeen = entry == null;
        if (firstSeen) {
            entry = new DirectoryEntry();
            entry.creditCode = change.creditCode();
        } else if (entry.revision >= change.revision()) {
            return false;
        }
        entry.name = change.name();
        entry.industry = change.industry();
        entry.scale = change.scale();
        entry.grid = change.grid();
        entry.commissioner = change.commissioner();
        entry.address = change.address();
        entry.legalRepresentative = change.legalRepresentative();
        entry.revision = change.revision();
        entry.appliedEvents++;
        entry.changedAt = change.occurredAt();
        entry.appliedAt = clock.instant();
        if (firstSeen) {
            // persisted only when complete: an insert may be issued at once
            entityManager.persist(entry);
        }
        return true;
    }

    public Optional<DirectoryEntry> find(String creditCode) {
        return creditCode == null ? Optional.empty() : Optional.ofNullable(entityManager.find(DirectoryEntry.class, creditCode));
    }
}
