package cn.hitech.servicedesk.approval.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import cn.hitech.platform.domain.CreditCode;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.approval.ApprovalCatalogue;
import cn.hitech.servicedesk.approval.ThingDefinition;

/**
 * 证照库: certificates issued by approved items, keyed by the holder's credit code, and what they spare a later
 * application (证照免提交): a valid certificate whose kind {@code approval_certificate_material} maps to a material marks
 * that material as provided, so it is neither asked for nor asked again in a 补正.
 */
@ApplicationScoped
public class LicenceLibrary {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final EntityManager em;
    private final ApplicationStore store;
    private final ApprovalDeadlines deadlines;
    private final CertificateValidity validity;
    private final ApprovalCatalogue catalogue;

    LicenceLibrary(EntityManager em, ApplicationStore store, ApprovalDeadlines deadlines, CertificateValidity validity,
            ApprovalCatalogue catalogue) {
        this.em = em;
        this.catalogue = catalogue;
        this.store = store;
        this.deadlines = deadlines;
        this.validity = validity;
    }

    /** Of {@code materials}, those a certificate of {@code creditCode} valid on {@code day} proves: material → number. */
    Map<String, String> proving(String creditCode, Collection<String> materials, LocalDate day) {
        Map<String, String> proven = new LinkedHashMap<>();
        if (materials.isEmpty()) {
            return proven;
        }
        List<?> rows = em.createNativeQuery("SELECT m.material_code, c.number FROM approval_certificate c"
                + " JOIN approval_certificate_material m ON m.kind = c.kind"
                + " WHERE c.holder_credit_code = ?1 AND c.valid_from <= ?2 AND (c.valid_to IS NULL OR c.valid_to >= ?2)"
                + " AND m.material_code IN (?3) ORDER BY c.issued_at DESC")
                .setParameter(1, creditCode).setParameter(2, day).setParameter(3, List.copyOf(materials)).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            proven.putIfAbsent((String) r[0], (String) r[1]);
        }
        return proven;
    }

    /**
     * 证照免提交 before applying: of the newest version of {@code thing}, the materials a valid certificate of the
     * applicant already proves (an enterprise asks for itself; staff name the credit code).
     */
    public List<ApplicationApi.ReusedMaterial> reusable(Optional<String> enterpriseScope, String creditCode, String thing) {
        String holder = enterpriseScope.orElseGet(() -> {
            if (creditCode == null || creditCode.isBlank()) {
                throw ProblemException.invalidField("creditCode", "请给出申请企业的统一社会信用代码");
            }
            CreditCode.problem(creditCode.strip()).ifPresent(p -> {
                throw ProblemException.invalidField("creditCode", p);
            });
            return creditCode.strip();
        });
        ThingDefinition def = catalogue.current(thing).definition();
        Map<String, String> proven = proving(holder, def.materials().stream().map(ThingDefinition.Material::code).toList(),
                deadlines.date(store.now()));
        Map<String, LicenceCertificate> byNumber = new LinkedHashMap<>();
        if (!proven.isEmpty()) {
            em.createQuery("from LicenceCertificate where number in :n", LicenceCertificate.class)
                    .setParameter("n", List.copyOf(proven.values())).getResultList().forEach(c -> byNumber.put(c.number, c));
        }
        return def.materials().stream().filter(m -> proven.containsKey(m.code())).map(m -> {
            LicenceCertificate c = byNumber.get(proven.get(m.code()));
            return new ApplicationApi.ReusedMaterial(m.code(), m.name(), c.number, c.kind, c.validTo, "已有证照，免于提交");
        }).toList();
    }

    /** Issues the certificate of an approved item into the library: number, issuer, validity per the item's kind. */
    LicenceCertificate issue(ApprovalApplication app, ApplicationItem item, ThingDefinition.Item definition, Instant now) {
        LocalDate today = deadlines.date(now);
        LicenceCertificate c = new LicenceCertificate();
        c.id = UUID.randomUUID();
        c.number = "ZZ" + DAY.format(today) + String.format("%06d", store.nextNumber("approval_certificate_number_seq") % 1_000_000);
        c.holderCreditCode = app.applicantCreditCode;
        c.holderName = app.applicantName;
        c.kind = definition.certificate();
        c.itemCode = item.itemCode;
        c.thingCode = app.thingCode;
        c.applicationId = app.id;
        c.issuerDepartment = item.departmentCode;
        c.issuer = store.departmentName(item.departmentCode);
        c.issuedOn = today;
        c.validFrom = today;
        int years = validity.years(item.itemCode);
        c.validTo = years <= 0 ? null : today.plusYears(years).minusDays(1);
        c.issuedAt = now;
        em.persist(c);
        return c;
    }

    List<LicenceCertificate> ofApplication(UUID applicationId) {
        return em.createQuery("from LicenceCertificate where applicationId = :id order by issuedAt, number", LicenceCertificate.class)
                .setParameter("id", applicationId).getResultList();
    }

    /** The library, newest first: an enterprise sees its own; others by {@code creditCode} (or all). */
    public PageView<ApplicationApi.CertificateView> list(Optional<String> enterpriseScope, String creditCode, int page, int size) {
        String holder = enterpriseScope.orElse(creditCode == null || creditCode.isBlank() ? null : creditCode.strip());
        if (enterpriseScope.isEmpty() && holder != null) {
            CreditCode.problem(holder).ifPresent(p -> {
                throw ProblemException.invalidField("creditCode", p);
            });
        }
        String where = holder == null ? "" : " where holderCreditCode = :holder";
        TypedQuery<LicenceCertificate> q = em.createQuery("from LicenceCertificate" + where + " order by issuedAt desc, number",
                LicenceCertificate.class);
        TypedQuery<Long> count = em.createQuery("select count(c) from LicenceCertificate c" + where.replace("holderCreditCode",
                "c.holderCreditCode"), Long.class);
        if (holder != null) {
            q.setParameter("holder", holder);
            count.setParameter("holder", holder);
        }
        LocalDate today = deadlines.date(store.now());
        List<ApplicationApi.CertificateView> items = q.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(c -> view(c, today)).toList();
        return new PageView<>(items, page, size, count.getSingleResult());
    }

    static ApplicationApi.CertificateView view(LicenceCertificate c, LocalDate today) {
        return new ApplicationApi.CertificateView(c.number, c.kind, c.itemCode, c.thingCode, c.applicationId, c.holderCreditCode,
                c.holderName, c.issuer, c.issuerDepartment, c.issuedOn, c.validFrom, c.validTo, c.validOn(today));
    }
}
