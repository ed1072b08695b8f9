package cn.hitech.enterprise.register;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.enterprise.EnterpriseChanged;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.ProblemException;

/** The rules of the enterprise register: one record per credit code; every change is published as an event. */
@ApplicationScoped
public class EnterpriseService {

    private static final Logger LOG = Logger.getLogger(EnterpriseService.class);

    private final EnterpriseRepository enterprises;
    private final Outbox outbox;
    private final Audit audit;
    private final Clock clock;

    EnterpriseService(EnterpriseRepository enterprises, Outbox outbox, Audit audit, Clock clock) {
        this.enterprises = enterprises;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public EnterpriseApi.EnterpriseView register(EnterpriseApi.RegisterEnterprise request) {
        if (enterprises.findByIdOptional(request.creditCode()).isPresent()) {
            throw ProblemException.conflict("ENTERPRISE_EXISTS", "An enterprise with credit code " + request.creditCode()
                    + " is already registered");
        }
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
        Map<String, Object> before = summary(enterprise);
        apply(enterprise, details);
        audit.record("enterprise", creditCode, "update", Map.of("before", before, "after", summary(enterprise)));
        return publish(EnterpriseChanged.UPDATED, enterprise);
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

    private ApprovedChange.Result ignored(String creditCode, ApprovedChange.Result result, Map<String, Object> summary) {
        LOG.warnf("register change of %s by %s not applied: %s", creditCode, summary.get("source"), result);
        summary.put("result", result);
        audit.record("enterprise", creditCode == null ? "-" : creditCode, ApprovedChange.IGNORED, summary);
        return result;
    }

    private static EnterpriseApi.EnterpriseDetails details(Enterprise e) {
        return new EnterpriseApi.EnterpriseDetails(e.name, e.legalRepresentative, e.industry, e.scale, e.address, e.grid, e.commissioner);
    }

    /** An enterprise; with an enterprise scope, only that enterprise itself (any other is "not found"). */
    public EnterpriseApi.EnterpriseView get(String creditCode, Optional<String> enterpriseScope) {
        return enterprises.findByIdOptional(creditCode)
                .filter(e -> CurrentUser.allows(enterpriseScope, e.creditCode))
                .map(EnterpriseApi.EnterpriseView::of)
                .orElseThrow(() -> ProblemException.notFound("enterprise", creditCode));
    }

    /**
     * Pages through the register by name; {@code text} matches a part of the name or the whole credit code. With an
     * enterprise scope the list holds that enterprise only.
     */
    public PageView<EnterpriseApi.EnterpriseView> list(Optional<String> enterpriseScope, String text, int page, int size) {
        Sort byName = Sort.by("name").and("creditCode");
        String part = text == null ? "" : text.strip();
        PanacheQuery<Enterprise> query = enterprises.find(
                "(:scope is null or creditCode = :scope) and (:part = '' or lower(name) like :like or creditCode = :code)", byName,
                Parameters.with("scope", enterpriseScope.orElse(null)).and("part", part)
                        .and("like", "%" + part.toLowerCase() + "%").and("code", part.toUpperCase()));
        query.page(Page.of(page, size));
        List<EnterpriseApi.EnterpriseView> items = query.list().stream().map(EnterpriseApi.EnterpriseView::of).toList();
        return new PageView<>(items, page, size, query.count());
    }

    private void apply(Enterprise enterprise, EnterpriseApi.EnterpriseDetails details) {
        enterprise.name = details.name().strip();
        enterprise.legalRepresentative = details.legalRepresentative();
        enterprise.industry = details.industry();
        enterprise.scale = details.scale();
        enterprise.address = details.address();
        enterprise.grid = details.grid();
        enterprise.commissioner = details.commissioner();
        enterprise.touch(clock.instant());
    }

    private static Map<String, Object> summary(Enterprise e) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("name", e.name);
        fields.put("grid", e.grid);
        fields.put("commissioner", e.commissioner);
        fields.put("scale", e.scale);
        fields.put("industry", e.industry);
        fields.put("legalRepresentative", e.legalRepresentative);
        fields.put("address", e.address);
        return fields;
    }

    /** Flushes first, so the event carries the version the change committed with (its revision). */
    private EnterpriseApi.EnterpriseView publish(EventType<EnterpriseChanged> type, Enterprise enterprise) {
        enterprises.flush();
        outbox.publish(type, new EnterpriseChanged(enterprise.creditCode, enterprise.name, enterprise.industry,
                enterprise.scale == null ? null : enterprise.scale.name(), enterprise.grid, enterprise.commissioner, enterprise.version,
                enterprise.updatedAt, enterprise.legalRepresentative, enterprise.address));
        return EnterpriseApi.EnterpriseView.of(enterprise);
    }
}
