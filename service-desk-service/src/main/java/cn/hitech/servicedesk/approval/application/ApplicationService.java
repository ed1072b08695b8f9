package cn.hitech.servicedesk.approval.application;

import static cn.hitech.servicedesk.approval.application.ApplicationStore.allowed;
import static cn.hitech.servicedesk.approval.application.ApplicationStore.details;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hitech.platform.domain.CreditCode;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.table.Tabular;
import cn.hitech.servicedesk.approval.AnswerCheck;
import cn.hitech.servicedesk.agency.Agency;
import cn.hitech.servicedesk.approval.ApprovalApi;
import cn.hitech.servicedesk.approval.ApprovalCatalogue;
import cn.hitech.servicedesk.approval.ThingDefinition;
import cn.hitech.servicedesk.approval.application.ApplicationStore.Actor;
import cn.hitech.servicedesk.approval.application.ApplicationStore.Locked;
import cn.hitech.servicedesk.directory.EnterpriseDirectory;

/**
 * 一表申请 / 一窗受理 and 预审: one submission, one number; the window clerk accepts (every applicable item starts at
 * once, each with its own deadline) or asks once for every missing material (一次性告知补正), which the applicant
 * supplies in one go. Visits (跑动次数) are counted as they happen: a submission or supply made in person is one.
 */
@ApplicationScoped
public class ApplicationService {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** 一次导出的上限: more rows than a spreadsheet is read by anyone; narrow the filters instead. */
    static final int EXPORT_LIMIT = 50_000;

    private final ApplicationStore store;
    private final ApplicationViews views;
    private final ApprovalCatalogue catalogue;
    private final AnswerCheck check;
    private final ApprovalDeadlines deadlines;
    private final LicenceLibrary library;
    private final EnterpriseDirectory directory;
    private final CurrentUser user;
    private final Agency agency;

    ApplicationService(ApplicationStore store, ApplicationViews views, ApprovalCatalogue catalogue, AnswerCheck check,
            ApprovalDeadlines deadlines, LicenceLibrary library, EnterpriseDirectory directory, CurrentUser user, Agency agency) {
        this.store = store;
        this.views = views;
        this.catalogue = catalogue;
        this.check = check;
        this.deadlines = deadlines;
        this.library = library;
        this.directory = directory;
        this.user = user;
        this.agency = agency;
    }

    /**
     * 一表申请: checks every answer (422 listing each, nothing stored), then one application at the newest version. An
     * agent with an authorisation (代办) applies as the enterprise would: in its name, online unless said otherwise.
     */
    @Transactional
    public ApplicationApi.ApplicationView submit(ApplicationApi.Submit request) {
        Optional<String> scope = agency.scopeForNew(Agency.APPROVALS, request.applicantCreditCode(), "applicantCreditCode");
        String applicant = applicant(request.applicantCreditCode(), scope);
        int version;
        try {
            version = catalogue.currentVersion(request.thing());
        } catch (ProblemException e) {
            throw ProblemException.ruleViolated("UNKNOWN_THING", "thing: 目录中没有一件事「" + request.thing() + "」");
        }
        // A published version never changes, and this one was committed before this transaction read its number.
        ThingDefinition def = catalogue.startedOn(request.thing(), version);
        AnswerCheck.Valid valid = check.requireValid(def, request.answers());
        Instant now = store.now();

        ApprovalApplication app = new ApprovalApplication();
        app.id = UUID.randomUUID();
        app.number = "YJS" + DAY.format(now.atZone(ZONE)) + String.format("%05d",
                store.nextNumber("approval_application_number_seq") % 100_000);
        app.thingCode = def.code();
        app.thingVersion = version;
        app.applicantCreditCode = applicant;
        app.applicantName = directory.find(applicant).map(e -> e.name)
                .orElseGet(() -> text(valid.answers(), "enterpriseName", "clinicName"));
        app.projectId = request.projectId() != null ? request.projectId() : projectId(valid.answers());
        app.answers = store.write(valid.answers());
        app.status = ApplicationStatus.SUBMITTED;
        app.submittedBy = user.name();
        app.submittedAt = now;
        app.touch(now);
        // The enterprise (itself or through its agent) applies online; the window clerk has the applicant in front of them.
        boolean inPerson = request.inPerson() != null ? request.inPerson() : scope.isEmpty();
        app.visits = inPerson ? 1 : 0;
        app.reusedCertificates = reused(app, valid.answers());
        store.em().persist(app);
        store.em().flush();
        createItems(app, valid.applicable());
        store.record(app, ApplicationTransition.SUBMIT, null, inPerson, details("thingVersion", app.thingVersion, "items",
                valid.applicable().stream().map(ThingDefinition.Item::code).toList(), "reusedCertificates", app.reusedCertificates),
                actor());
        store.em().flush();
        return views.view(app, scope.isPresent());
    }

    public ApplicationApi.ApplicationView get(UUID id) {
        Optional<String> scope = user.enterpriseScope();
        return views.view(store.find(id, scope), scope.isPresent());
    }

    /** Newest first; an enterprise sees its own only. */
    public PageView<ApplicationApi.ApplicationView> list(ApplicationStatus status, String thing, String creditCode, String department,
            int page, int size) {
        Optional<String> scope = user.enterpriseScope();
        ApplicationStore.Filter filter = filter(scope, status, thing, creditCode, department);
        int first = (int) Math.min((long) page * size, Integer.MAX_VALUE);
        List<ApplicationApi.ApplicationView> items = store.search(filter, first, size).stream()
                .map(a -> views.view(a, scope.isPresent())).toList();
        return new PageView<>(items, page, size, store.count(filter));
    }

    /** The list's every match as a table, newest first; more than {@link #EXPORT_LIMIT} is a 422. */
    public Tabular export(ApplicationStatus status, String thing, String creditCode, String department) {
        ApplicationStore.Filter filter = filter(user.enterpriseScope(), status, thing, creditCode, department);
        long matching = store.count(filter);
        if (matching > EXPORT_LIMIT) {
            throw ProblemException.ruleViolated("EXPORT_TOO_LARGE", "符合条件的申请共 " + matching + " 条，超过一次导出的上限 "
                    + EXPORT_LIMIT + " 条：请增加筛选条件（如状态、一件事、部门）后分批导出");
        }
        return ApplicationTable.of(store.search(filter, 0, EXPORT_LIMIT), store.itemsOf(filter), store::definition,
                store::departmentName, ZONE);
    }

    /** The list's matches counted per value of {@code columns} (rows of [value…, count]), with the list's scope and filters. */
    public List<Object[]> countBy(String columns, ApplicationStatus status, String thing, String creditCode, String department) {
        return store.countBy(filter(user.enterpriseScope(), status, thing, creditCode, department), columns);
    }

    /** An enterprise's scope wins over any credit code asked for; a department named must exist (400 otherwise). */
    private ApplicationStore.Filter filter(Optional<String> scope, ApplicationStatus status, String thing, String creditCode,
            String department) {
        String holder = scope.orElse(ApplicationStore.blankOr(creditCode));
        String owner = ApplicationStore.blankOr(department);
        if (owner != null && !store.isDepartment(owner)) {
            throw ProblemException.invalidField("department", "'" + department + "' 不是已登记的部门代码");
        }
        return new ApplicationStore.Filter(holder, status, ApplicationStore.blankOr(thing), owner);
    }

    /** 受理: every applicable item becomes its department's task, all running at once from now. */
    @Transactional
    public ApplicationApi.ApplicationView accept(UUID id, long version, String note) {
        Locked l = store.forChange(id, version, Optional.empty());
        ApprovalApplication app = l.app();
        allowed(app, ApplicationTransition.ACCEPT);
        Instant now = store.now();
        Actor actor = actor();
        app.status = ApplicationStatus.IN_PROGRESS;
        app.acceptedAt = now;
        app.acceptedBy = actor.name();
        store.record(app, ApplicationTransition.ACCEPT, ApplicationStatus.SUBMITTED, false, details("note", blankToNull(note)), actor);
        for (ApplicationItem item : l.items()) {
            ThingDefinition.Item d = l.definitionOf(item);
            ApplicationStore.allowed(app, item, d, ItemTransition.START);
            item.status = ItemStatus.IN_PROGRESS;
            item.startedAt = now;
            item.stepIndex = 0;
            item.stepStartedAt = now;
            item.dueBy = deadlines.dueBy(now, item.promisedDays);
            store.record(app, item, ItemTransition.START, ItemStatus.WAITING, d.steps().get(0).code(), item.departmentCode, false,
                    details("promisedDays", item.promisedDays, "dueBy", item.dueBy), actor);
        }
        return views.view(l, false);
    }

    /**
     * 一次性告知补正: every missing material at once, from the application's one set; only once per application (a second
     * request, before or after the supply, is a 409: what the clerk missed the first time is not the applicant's burden).
     */
    @Transactional
    public ApplicationApi.ApplicationView requestCorrection(UUID id, long version, List<String> materials, String note) {
        Locked l = store.forChange(id, version, Optional.empty());
        ApprovalApplication app = l.app();
        allowed(app, ApplicationTransition.REQUEST_CORRECTION);
        if (app.correctionRequestedAt != null) {
            throw ProblemException.conflict("CORRECTION_ALREADY_REQUESTED", "申请" + app.number + "已一次性告知补正，不能再次要求补正："
                    + "请受理后由承办部门在事项中要求补正");
        }
        Map<String, JsonNode> answers = store.answers(app);
        List<String> asked = checkMaterials(materials, views.materials(app, answers).stream().map(ApprovalApi.NoticeMaterial::code)
                .toList(), app.reusedCertificates, "一套材料");
        app.status = ApplicationStatus.CORRECTION_REQUESTED;
        app.correctionMaterials = asked;
        app.correctionNote = blankToNull(note);
        app.correctionRequestedAt = store.now();
        store.record(app, ApplicationTransition.REQUEST_CORRECTION, ApplicationStatus.SUBMITTED, false,
                details("materials", asked, "note", app.correctionNote), actor());
        return views.view(l, false);
    }

    /** 补正: the applicant brings every material asked for (and may correct answers); back to the clerk's 预审. */
    @Transactional
    public ApplicationApi.ApplicationView supply(UUID id, long version, ApplicationApi.Supply request) {
        Optional<String> scope = agency.scopeFor(Agency.APPROVALS, id);
        Locked l = store.forChange(id, version, scope);
        ApprovalApplication app = l.app();
        allowed(app, ApplicationTransition.SUPPLY);
        requireAll(app.correctionMaterials, request.materials(), l.definition());
        boolean answersChanged = false;
        if (request.answers() != null && !request.answers().isEmpty()) {
            Map<String, JsonNode> merged = new LinkedHashMap<>(store.answers(app));
            request.answers().forEach((k, v) -> {
                if (v == null || v.isNull()) {
                    merged.remove(k);
                } else {
                    merged.put(k, v);
                }
            });
            AnswerCheck.Valid valid = check.requireValid(l.definition(), merged);
            app.answers = store.write(valid.answers());
            app.reusedCertificates = reused(app, valid.answers());
            for (ApplicationItem item : l.items()) {
                store.em().remove(item);
            }
            store.em().flush();
            createItems(app, valid.applicable());
            answersChanged = true;
        }
        boolean inPerson = request.inPerson() != null ? request.inPerson() : scope.isEmpty();
        if (inPerson) {
            app.visits++;
        }
        app.status = ApplicationStatus.SUBMITTED;
        app.correctionSuppliedAt = store.now();
        store.record(app, ApplicationTransition.SUPPLY, ApplicationStatus.CORRECTION_REQUESTED, inPerson,
                details("materials", request.materials(), "answersChanged", answersChanged), actor());
        return views.view(app, scope.isPresent());
    }

    public List<ApplicationApi.MoveView> moves(UUID id) {
        store.find(id, Optional.empty());
        return store.moves(id).stream().map(m -> new ApplicationApi.MoveView(m.id, m.itemCode, m.move, m.fromStatus, m.toStatus,
                m.stepCode, m.department, m.visit, m.actor, m.actorRole, m.occurredAt, m.details, m.onBehalfOf)).toList();
    }

    private void createItems(ApprovalApplication app, List<ThingDefinition.Item> applicable) {
        int position = 1;
        for (ThingDefinition.Item d : applicable) {
            ApplicationItem item = new ApplicationItem();
            item.id = UUID.randomUUID();
            item.applicationId = app.id;
            item.itemCode = d.code();
            item.thingCode = app.thingCode;
            item.thingVersion = app.thingVersion;
            item.departmentCode = d.department();
            item.position = position++;
            item.status = ItemStatus.WAITING;
            item.promisedDays = d.promisedDays();
            store.em().persist(item);
        }
    }

    private Map<String, String> reused(ApprovalApplication app, Map<String, JsonNode> answers) {
        List<String> codes = views.materials(app, answers).stream().map(ApprovalApi.NoticeMaterial::code).toList();
        return library.proving(app.applicantCreditCode, codes, deadlines.date(store.now()));
    }

    /**
     * The materials asked for, each once: every code must be one of {@code allowed}, and not one a certificate in the
     * library already proves; else one 422 naming each bad code.
     */
    static List<String> checkMaterials(List<String> materials, List<String> allowed, Map<String, String> proven, String where) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> asked = new LinkedHashSet<>();
        for (int i = 0; i < materials.size(); i++) {
            String code = materials.get(i).strip();
            if (!allowed.contains(code)) {
                errors.add(new Problem.FieldError("materials[" + i + "]", "「" + code + "」不在" + where + "中"));
            } else if (proven != null && proven.containsKey(code)) {
                errors.add(new Problem.FieldError("materials[" + i + "]", "「" + code + "」已有证照（" + proven.get(code)
                        + "），免于提交，不能要求补正"));
            } else {
                asked.add(code);
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "INVALID_MATERIALS", Problem.titleFor(422), "补正材料有 " + errors.size() + " 处问题："
                    + String.join("；", errors.stream().map(e -> e.field() + " " + e.message()).toList()), errors);
        }
        return List.copyOf(asked);
    }

    /** A supply brings every material asked for: 422 naming those still missing. */
    static void requireAll(List<String> asked, List<String> supplied, ThingDefinition def) {
        List<String> missing = asked.stream().filter(m -> supplied.stream().map(String::strip).noneMatch(m::equals)).toList();
        if (!missing.isEmpty()) {
            Map<String, String> names = new LinkedHashMap<>();
            def.materials().forEach(m -> names.put(m.code(), m.name()));
            throw new ProblemException(422, "MATERIALS_MISSING", Problem.titleFor(422), "还缺 " + missing.size() + " 件补正材料："
                    + String.join("、", missing.stream().map(m -> names.getOrDefault(m, m) + "（" + m + "）").toList()),
                    missing.stream().map(m -> new Problem.FieldError("materials", "缺少「" + names.getOrDefault(m, m) + "」")).toList());
        }
    }

    private String applicant(String named, Optional<String> scope) {
        if (scope.isPresent()) {
            if (named != null && !named.isBlank() && !named.strip().equals(scope.get())) {
                throw ProblemException.ruleViolated("NOT_YOUR_ENTERPRISE", "applicantCreditCode: 企业账号只能以本企业名义申请");
            }
            return scope.get();
        }
        if (named == null || named.isBlank()) {
            throw ProblemException.invalidField("applicantCreditCode", "窗口代企业申请时须填写申请企业的统一社会信用代码");
        }
        CreditCode.problem(named.strip()).ifPresent(p -> {
            throw ProblemException.invalidField("applicantCreditCode", p);
        });
        return named.strip();
    }

    private static UUID projectId(Map<String, JsonNode> answers) {
        JsonNode value = answers.get("projectId");
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(value.asText().strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(Map<String, JsonNode> answers, String... fields) {
        for (String f : fields) {
            JsonNode v = answers.get(f);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText().strip();
            }
        }
        return null;
    }

    private Actor actor() {
        return new Actor(user.name(), user.role(), user.onBehalfOf().orElse(null));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
