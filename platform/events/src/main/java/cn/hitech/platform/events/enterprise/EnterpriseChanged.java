package cn.hitech.platform.events.enterprise;

import java.time.Instant;
import java.util.Objects;

import cn.hitech.platform.events.Event;
import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.UnreadableEventException;

/**
 * The state of an enterprise after it was registered or updated: what other services keep of it (the service desk
 * routes tickets by grid and commissioner). {@code revision} grows with every change, so a reader can ignore stale
 * copies. {@code legalRepresentative} (法定代表人) and {@code address} were added within v1, after the first events: they
 * are nullable, a reader of an older event sees null, and an older reader ignores them.
 */
public record EnterpriseChanged(
        String creditCode,
        String name,
        String industry,
        String scale,
        String grid,
        String commissioner,
        long revision,
        Instant occurredAt,
        String legalRepresentative,
        String address) implements Event {

    /** 企业登记: a new enterprise in the register. */
    public static final EventType<EnterpriseChanged> REGISTERED =
            new EventType<>("enterprise.registered", 1, Topics.ENTERPRISES, "enterprise", EnterpriseChanged.class);

    /** 企业信息变更: an enterprise's record changed. */
    public static final EventType<EnterpriseChanged> UPDATED =
            new EventType<>("enterprise.updated", 1, Topics.ENTERPRISES, "enterprise", EnterpriseChanged.class);

    public EnterpriseChanged {
        if (creditCode == null || name == null || occurredAt == null) {
            throw new UnreadableEventException("an enterprise event needs creditCode, name and occurredAt");
        }
    }

    @Override
    public String aggregateId() {
        return Objects.requireNonNull(creditCode);
    }
}
