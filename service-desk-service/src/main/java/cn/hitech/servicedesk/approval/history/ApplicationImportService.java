package cn.hitech.servicedesk.approval.history;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.approval.application.ApplicationApi;
import cn.hitech.servicedesk.approval.application.ApplicationService;
import cn.hitech.servicedesk.approval.application.ItemMoves;
import cn.hitech.servicedesk.clock.ReplayClock;

/**
 * 历史申请导入: replays the old system's applications through {@link ApplicationService} and {@link ItemMoves}, each
 * step on the {@link ReplayClock} pinned to its instant, in one transaction for the batch: any refusal rolls all of it
 * back. Legacy numbers imported before are skipped, so the same batch can be sent again.
 */
@ApplicationScoped
public class ApplicationImportService {

    private final ApplicationService applications;
    private final ItemMoves items;
    private final ReplayClock clock;
    private final EntityManager em;
    private final CurrentUser user;
    private final Clock wallClock;

    ApplicationImportService(ApplicationService applications, ItemMoves items, ReplayClock clock, EntityManager em,
            CurrentUser user, Clock wallClock) {
        this.applications = applications;
        this.items = items;
        this.clock = clock;
        this.em = em;
        this.user = user;
        this.wallClock = wallClock;
    }

    /** One transaction for the batch; a full batch of replays may take longer than the default minute. */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public ApplicationImportApi.Report importAll(List<ApplicationImportApi.ImportedApplication> batch) {
        Map<String, String> known = importedBefore(batch.stream().map(ApplicationImportApi.ImportedApplication::legacyNumber).toList());
        Set<String> seen = new HashSet<>();
        List<ApplicationImportApi.Imported> imported = new ArrayList<>();
        List<ApplicationImportApi.Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ApplicationImportApi.ImportedApplication a = batch.get(i);
            String legacy = a.legacyNumber().strip();
            if (known.containsKey(legacy)) {
                skipped.add(new ApplicationImportApi.Skipped(i, legacy, known.get(legacy), "旧系统编号 " + legacy + " 已导入为申请 "
                        + known.get(legacy) + "，跳过"));
            } else if (!seen.add(legacy)) {
                skipped.add(new ApplicationImportApi.Skipped(i, legacy, null, "旧系统编号 " + legacy + " 在本批中重复，跳过"));
            } else {
                imported.add(replay(i, legacy, a));
            }
        }
        return new ApplicationImportApi.Report(batch.size(), imported, skipped);
    }

    private ApplicationImportApi.Imported replay(int index, String legacy, ApplicationImportApi.ImportedApplication a) {
        Instant previous = a.submittedAt();
        int step = -1;
        try {
            ApplicationApi.ApplicationView view = clock.at(a.submittedAt(), () -> applications.submit(new ApplicationApi.Submit(
                    a.thing(), a.answers(), a.projectId(), a.applicantCreditCode(), Boolean.TRUE.equals(a.inPerson()))));
            for (step = 0; step < a.moves().size(); step++) {
                ApplicationImportApi.ImportedMove m = a.moves().get(step);
                if (m.at().isBefore(previous)) {
                    throw ProblemException.ruleViolated("MOVES_OUT_OF_ORDER", "办理时间 " + m.at() + " 早于上一步 " + previous);
                }
                if (m.move().ofItem() && (m.item() == null || m.item().isBlank())) {
                    throw ProblemException.invalidField("item", "事项动作 " + m.move() + " 须写事项代码");
                }
                previous = m.at();
                ApplicationApi.ApplicationView current = view;
                view = clock.at(m.at(), () -> move(current, m));
            }
            int claimed = em.createNativeQuery("INSERT INTO approval_import (legacy_number, application_id, imported_at, imported_by)"
                    + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (legacy_number) DO NOTHING").setParameter(1, legacy)
                    .setParameter(2, view.id()).setParameter(3, wallClock.instant()).setParameter(4, user.name()).executeUpdate();
            if (claimed == 0) {
                throw ProblemException.conflict("LEGACY_NUMBER_IMPORTED", "旧系统编号 " + legacy + " 已由另一次导入写入");
            }
            return new ApplicationImportApi.Imported(index, legacy, view.id(), view.number(), view.status());
        } catch (ProblemException e) {
            String where = "第 " + index + " 件（旧系统编号 " + legacy + "）" + (step < 0 ? "提交时" : "第 " + step + " 步（"
                    + a.moves().get(step).move() + "）");
            throw new ProblemException(422, "IMPORT_REFUSED", Problem.titleFor(422), where + "未通过（" + e.code() + "），整批未导入："
                    + e.getMessage(), e.errors());
        }
    }

    private ApplicationApi.ApplicationView move(ApplicationApi.ApplicationView view, ApplicationImportApi.ImportedMove m) {
        long v = view.version();
        List<String> materials = m.materials() == null ? List.of() : m.materials();
        boolean inPerson = Boolean.TRUE.equals(m.inPerson());
        return switch (m.move()) {
            case ACCEPT -> applications.accept(view.id(), v, m.note());
            case REQUEST_CORRECTION -> applications.requestCorrection(view.id(), v, materials, m.note());
            case SUPPLY -> applications.supply(view.id(), v, new ApplicationApi.Supply(v, materials, null, inPerson));
            case APPROVE -> items.approve(view.id(), m.item(), v, new ApplicationApi.Approve(v, m.department(), m.note()));
            case SIGN_OFF -> items.signOff(view.id(), m.item(), v, new ApplicationApi.SignOff(v, m.department(), m.note()));
            case REFUSE -> items.refuse(view.id(), m.item(), v, new ApplicationApi.Refuse(v, m.reason() == null ? "" : m.reason(),
                    m.department()));
            case ITEM_REQUEST_CORRECTION -> items.requestCorrection(view.id(), m.item(), v,
                    new ApplicationApi.ItemCorrection(v, materials, m.note()));
            case ITEM_SUPPLY -> items.supply(view.id(), m.item(), v, new ApplicationApi.ItemSupply(v, materials, inPerson));
        };
    }

    /** Legacy number → application number, of the numbers imported before. */
    private Map<String, String> importedBefore(List<String> legacyNumbers) {
        Map<String, String> known = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT i.legacy_number, a.number FROM approval_import i"
                + " JOIN approval_application a ON a.id = i.application_id WHERE i.legacy_number = ANY (CAST(?1 AS varchar[]))")
                .setParameter(1, legacyNumbers.stream().map(String::strip).toArray(String[]::new)).getResultList();
        rows.forEach(r -> known.put((String) r[0], (String) r[1]));
        return known;
    }
}
