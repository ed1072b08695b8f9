package cn.hitech.enterprise.register;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
        return fields;
    }

    /** Flushes first, so the event carries the version the change committed with (its revision). */
    private EnterpriseApi.EnterpriseView publish(EventType<EnterpriseChanged> type, Enterprise enterprise) {
        enterprises.flush();
        outbox.publish(type, new EnterpriseChanged(enterprise.creditCode, enterprise.name, enterprise.industry,
                enterprise.scale == null ? null : enterprise.scale.name(), enterprise.grid, enterprise.commissioner, enterprise.version,
                enterprise.updatedAt));
        return EnterpriseApi.EnterpriseView.of(enterprise);
    }
}
