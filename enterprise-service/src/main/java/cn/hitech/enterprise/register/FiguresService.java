package cn.hitech.enterprise.register;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.hitech.platform.events.enterprise.FiguresChanged;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;

/** 经营数据 per year: the first write of a year creates it (no version), later ones name the version they read. */
@ApplicationScoped
public class FiguresService {

    static final int FIRST_YEAR = 1949;
    static final int LAST_YEAR = 2100;

    private final EntityManager entityManager;
    private final EnterpriseRepository enterprises;
    private final Audit audit;
    private final Outbox outbox;
    private final Clock clock;

    FiguresService(EntityManager entityManager, EnterpriseRepository enterprises, Audit audit, Outbox outbox, Clock clock) {
        this.entityManager = entityManager;
        this.enterprises = enterprises;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public EnterpriseApi.FiguresView put(String creditCode, int year, Long expectedVersion, EnterpriseApi.PutFigures body) {
        if (enterprises.findByIdOptional(creditCode).isEmpty()) {
            throw ProblemException.notFound("enterprise", creditCode);
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ProblemException.invalidField("year", "年度应在 " + FIRST_YEAR + "–" + LAST_YEAR + " 之间");
        }
        List<Problem.FieldError> errors = FiguresRules.check(body.revenue(), body.rdSpend(), body.highTechRevenue(), body.employees(),
                body.rdStaff());
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "FIGURES_INCONSISTENT", Problem.titleFor(422),
                    String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
        }
        EnterpriseFigures.Key key = new EnterpriseFigures.Key(creditCode, (short) year);
        EnterpriseFigures figures = entityManager.find(EnterpriseFigures.class, key, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("year", year);
        if (figures == null) {
            if (expectedVersion != null) {
                throw ProblemException.conflict("FIGURES_NOT_FOUND", creditCode + " 尚无 " + year + " 年度的经营数据，新建时不带版本号");
            }
            figures = new EnterpriseFigures();
            figures.key = key;
        } else {
            figures.expectVersion(expectedVersion, "Figures " + year + " of " + creditCode);
            summary.put("before", FiguresRules.summary(figures));
        }
        figures.revenue = scaled(body.revenue());
        figures.rdSpend = scaled(body.rdSpend());
        figures.highTechRevenue = scaled(body.highTechRevenue());
        figures.employees = body.employees();
        figures.rdStaff = body.rdStaff();
        figures.touch(clock.instant());
        if (!entityManager.contains(figures)) {
            entityManager.persist(figures);
        }
        entityManager.flush();
        summary.put("after", FiguresRules.summary(figures));
        audit.record("enterprise", creditCode, "figures", summary);
        outbox.publish(FiguresChanged.TYPE, FiguresRules.event(figures));
        return EnterpriseApi.FiguresView.of(figures);
    }

    /** Every year's figures of an enterprise, the newest year first. */
    public List<EnterpriseApi.FiguresView> list(String creditCode, Optional<String> enterpriseScope) {
        if (!CurrentUser.allows(enterpriseScope, creditCode) || enterprises.findByIdOptional(creditCode).isEmpty()) {
            throw ProblemException.notFound("enterprise", creditCode);
        }
        return entityManager.createQuery("FROM EnterpriseFigures f WHERE f.key.creditCode = :code ORDER BY f.key.year DESC",
                EnterpriseFigures.class).setParameter("code", creditCode).getResultList().stream().map(EnterpriseApi.FiguresView::of).toList();
    }

    private static java.math.BigDecimal scaled(java.math.BigDecimal amount) {
        return amount == null ? null : amount.setScale(2);
    }
}
