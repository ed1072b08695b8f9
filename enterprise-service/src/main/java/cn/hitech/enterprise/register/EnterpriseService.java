package cn.hitech.enterprise.register;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.ProblemException;

/** The rules of the enterprise register: one record per credit code. */
@ApplicationScoped
public class EnterpriseService {

    private final EnterpriseRepository enterprises;
    private final Clock clock = Clock.systemUTC();

    EnterpriseService(EnterpriseRepository enterprises) {
        this.enterprises = enterprises;
    }

    @Transactional
    public EnterpriseApi.EnterpriseView register(EnterpriseApi.RegisterEnterprise request) {
        if (enterprises.findByIdOptional(request.creditCode()).isPresent()) {
            throw ProblemException.conflict("ENTERPRISE_EXISTS", "An enterprise with credit code " + request.creditCode()
                    + " is already registered");
        }
        Enterprise enterprise = new Enterprise();
        enterprise.creditCode = request.creditCode();
        enterprise.name = request.name().strip();
        enterprise.legalRepresentative = request.legalRepresentative();
        enterprise.industry = request.industry();
        enterprise.scale = request.scale();
        enterprise.address = request.address();
        enterprise.grid = request.grid();
        enterprise.commissioner = request.commissioner();
        Instant now = clock.instant();
        enterprise.createdAt = now;
        enterprise.updatedAt = now;
        enterprises.persist(enterprise);
        return EnterpriseApi.EnterpriseView.of(enterprise);
    }

    public EnterpriseApi.EnterpriseView get(String creditCode) {
        return enterprises.findByIdOptional(creditCode).map(EnterpriseApi.EnterpriseView::of)
                .orElseThrow(() -> ProblemException.notFound("enterprise", creditCode));
    }

    /** Pages through the register by name; {@code text} matches a part of the name or the whole credit code. */
    public PageView<EnterpriseApi.EnterpriseView> list(String text, int page, int size) {
        Sort byName = Sort.by("name").and("creditCode");
        PanacheQuery<Enterprise> query = text == null || text.isBlank()
                ? enterprises.findAll(byName)
                : enterprises.find("lower(name) like :part or creditCode = :code", byName,
                        Parameters.with("part", "%" + text.strip().toLowerCase() + "%").and("code", text.strip().toUpperCase()));
        query.page(Page.of(page, size));
        List<EnterpriseApi.EnterpriseView> items = query.list().stream().map(EnterpriseApi.EnterpriseView::of).toList();
        return new PageView<>(items, page, size, query.count());
    }
}
