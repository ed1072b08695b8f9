package cn.hitech.platform.messaging;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.ProblemException;

/**
 * An aggregate whose changes are tracked: an optimistic-lock version (a stale write is a 409, never a lost update)
 * and when it was created and last changed.
 */
@MappedSuperclass
public abstract class TrackedEntity {

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Marks a change at {@code now}; the first call also sets the creation time. */
    public void touch(Instant now) {
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
    }

    /**
     * Checks the version a caller read before changing this entity: a stale one is a 409 that changes nothing (the
     * {@code @Version} column catches races between two transactions; this catches a user editing an old copy). No
     * version at all is a 428: a write must say what it read ({@link ExpectedVersion}).
     */
    public void expectVersion(Long expected, String what) {
        if (expected == null) {
            throw ExpectedVersion.required();
        }
        if (expected != version) {
            throw ProblemException.conflict("CONCURRENT_MODIFICATION", what + " 已被他人修改：当前版本 " + version
                    + "，您读取的是版本 " + expected + "，请刷新后重新操作");
        }
    }
}
