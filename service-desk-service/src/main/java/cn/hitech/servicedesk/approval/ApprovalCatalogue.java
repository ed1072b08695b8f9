package cn.hitech.servicedesk.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.department.DepartmentService;

/**
 * 一件事目录: publishes and reads the versions of each thing. A change is a new version, never an edit of an old one,
 * so an application keeps reading the version it started on ({@link #version}).
 */
@ApplicationScoped
public class ApprovalCatalogue {

    /** A version as read: its definition and who published it when; {@code current} is the thing's newest version. */
    public record Published(ThingDefinition definition, int version, int current, Instant publishedAt, String publishedBy) {
    }

    /** Far above the versions a zone publishes; past it, versions are simply read each time. */
    private static final int STARTED_ON_LIMIT = 4096;

    private final java.util.Map<String, ThingDefinition> startedOn = new java.util.concurrent.ConcurrentHashMap<>();
    private final EntityManager em;
    private final ObjectMapper json;
    private final DepartmentService departments;
    private final Audit audit;
    private final Clock clock;

    ApprovalCatalogue(EntityManager em, ObjectMapper json, DepartmentService departments, Audit audit, Clock clock) {
        this.em = em;
        this.json = json;
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    /** The newest version of every thing that has one, by name. */
    public List<Published> all() {
        return em.createQuery("select v from ThingVersion v, ApprovalThing t where t.code = v.key.thingCode"
                + " and v.key.version = t.currentVersion order by t.name", ThingVersion.class).getResultList().stream()
                .map(v -> new Published(read(v.definition), v.key.version(), v.key.version(), v.publishedAt, v.publishedBy)).toList();
    }

    /** The newest version; 404 when the thing does not exist (or has none yet). */
    public Published current(String code) {
        return version(code, currentVersion(code));
    }

    /** The newest published version's number; 404 for an unknown or unpublished thing. */
    public int currentVersion(String code) {
        ApprovalThing thing = code == null ? null : em.find(ApprovalThing.class, code);
        if (thing == null || thing.currentVersion == 0) {
            throw ProblemException.notFound("one-thing", code);
        }
        return thing.currentVersion;
    }

    /** A given version, or the newest when {@code version} is null; 404 when there is no such version. */
    public Published find(String code, Integer version) {
        return version == null ? current(code) : version(code, version);
    }

    public Published version(String code, int version) {
        ThingVersion row = em.find(ThingVersion.class, new ThingVersion.Key(code, version));
        if (row == null) {
            throw ProblemException.notFound("one-thing version", code + " v" + version);
        }
        int current = em.find(ApprovalThing.class, code).currentVersion;
        return new Published(read(row.definition), version, current, row.publishedAt, row.publishedBy);
    }

    /**
     * The definition of a version an application started on, parsed once per instance: a published version is never
     * changed (a change publishes a new one), so every replica may keep it. Only for versions committed before the
     * caller's transaction began (an application's), never for one being published now, which could still roll back.
     */
    public ThingDefinition startedOn(String code, int version) {
        ThingDefinition known = startedOn.get(code + " v" + version);
        if (known != null) {
            return known;
        }
        ThingDefinition definition = version(code, version).definition();
        if (startedOn.size() < STARTED_ON_LIMIT) {
            startedOn.put(code + " v" + version, definition);
        }
        return definition;
    }

    /** Every version of a thing, oldest first. */
    public List<ThingVersion> history(String code) {
        current(code);
        return em.createQuery("from ThingVersion v where v.key.thingCode = :code order by v.key.version", ThingVersion.class)
                .setParameter("code", code).getResultList();
    }

    /**
     * Publishes {@code definition} as the next version of {@code code}. A new thing needs no version (it gets 1); an
     * existing one must name its newest version ({@code expected}), else 428, or 409 when another was published since.
     */
    @Transactional
    public Published publish(String code, Long expected, ThingDefinition definition, String actor) {
        ApprovalThing thing = em.find(ApprovalThing.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (thing == null && expected != null) {
            throw ProblemException.notFound("one-thing", code);
        }
        if (thing != null && thing.currentVersion > 0) {
            if (expected == null) {
                throw ExpectedVersion.required();
            }
            if (expected != thing.currentVersion) {
                throw ProblemException.conflict("CONCURRENT_MODIFICATION", "一件事 " + code + " 当前为第 " + thing.currentVersion
                        + " 版，不是第 " + expected + " 版：请重新读取后再修改");
            }
        }
        ThingDefinition d = definition.withCode(code);
        DefinitionRules.require(d, department -> departments.find(department).isPresent());
        Instant now = clock.instant();
        if (thing == null) {
            // Two first publications of one code at once: the second finds the row taken and is told so.
            int inserted = em.createNativeQuery("INSERT INTO approval_thing (code, name, description, current_version, updated_at)"
                    + " VALUES (?1, ?2, ?3, 0, ?4) ON CONFLICT (code) DO NOTHING")
                    .setParameter(1, code).setParameter(2, d.name()).setParameter(3, d.description()).setParameter(4, now)
                    .executeUpdate();
            if (inserted == 0) {
                throw ProblemException.conflict("THING_EXISTS", "一件事 " + code + " 刚被他人创建：请读取后再修改");
            }
            thing = em.find(ApprovalThing.class, code, LockModeType.PESSIMISTIC_WRITE);
        }
        int next = thing.currentVersion + 1;
        ThingVersion row = new ThingVersion();
        row.key = new ThingVersion.Key(code, next);
        row.definition = write(d);
        row.publishedAt = now;
        row.publishedBy = actor;
        em.persist(row);
        thing.name = d.name();
        thing.description = d.description();
        thing.currentVersion = next;
        thing.updatedAt = now;
        em.flush();
        index(d, next);
        audit.record("approval-thing", code, next == 1 ? "publish-first" : "publish",
                Map.of("version", next, "items", d.items().stream().map(ThingDefinition.Item::code).toList()));
        return new Published(d, next, next, now, actor);
    }

    /** The relational index of one version: items by department (with the foreign key) and material uses. */
    private void index(ThingDefinition d, int version) {
        for (int i = 0; i < d.items().size(); i++) {
            ThingDefinition.Item item = d.items().get(i);
            em.createNativeQuery("INSERT INTO approval_item_version (thing_code, thing_version, code, name, department_code,"
                    + " statutory_days, promised_days, conditional, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                    .setParameter(1, d.code()).setParameter(2, version).setParameter(3, item.code()).setParameter(4, item.name())
                    .setParameter(5, item.department()).setParameter(6, item.statutoryDays()).setParameter(7, item.promisedDays())
                    .setParameter(8, item.condition() != null).setParameter(9, i + 1).executeUpdate();
            for (String material : item.materials().stream().distinct().toList()) {
                em.createNativeQuery("INSERT INTO approval_material_use (thing_code, thing_version, material_code, item_code)"
                        + " VALUES (?1, ?2, ?3, ?4)").setParameter(1, d.code()).setParameter(2, version)
                        .setParameter(3, material).setParameter(4, item.code()).executeUpdate();
            }
        }
    }

    /** Whether the thing has a published version (the seed publishes only where none exists). */
    Optional<ApprovalThing> thing(String code) {
        return Optional.ofNullable(em.find(ApprovalThing.class, code));
    }

    ThingDefinition read(String definition) {
        try {
            return json.readValue(definition, ThingDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored one-thing definition is unreadable", e);
        }
    }

    private String write(ThingDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
