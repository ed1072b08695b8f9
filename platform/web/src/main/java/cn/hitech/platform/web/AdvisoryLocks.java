package cn.hitech.platform.web;

import jakarta.persistence.EntityManager;

/**
 * "One instance at a time" across the replicas of a service: a PostgreSQL advisory lock held until the current
 * transaction ends. Each job names its own key (a constant beside the job, so an operator can find it in pg_locks).
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Takes the lock for the current transaction if no other session holds it; false means another instance runs. */
    public static boolean tryForTransaction(EntityManager em, long key) {
        return Boolean.TRUE.equals(em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, key).getSingleResult());
    }
}
