package cn.hitech.enterprise.register;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.enterprise.EnterpriseChanged;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.Roles;

/** The rules of the enterprise register: one record per credit code; every change is published as an event. */
@ApplicationScoped
public class EnterpriseService {

    private static final Logger LOG = Logger.getLogger(EnterpriseService.class);

    private final EnterpriseRepository enterprises;
    private final Outbox outbox;
    private final Audit audit;
    private final Clock clock;
    private final RecordRules rules;
    private final EnterpriseSearch search;
    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<CommissionerChanged> commissionerChanged;

    EnterpriseService(EnterpriseRepository enterprises, Outbox outbox, Audit audit, Clock clock, RecordRules rules,
            EnterpriseSearch search) {
        this.enterprises = enterprises;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.rules = rules;
        this.search = search;
    }

    @Transactional
    public EnterpriseApi.EnterpriseView register(EnterpriseApi.RegisterEnterprise request) {
        if (enterprises.findByIdOptional(request.creditCode()).isPresent()) {
            throw ProblemException.conflict("ENTERPRISE_EXISTS", "An enterprise with credit code " + request.creditCode()
                    + " is already registered");
        }
        rules.require(request.details(), null);
        Enterprise enterprise = new Enterprise();
        enterprise.creditCode = request.creditCode();
        apply(enterprise, request.details());
        enterprises.persist(enterprise);
        audit.record("enterprise", enterprise.creditCode, "register", summary(enterprise));
        return publish(EnterpriseChanged.REGISTERED, enterprise);
    }

    /** Changes an enterprise's record; {@code expectedVersion} is the version the caller read (a stale one is a 409). */
    @Transactional
    public EnterpriseApi.EnterpriseView update(String creditCode, long expectedVersion, EnterpriseApi.EnterpriseDetails details) {
        Enterprise enterprise = enterprises.findByIdOptional(creditCode)
                .orElseThrow(() -> ProblemException.notFound("enterprise", creditCode));
        enterprise.expectVersion(expectedVersion, "Enterprise " + creditCode);
        rules.require(details, enterprise.status);
        Map<String, Object> before = summary(enterprise);
        apply(enterprise, details);
        audit.record("enterprise", creditCode, "update", Map.of("before", before, "after", summary(enterprise)));
        EnterpriseApi.EnterpriseView updated = publish(EnterpriseChanged.UPDATED, enterprise);
        if (!java.util.Objects.equals(before.get("commissioner"), enterprise.commissioner)) {
            commissionerChanged.fire(new CommissionerChanged(creditCode, (String) before.get("commissioner"), enterprise.commissioner));
        }
        return updated;
    }

    /**
     * 企业信息变更 / 企业迁移 decided by a completed 一件事: the parts of {@code change} that are given replace the
     * register's, the rest stays. It is another service's decision, so it names no version (the row lock orders it with
     * staff edits) and the system is its author, with {@code source} (the application number) in the audit trail. What
     * it cannot do (an unknown enterprise, nothing to change, a part too long for the register) changes nothing and is
     * kept in the audit trail with the reason, so that an event consumer is done with it.
     */
    @Transactional
    public ApprovedChange.Result changeByApproval(String creditCode, ApprovedChange change, String source) {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("source", source);
        summary.put("change", change);
        Optional<Enterprise> found = creditCode == null ? Optional.empty()
                : enterprises.findByIdOptional(creditCode, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return ignored(creditCode, ApprovedChange.Result.UNKNOWN_ENTERPRISE, summary);
        }
        Optional<String> invalid = change.invalidPart();
        if (invalid.isPresent()) {
            summary.put("detail", invalid.get());
            return ignored(creditCode, ApprovedChange.Result.INVALID, summary);
        }
        Enterprise enterprise = found.get();
        EnterpriseApi.EnterpriseDetails before = details(enterprise);
        EnterpriseApi.EnterpriseDetails after = change.appliedTo(before);
        if (after.equals(before)) {
            return ignored(creditCode, ApprovedChange.Result.UNCHANGED, summary);
        }
        Map<String, Object> was = summary(enterprise);
        apply(enterprise, after);
        summary.remove("change");
        summary.put("before", was);
        summary.put("after", summary(enterprise));
        audit.record("enterprise", creditCode, "update", summary);
        publish(EnterpriseChanged.UPDATED, enterprise);
        return ApprovedChange.Result.UPDATED;
    }

    /**
     * 网格 / 服务专员 of an enterprise set by the assignment rules (load balancing, a commissioner leaving), not by an
     * editor: no version is named (the row lock orders it with staff edits); {@code reason} goes into the audit trail.
     * Audited and evented as any change, so the service desk routes by the new commissioner. False when nothing changed.
     * Callers run it inside their own transaction (one per batch of reassignments).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean assign(String creditCode, String grid, String commissioner, String reason) {
        Enterprise enterprise = enterprises.findByIdOptional(creditCode, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("enterprise", creditCode));
        if (java.util.Objects.equals(enterprise.grid, grid) && java.util.Objects.equals(enterprise.commissioner, commissioner)) {
            return false;
        }
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("reason", reason);
        summary.put("before", Map.of("grid", String.valueOf(enterprise.grid), "commissioner", String.valueOf(enterprise.commissioner)));
        String commissionerWas = enterprise.commissioner;
        enterprise.grid = grid;
        enterprise.commissioner = commissioner;
        enterprise.touch(clock.instant());
        summary.put("after", Map.of("grid", String.valueOf(grid), "commissioner", String.valueOf(commissioner)));
        audit.record("enterprise", creditCode, "assign", summary);
        publish(EnterpriseChanged.UPDATED, enterprise);
        if (!java.util.Objects.equals(commissionerWas, commissioner)) {
            commissionerChanged.fire(new CommissionerChanged(creditCode, commissionerWas, commissioner));
        }
        return true;
    }

    private ApprovedChange.Result ignored(String creditCode, ApprovedChange.Result result, Map<String, Object> summary) {
        LOG.warnf("register change of %s by %s not applied: %s", creditCode, summary.get("source"), result);
        summary.put("result", result);
        audit.record("enterprise", creditCode == null ? "-" : creditCode, ApprovedChange.IGNORED, summary);
        return result;
    }

    private static EnterpriseApi.EnterpriseDetails details(Enterprise e) {
        return EnterpriseApi.EnterpriseDetails.of(e);
    }

    /** An enterprise; with an enterprise scope, only that enterprise itself (any other is "not found"). */
    public EnterpriseApi.EnterpriseView get(String creditCode, Optional<String> enterpriseScope) {
        return get(creditCode, enterpriseScope, true);
    }

    /** As {@link #get(String, Optional)}; {@code seesLegalRepresentative} false masks the 法定代表人. */
    public EnterpriseApi.EnterpriseView get(String creditCode, Optional<String> enterpriseScope, boolean seesLegalRepresentative) {
        return enterprises.findByIdOptional(creditCode)
                .filter(e -> CurrentUser.allows(enterpriseScope, e.creditCode))
                .map(e -> EnterpriseApi.EnterpriseView.of(e, seesLegalRepresentative))
                .orElseThrow(() -> ProblemException.notFound("enterprise", creditCode));
    }

    /**
     * Pages through the register by name; {@code text} matches a part of the name or the whole credit code. With an
     * enterprise scope the list holds that enterprise only.
     */
    public PageView<EnterpriseApi.EnterpriseView> list(Optional<String> enterpriseScope, String text, int page, int size) {
        return search.page(new EnterpriseSearch.Criteria(enterpriseScope, text, null, null, null, null, null, null, null,
                EnterpriseSearch.Order.parse(null)), page, size, true);
    }

    /** Whether the current user sees the 法定代表人 whole: managers need not (they see it masked). */
    public static boolean seesLegalRepresentative(CurrentUser user) {
        return !Roles.MANAGER.equals(user.role());
    }

    private void apply(Enterprise enterprise, EnterpriseApi.EnterpriseDetails details) {
        enterprise.name = details.name().strip();
        enterprise.legalRepresentative = details.legalRepresentative();
        enterprise.industry = rules.industryLabel(details);
        enterprise.industryCode = details.industryCode() == null || details.industryCode().isBlank() ? null
                : IndustryCatalogue.normalise(details.industryCode());
        enterprise.scale = details.scale();
        enterprise.registeredCapital = details.registeredCapital() == null ? null : details.registeredCapital().setScale(2);
        if (details.status() != null) {
            enterprise.status = details.status();
        }
        enterprise.establishedOn = details.establishedOn();
        enterprise.enteredZoneOn = details.enteredZoneOn();
        enterprise.address = details.address();
        enterprise.grid = details.grid();
        enterprise.commissioner = details.commissioner();
        enterprise.touch(clock.instant());
    }

    /** What the audit trail keeps of a record (before and after a change); the bulk import writes the same. */
    static Map<String, Object> summary(Enterprise e) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("name", e.name);
        fields.put("grid", e.grid);
        fields.put("commissioner", e.commissioner);
        fields.put("scale", e.scale);
        fields.put("industry", e.industry);
        fields.put("industryCode", e.industryCode);
        fields.put("legalRepresentative", e.legalRepresentative);
        fields.put("address", e.address);
        fields.put("registeredCapital", e.registeredCapital);
        fields.put("status", e.status);
        fields.put("establishedOn", e.establishedOn);
        fields.put("enteredZoneOn", e.enteredZoneOn);
        return fields;
    }

    /** The event of a record as it now stands; the bulk import publishes the same. */
    static EnterpriseChanged event(Enterprise e) {
        return new EnterpriseChanged(e.creditCode, e.name, e.industry, e.scale == null ? null : e.scale.name(), e.grid, e.commissioner,
                e.version, e.updatedAt, e.legalRepresentative, e.address);
    }

    /** Flushes first, so the event carries the version the change committed with (its revision). */
    private EnterpriseApi.EnterpriseView publish(EventType<EnterpriseChanged> type, Enterprise enterprise) {
        enterprises.flush();
        outbox.publish(type, event(enterprise));
        return EnterpriseApi.EnterpriseView.of(enterprise);
    }
}
