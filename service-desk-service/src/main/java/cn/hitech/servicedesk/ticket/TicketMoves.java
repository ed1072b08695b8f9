package cn.hitech.servicedesk.ticket;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.hitech.platform.events.ticket.TicketResolved;
import cn.hitech.platform.events.ticket.TicketStatusChanged;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.platform.web.Roles;
import cn.hitech.servicedesk.clock.ReplayClock;
import cn.hitech.servicedesk.department.Department;
import cn.hitech.servicedesk.department.DepartmentService;
import cn.hitech.servicedesk.knowledge.ArticleStatus;
import cn.hitech.servicedesk.knowledge.KnowledgeApi;
import cn.hitech.servicedesk.knowledge.KnowledgeService;

/**
 * The moves of a ticket after registration, each a method named from the domain. Every one names the version the
 * caller read, goes through {@link #move} (the one place a ticket's status changes: checked against
 * {@link TicketTransition}, kept in the move history, audited and evented) and counts time on the one calendar.
 */
@ApplicationScoped
public class TicketMoves {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** 重办: after this many reopenings the next handling goes to 督办. */
    static final int REOPENINGS_BEFORE_SUPERVISION = 2;

    private final EntityManager em;
    private final DepartmentService departments;
    private final TicketDeadlines deadlines;
    private final TicketMapper mapper;
    private final Outbox outbox;
    private final Audit audit;
    private final CurrentUser user;
    private final ReplayClock clock;
    private final KnowledgeService knowledge;

    TicketMoves(EntityManager em, DepartmentService departments, TicketDeadlines deadlines, TicketMapper mapper, Outbox outbox,
            Audit audit, CurrentUser user, ReplayClock clock, KnowledgeService knowledge) {
        this.em = em;
        this.departments = departments;
        this.deadlines = deadlines;
        this.mapper = mapper;
        this.outbox = outbox;
        this.audit = audit;
        this.user = user;
        this.clock = clock;
        this.knowledge = knowledge;
    }

    /** 派单 (again after a 退单): to a 主办 department with optional 协办 ones; the sign and resolve limits start now. */
    @Transactional
    public TicketApi.TicketView dispatch(UUID id, long version, TicketApi.Dispatch request) {
        Ticket t = forChange(id, version, Optional.empty());
        allowed(t, TicketTransition.DISPATCH);
        Department lead = department(request.department(), "department");
        List<Department> assisting = new ArrayList<>();
        for (String code : new LinkedHashSet<>(request.assistingDepartments() == null ? List.of() : request.assistingDepartments())) {
            if (!code.equals(lead.code)) {
                assisting.add(department(code, "assistingDepartments"));
            }
        }
        return dispatchTo(t, lead, assisting, request.note(), currentUser());
    }

    /**
     * 自动派单: the system dispatches a ticket it has just registered (a project problem, routed by its category), in the
     * transaction of the registration; the same move, deadlines and event as a dispatcher's, by actor {@code system}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TicketApi.TicketView dispatchBySystem(Ticket t, Department lead, String note) {
        allowed(t, TicketTransition.DISPATCH);
        return dispatchTo(t, lead, List.of(), note, Actor.SYSTEM);
    }

    private TicketApi.TicketView dispatchTo(Ticket t, Department lead, List<Department> assisting, String note, Actor actor) {
        Instant now = clock.instant();
        t.departmentCode = lead.code;
        t.assistingDepartments = TicketMapper.joined(assisting);
        t.dispatchedAt = now;
        t.signBy = deadlines.signBy(now, t.urgent);
        t.signedAt = null;
        t.resolveBy = deadlines.resolveBy(now, t.category);
        t.returnReason = null;
        return move(t, TicketTransition.DISPATCH, details("department", lead.code, "assistingDepartments",
                TicketMapper.codes(t.assistingDepartments), "note", note), actor);
    }

    /** 直接答复: the operator answers at intake and the ticket closes. */
    @Transactional
    public TicketApi.TicketView answer(UUID id, long version, String answer) {
        return answer(id, version, answer, null);
    }

    /**
     * 直接答复 from the knowledge base: a published article's answer (or the operator's own words, citing the article);
     * without {@code articleId} the operator's words alone. Children merged into the ticket close with it.
     */
    @Transactional
    public TicketApi.TicketView answer(UUID id, long version, String answer, UUID articleId) {
        Ticket t = forChange(id, version, Optional.empty());
        allowed(t, TicketTransition.ANSWER);
        String text = blankToNull(answer);
        if (articleId != null) {
            KnowledgeApi.ArticleView article = publishedArticle(articleId);
            text = text != null ? text : article.answer().strip();
        }
        if (text == null) {
            throw ProblemException.invalidField("answer", "请填写答复内容，或引用已发布的知识库条目（articleId）");
        }
        if (text.length() > 4000) {
            throw ProblemException.ruleViolated("ANSWER_TOO_LONG", "知识库条目的答复超过 4000 字，不能直接作为答复，请摘要后填写 answer");
        }
        t.reply = text;
        t.knowledgeArticleId = articleId;
        t.closedAt = clock.instant();
        TicketApi.TicketView view = move(t, TicketTransition.ANSWER, details("answer", t.reply, "articleId", articleId));
        childrenFollow(t, TicketTransition.PARENT_CLOSED);
        return view;
    }

    /** Only a published article answers an enterprise: a draft is not checked yet, an archived one no longer holds. */
    private KnowledgeApi.ArticleView publishedArticle(UUID articleId) {
        KnowledgeApi.ArticleView article;
        try {
            article = knowledge.get(articleId, false);
        } catch (ProblemException e) {
            throw ProblemException.ruleViolated("UNKNOWN_ARTICLE", "articleId: 知识库条目 " + articleId + " 不存在");
        }
        if (article.status() != ArticleStatus.PUBLISHED) {
            throw ProblemException.ruleViolated("ARTICLE_NOT_PUBLISHED", "知识库条目「" + article.title() + "」当前为「"
                    + article.statusLabel() + "」，只有已发布的条目可以用于直接答复");
        }
        return article;
    }

    /** 签收: the department takes the order. */
    @Transactional
    public TicketApi.TicketView signFor(UUID id, long version) {
        Ticket t = forChange(id, version, Optional.empty());
        allowed(t, TicketTransition.SIGN);
        t.signedAt = clock.instant();
        return move(t, TicketTransition.SIGN, details("signBy", t.signBy, "inTime", !t.signedAt.isAfter(t.signBy)));
    }

    /** 退单: a misrouted order goes back to the dispatcher, with the reason, within the return limit after dispatch. */
    @Transactional
    public TicketApi.TicketView returnToDispatcher(UUID id, long version, String reason) {
        Ticket t = forChange(id, version, Optional.empty());
        allowed(t, TicketTransition.RETURN);
        Instant returnBy = deadlines.returnBy(t.dispatchedAt);
        if (clock.instant().isAfter(returnBy)) {
            throw ProblemException.ruleViolated("RETURN_TOO_LATE", "退单须在派单后 " + deadlines.limits().returnDays()
                    + " 个工作日内提出（截止 " + shown(returnBy) + "），已超过退单时限，请继续办理或申请延期");
        }
        t.returnReason = reason.strip();
        // Kept in the move, so a refused return (驳回退单) gives the department back the deadlines it had.
        Map<String, Object> details = details("reason", t.returnReason, "department", t.departmentCode, "signBy", t.signBy,
                "signedAt", t.signedAt, "resolveBy", t.resolveBy);
        t.signBy = null;
        t.signedAt = null;
        t.resolveBy = null;
        return move(t, TicketTransition.RETURN, details);
    }

    /**
     * 驳回退单: the dispatcher holds the department to the order. It goes back to that department in the status it was
     * returned from, with the deadlines it had then: the time it stood returned is not given back, because the
     * department's misjudgement must not buy it time. The return and its reason stay in the history.
     */
    @Transactional
    public TicketApi.TicketView refuseReturn(UUID id, long version, String reason) {
        Ticket t = forChange(id, version, Optional.empty());
        allowed(t, TicketTransition.REFUSE_RETURN);
        TicketMove returned = lastMove(t.id, TicketTransition.RETURN).orElseThrow(() -> ProblemException.conflict(
                "TRANSITION_NOT_ALLOWED", "工单" + t.number + "没有退单记录，不能驳回退单"));
        Map<String, Object> was = returned.details;
        t.signBy = Optional.ofNullable(instantOf(was.get("signBy"))).orElseGet(() -> deadlines.signBy(t.dispatchedAt, t.urgent));
        t.resolveBy = Optional.ofNullable(instantOf(was.get("resolveBy")))
                .orElseGet(() -> deadlines.resolveBy(t.dispatchedAt, t.category));
        t.signedAt = returned.fromStatus != TicketStatus.SIGNED ? null : Optional.ofNullable(instantOf(was.get("signedAt")))
                .orElseGet(() -> lastMove(t.id, TicketTransition.SIGN).map(m -> m.occurredAt).orElse(returned.occurredAt));
        String returnReason = t.returnReason;
        t.returnReason = null;
        return move(t, TicketTransition.REFUSE_RETURN, details("reason", reason.strip(), "returnReason", returnReason,
                "returnedAt", returned.occurredAt, "signBy", t.signBy, "resolveBy", t.resolveBy), currentUser(), returned.fromStatus);
    }

    private Optional<TicketMove> lastMove(UUID ticketId, TicketTransition transition) {
        return em.createQuery("from TicketMove where ticketId = :id and move = :move order by id desc", TicketMove.class)
                .setParameter("id", ticketId).setParameter("move", transition.pathName()).setMaxResults(1).getResultList().stream()
                .findFirst();
    }

    /** An instant kept in a move's details: ISO text, or epoch seconds as the JSON mapper may write them. */
    private static Instant instantOf(Object value) {
        if (value instanceof Number n) {
            BigDecimal seconds = new BigDecimal(n.toString());
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return value == null ? null : Instant.parse(value.toString());
    }

    /** 申请延期: the department asks for more working days; all approved extensions stay within the limit. */
    @Transactional
    public TicketApi.TicketView requestExtension(UUID id, long version, int days, String reason) {
        Ticket t = forChange(id, version, Optional.empty());
        allowed(t, TicketTransition.EXTENSION);
        if (t.extensionDaysAsked != null) {
            throw ProblemException.conflict("EXTENSION_PENDING", "已有待审批的延期申请（" + t.extensionDaysAsked + " 个工作日），请等待审批");
        }
        int max = deadlines.limits().maxExtensionDays();
        if (t.extensionDaysGranted + days > max) {
            throw ProblemException.ruleViolated("EXTENSION_LIMIT", "延期累计不得超过 " + max + " 个工作日：已批准 "
                    + t.extensionDaysGranted + " 个工作日，本次最多可申请 " + (max - t.extensionDaysGranted) + " 个工作日");
        }
        t.extensionDaysAsked = days;
        t.extensionReason = reason.strip();
        return move(t, TicketTransition.EXTENSION, details("days", days, "reason", t.extensionReason));
    }

    /** 批准延期: the asked working days are added to the resolve deadline. */
    @Transactional
    public TicketApi.TicketView approveExtension(UUID id, long version) {
        Ticket t = forChange(id, version, Optional.empty());
        allowed(t, TicketTransition.APPROVE_EXTENSION);
        if (t.extensionDaysAsked == null) {
            throw ProblemException.conflict("NO_EXTENSION_REQUESTED", "工单" + t.number + "没有待审批的延期申请");
        }
        int days = t.extensionDaysAsked;
        Instant before = t.resolveBy;
        t.resolveBy = deadlines.extended(t.resolveBy, days);
        t.extensionDaysGranted += days;
        t.extensionDaysAsked = null;
        return move(t, TicketTransition.APPROVE_EXTENSION, details("days", days, "resolveByBefore", before, "resolveBy", t.resolveBy));
    }

    /** 驳回延期: the pending request is cleared with the reason; the resolve deadline stands. */
    @Transactional
    public TicketApi.TicketView rejectExtension(UUID id, long version, String reason) {
        Ticket t = forChange(id, version, Optional.empty());
        allowed(t, TicketTransition.REJECT_EXTENSION);
        if (t.extensionDaysAsked == null) {
            throw ProblemException.conflict("NO_EXTENSION_REQUESTED", "工单" + t.number + "没有待审批的延期申请");
        }
        Map<String, Object> details = details("days", t.extensionDaysAsked, "reason", reason.strip(), "requestReason",
                t.extensionReason, "resolveBy", t.resolveBy);
        t.extensionDaysAsked = null;
        t.extensionReason = null;
        return move(t, TicketTransition.REJECT_EXTENSION, details);
    }

    /** 挂起: waiting for the enterprise; the resolve clock stands still from now. */
    @Transactional
    public TicketApi.TicketView suspend(UUID id, long version, String reason) {
        Ticket t = forChange(id, version, Optional.empty());
        allowed(t, TicketTransition.SUSPEND);
        t.suspendedAt = clock.instant();
        return move(t, TicketTransition.SUSPEND, details("reason", reason.strip()));
    }

    /**
     * 恢复办理: the resolve deadline moves on by the working time the ticket stood suspended, so the count resumes where
     * it stood. A ticket suspended after its deadline had passed stays overdue: the pause cannot buy back lost time.
     */
    @Transactional
    public TicketApi.TicketView resume(UUID id, long version) {
        Ticket t = forChange(id, version, Optional.empty());
        allowed(t, TicketTransition.RESUME);
        return resumed(t, currentUser(), null);
    }

    /**
     * 补充材料: the enterprise (or staff on its behalf) supplies what the suspension asked for; the material is kept and
     * the ticket resumes at once, by actor {@code system}, as a resume would (the deadline moves on by the paused time).
     */
    @Transactional
    public TicketApi.TicketView supplyMaterial(UUID id, long version, TicketApi.SupplyMaterial request, Optional<String> enterpriseScope) {
        Ticket t = forChange(id, version, enterpriseScope);
        allowed(t, TicketTransition.SUPPLY_MATERIAL);
        Actor actor = currentUser();
        TicketMaterial material = new TicketMaterial();
        material.id = UUID.randomUUID();
        material.ticketId = t.id;
        material.text = request.text().strip();
        material.attachments = (request.attachments() == null ? List.<TicketApi.Attachment>of() : request.attachments()).stream()
                .map(a -> Map.of("name", a.name().strip(), "url", a.url().strip())).toList();
        material.submittedBy = actor.name();
        material.submittedRole = actor.role();
        material.submittedAt = clock.instant();
        em.persist(material);
        move(t, TicketTransition.SUPPLY_MATERIAL, details("materialId", material.id, "attachments", material.attachments.size()), actor);
        resumed(t, Actor.SYSTEM, material.id);
        return mapper.viewFor(t, enterpriseScope);
    }

    private TicketApi.TicketView resumed(Ticket t, Actor actor, UUID materialId) {
        Duration paused = Duration.ZERO;
        if (t.suspendedAt.isBefore(t.resolveBy)) {
            paused = deadlines.workingTimeBetween(t.suspendedAt, clock.instant());
            t.resolveBy = deadlines.later(t.resolveBy, paused);
        }
        t.pausedMinutes += paused.toMinutes();
        Instant since = t.suspendedAt;
        t.suspendedAt = null;
        return move(t, TicketTransition.RESUME, details("suspendedAt", since, "pausedWorkingMinutes", paused.toMinutes(),
                "resolveBy", t.resolveBy, "materialId", materialId), actor);
    }

    /** 办结: the department replies; the call-back limit starts. Also tells the project service, through {@code ticket.resolved}. */
    @Transactional
    public TicketApi.TicketView resolve(UUID id, long version, String reply, String outcome) {
        Ticket t = forChange(id, version, Optional.empty());
        allowed(t, TicketTransition.RESOLVE);
        Instant now = clock.instant();
        t.reply = reply.strip();
        t.outcome = outcome == null || outcome.isBlank() ? null : outcome.strip();
        t.resolvedAt = now;
        t.callBackBy = deadlines.callBackBy(now);
        TicketApi.TicketView view = move(t, TicketTransition.RESOLVE, details("reply", t.reply, "outcome", t.outcome,
                "resolveBy", t.resolveBy, "inTime", !now.isAfter(t.resolveBy), "extensionDays", t.extensionDaysGranted));
        // problemId is set on a ticket taken up from a project problem, so the project service closes the problem with
        // this reply and number; a hotline ticket has none, which the contract allows.
        publishResolved(t, t);
        childrenFollow(t, TicketTransition.PARENT_RESOLVED);
        return view;
    }

    private void publishResolved(Ticket t, Ticket resolvedBy) {
        outbox.publish(TicketResolved.TYPE, new TicketResolved(t.id, t.number, t.enterpriseCreditCode, t.problemId, t.reply,
                departments.name(resolvedBy.departmentCode).orElse(resolvedBy.departmentCode), t.resolvedAt));
    }

    /**
     * 回访: the enterprise's rating. Satisfied, basically satisfied, or solved: the ticket closes. Unsatisfied and not
     * solved: 重办, back to the same department with a new resolve limit from now.
     */
    @Transactional
    public TicketApi.TicketView callBack(UUID id, long version, TicketApi.CallBack request, Optional<String> enterpriseScope) {
        Ticket t = forChange(id, version, enterpriseScope);
        boolean reopen = request.satisfaction() == Satisfaction.UNSATISFIED && !request.solved();
        TicketTransition transition = reopen ? TicketTransition.REOPEN : TicketTransition.CALL_BACK;
        allowed(t, transition);
        Instant now = clock.instant();
        t.satisfaction = request.satisfaction();
        t.solved = request.solved();
        Map<String, Object> details = details("satisfaction", t.satisfaction, "solved", t.solved, "note", request.note(),
                "callBackBy", t.callBackBy, "inTime", !now.isAfter(t.callBackBy));
        if (reopen) {
            t.reopenCount++;
            t.resolveBy = deadlines.resolveBy(now, t.category);
            t.resolvedAt = null;
            t.callBackBy = null;
            details.put("resolveBy", t.resolveBy);
        } else {
            t.closedAt = now;
        }
        TicketApi.TicketView view = move(t, transition, details);
        if (reopen) {
            // Children already closed stay closed; those still merged follow the parent's next 办结.
            return superviseIfReopenedTwice(t).orElse(view);
        }
        childrenFollow(t, TicketTransition.PARENT_CLOSED);
        return view;
    }

    /** 重办 twice: the 3rd handling goes to 督办, by actor {@code system}, with the new resolve deadline as its own. */
    private Optional<TicketApi.TicketView> superviseIfReopenedTwice(Ticket t) {
        if (t.reopenCount < REOPENINGS_BEFORE_SUPERVISION || t.supervisedAt != null) {
            return Optional.empty();
        }
        return Optional.of(supervised(t, t.resolveBy, "第 " + (t.reopenCount + 1) + " 次办理（已重办 " + t.reopenCount + " 次），转督办",
                "reopened", Actor.SYSTEM));
    }

    /** 催办: the status stays; the count and the time of the last urge go on the ticket. */
    @Transactional
    public TicketApi.TicketView urge(UUID id, long version, String note) {
        Ticket t = forChange(id, version, Optional.empty());
        allowed(t, TicketTransition.URGE);
        return urged(t, blankToNull(note), null, currentUser());
    }

    /** 督办: under supervision until a deadline of its own, which must lie ahead on the domain clock. */
    @Transactional
    public TicketApi.TicketView supervise(UUID id, long version, String deadline, String note) {
        Ticket t = forChange(id, version, Optional.empty());
        allowed(t, TicketTransition.SUPERVISE);
        Instant by = supervisionDeadline(deadline);
        if (!by.isAfter(clock.instant())) {
            throw ProblemException.ruleViolated("SUPERVISION_DEADLINE_PAST", "督办时限 " + shown(by) + " 不晚于当前时间 "
                    + shown(clock.instant()) + "，请给出今后的时限");
        }
        return supervised(t, by, note.strip(), "manager", currentUser());
    }

    /**
     * 催办 by the supervision job: the ticket's running limit turned yellow. In the job's transaction, as actor
     * {@code system}; false (nothing moved) when its status allows no urge.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean urgeBySystem(Ticket t, TicketDeadlines.Sla sla) {
        if (!TicketTransition.URGE.allowedFrom(t.status)) {
            return false;
        }
        urged(t, sla.limitLabel() + "剩余不足（" + sla.workingMinutesLeft() + " 个工作分钟，截止 " + shown(sla.deadline()) + "），系统自动催办",
                sla, Actor.SYSTEM);
        return true;
    }

    /**
     * 督办 by the supervision job: the ticket's running limit is overdue; its own deadline is one working day from now.
     * False (nothing moved) when its status allows none or it stands under supervision already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean superviseBySystem(Ticket t, TicketDeadlines.Sla sla) {
        if (!TicketTransition.SUPERVISE.allowedFrom(t.status) || t.supervisedAt != null) {
            return false;
        }
        supervised(t, deadlines.supervisionBy(clock.instant()), sla.limitLabel() + "已超期（截止 " + shown(sla.deadline())
                + "），系统自动转督办", "overdue", Actor.SYSTEM);
        return true;
    }

    private TicketApi.TicketView urged(Ticket t, String note, TicketDeadlines.Sla sla, Actor actor) {
        t.urgeCount++;
        t.lastUrgedAt = clock.instant();
        return move(t, TicketTransition.URGE, details("note", note, "urgeCount", t.urgeCount,
                "limit", sla == null ? null : sla.limit(), "deadline", sla == null ? null : sla.deadline()), actor);
    }

    private TicketApi.TicketView supervised(Ticket t, Instant by, String note, String source, Actor actor) {
        Instant before = t.superviseBy;
        t.supervisedAt = t.supervisedAt == null ? clock.instant() : t.supervisedAt;
        t.supervisedBy = actor.name();
        t.superviseBy = by;
        t.supervisionNote = note;
        return move(t, TicketTransition.SUPERVISE, details("deadline", by, "deadlineBefore", before, "note", note, "source", source),
                actor);
    }

    /** A supervision deadline as given: an instant with its offset, or a date (the end of office hours that day). */
    private Instant supervisionDeadline(String given) {
        String value = given.strip();
        try {
            if (value.length() == 10) {
                return deadlines.endOfOfficeHours(LocalDate.parse(value));
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("deadline", "督办时限格式不正确：应为日期（2026-02-16）或带时区的时刻（2026-02-16T17:30:00+08:00）");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * 重办 because the project problem it resolved was opened again: back to the same department with a new resolve limit
     * from now, by actor {@code system}, with the project's reason. A ticket that does not stand 办结 (still in hand, or
     * closed after its call-back) is not moved: the refusal is audited and false returned, so the event is consumed and
     * never retried into a loop.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reopenForProblem(Ticket t, String reason, String reopenedBy) {
        if (!TicketTransition.REOPEN.allowedFrom(t.status)) {
            audit.record("ticket", t.id.toString(), "reopen-refused", details("status", t.status, "problemId", t.problemId,
                    "reason", reason, "reopenedBy", reopenedBy));
            return false;
        }
        Instant now = clock.instant();
        t.reopenCount++;
        t.resolveBy = deadlines.resolveBy(now, t.category);
        t.resolvedAt = null;
        t.callBackBy = null;
        move(t, TicketTransition.REOPEN, details("reason", reason, "source", "project-problem", "problemId", t.problemId,
                "reopenedBy", reopenedBy, "resolveBy", t.resolveBy), Actor.SYSTEM);
        superviseIfReopenedTwice(t);
        return true;
    }

    /**
     * 并单: a duplicate goes into its parent (by id or number) and stops: no clock runs on it. It must be open and not a
     * parent itself (one level of merging, so an outcome reaches every child at once); the parent must be open and not
     * merged. Merged into a parent already resolved, it takes the parent's reply at once.
     */
    @Transactional
    public TicketApi.TicketView merge(UUID id, long version, String parent, String reason) {
        Ticket t = forChange(id, version, Optional.empty());
        allowed(t, TicketTransition.MERGE);
        Ticket into = parentTicket(parent.strip());
        if (into.id.equals(t.id)) {
            throw ProblemException.ruleViolated("MERGE_INTO_ITSELF", "parent: 工单" + t.number + "不能并入它自己");
        }
        if (into.status == TicketStatus.MERGED || into.status == TicketStatus.CLOSED) {
            throw ProblemException.conflict("PARENT_NOT_OPEN", "主工单" + into.number + "当前为「" + into.status.label()
                    + "」，不能再并入工单：请并入仍在办理的工单");
        }
        long children = em.createQuery("select count(c) from Ticket c where c.mergedInto = :id", Long.class).setParameter("id", t.id)
                .getSingleResult();
        if (children > 0) {
            throw ProblemException.conflict("HAS_MERGED_CHILDREN", "工单" + t.number + "已有 " + children
                    + " 张工单并入，不能再并入其他工单：请把主工单与其子单一并处理");
        }
        t.mergedInto = into.id;
        t.mergedAt = clock.instant();
        t.suspendedAt = null;
        t.extensionDaysAsked = null;
        TicketApi.TicketView view = move(t, TicketTransition.MERGE, details("mergedInto", into.number, "parent", into.id,
                "reason", blankToNull(reason), "department", t.departmentCode));
        if (into.status == TicketStatus.RESOLVED) {
            follow(t, into, TicketTransition.PARENT_RESOLVED);
            return mapper.view(t);
        }
        return view;
    }

    /** The parent named by id or number, locked so it cannot be merged away or closed while a child goes in. */
    private Ticket parentTicket(String parent) {
        Optional<Ticket> found;
        try {
            found = Optional.ofNullable(em.find(Ticket.class, UUID.fromString(parent), LockModeType.PESSIMISTIC_WRITE));
        } catch (IllegalArgumentException notAnId) {
            found = em.createQuery("from Ticket where number = :number", Ticket.class).setParameter("number", parent)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().stream().findFirst();
        }
        return found.orElseThrow(() -> ProblemException.ruleViolated("UNKNOWN_PARENT", "parent: 主工单 " + parent + " 不存在"));
    }

    /**
     * Children follow the parent's outcome: each merged child records the parent's reply, as its own move by actor
     * {@code system} (history row and event), so its enterprise sees the answer.
     */
    private void childrenFollow(Ticket parent, TicketTransition transition) {
        em.createQuery("from Ticket where mergedInto = :id and status = :merged order by mergedAt, number", Ticket.class)
                .setParameter("id", parent.id).setParameter("merged", TicketStatus.MERGED).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().forEach(child -> follow(child, parent, transition));
    }

    private void follow(Ticket child, Ticket parent, TicketTransition transition) {
        child.reply = parent.reply;
        child.outcome = parent.outcome;
        if (transition == TicketTransition.PARENT_RESOLVED) {
            child.resolvedAt = parent.resolvedAt;
        } else {
            child.closedAt = parent.closedAt;
        }
        move(child, transition, details("mergedInto", parent.number, "parent", parent.id, "reply", parent.reply), Actor.SYSTEM);
        if (transition == TicketTransition.PARENT_RESOLVED && child.problemId != null) {
            // A child taken up from a project problem closes that problem too, with the parent's reply.
            publishResolved(child, parent);
        }
    }

    /** The move history of a ticket, oldest first (for staff: it holds the departments' internal reasons). */
    public List<TicketApi.MoveView> history(UUID id) {
        if (em.find(Ticket.class, id) == null) {
            throw ProblemException.notFound("ticket", id);
        }
        return em.createQuery("from TicketMove where ticketId = :id order by id", TicketMove.class).setParameter("id", id)
                .getResultStream().map(mapper::view).toList();
    }

    /** Refuses a move the ticket's status does not allow, naming where it stands and the move; changes nothing. */
    private static void allowed(Ticket t, TicketTransition transition) {
        if (!transition.allowedFrom(t.status)) {
            throw ProblemException.conflict("TRANSITION_NOT_ALLOWED", "工单" + t.number + "当前为「" + t.status.label() + "」，不能"
                    + transition.label() + "：只有「" + transition.fromLabels() + "」的工单可以" + transition.label());
        }
    }

    /** The one place a ticket's status changes: history row, audit and event in the transaction of the change. */
    private TicketApi.TicketView move(Ticket t, TicketTransition transition, Map<String, Object> details) {
        return move(t, transition, details, currentUser());
    }

    private TicketApi.TicketView move(Ticket t, TicketTransition transition, Map<String, Object> details, Actor actor) {
        return move(t, transition, details, actor, null);
    }

    /**
     * {@code restored}: for a move that puts the ticket back where an earlier one took it from, that status. A merged
     * child's moves carry no department: the parent's moves are the department's work, so nothing counts twice.
     */
    private TicketApi.TicketView move(Ticket t, TicketTransition transition, Map<String, Object> details, Actor actor,
            TicketStatus restored) {
        Instant now = clock.instant();
        TicketStatus from = t.status;
        if (transition.restores() != (restored != null) || restored != null && !TicketTransition.RETURN.allowedFrom(restored)) {
            throw new IllegalStateException(transition + " cannot restore " + restored);
        }
        t.status = restored != null ? restored : transition.to(from);
        String department = t.mergedInto == null ? t.departmentCode : null;
        t.touch(now);
        TicketMove row = new TicketMove();
        row.ticketId = t.id;
        row.move = transition.pathName();
        row.fromStatus = from;
        row.toStatus = t.status;
        row.department = department;
        row.actor = actor.name();
        row.actorRole = actor.role();
        row.onBehalfOf = actor.onBehalfOf();
        row.occurredAt = now;
        row.details = details;
        em.persist(row);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", from);
        summary.put("to", t.status);
        summary.putAll(details);
        if (row.onBehalfOf != null) {
            summary.put("onBehalfOf", row.onBehalfOf);
        }
        audit.record("ticket", t.id.toString(), transition.pathName(), summary);
        outbox.publish(TicketStatusChanged.TYPE, new TicketStatusChanged(t.id, t.number, t.enterpriseCreditCode, transition.pathName(),
                from.name(), t.status.name(), department, TicketMapper.codes(t.assistingDepartments), t.signBy, t.resolveBy,
                t.callBackBy, row.actor, now));
        em.flush();
        // An enterprise moves its own tickets (回访, 补充材料), itself or through its agent, and sees them as it always does:
        // without internal notes.
        return Roles.ENTERPRISE.equals(actor.role()) || actor.onBehalfOf() != null ? TicketMapper.redacted(mapper.view(t))
                : mapper.view(t);
    }

    /** The ticket locked for a change, after checking the version the caller read; outside the scope it does not exist. */
    private Ticket forChange(UUID id, long version, Optional<String> enterpriseScope) {
        Ticket t = em.find(Ticket.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (t == null || !CurrentUser.allows(enterpriseScope, t.enterpriseCreditCode)) {
            throw ProblemException.notFound("ticket", id);
        }
        t.expectVersion(version, "工单" + t.number);
        return t;
    }

    /**
     * Who makes a move: the signed-in user, or the system acting on a consumed event (no request, no token). An agent acting
     * for an enterprise (代办) names it in {@code onBehalfOf}: the header reaches only endpoints marked
     * {@code @ActsForEnterprise}, each of which has had the authorisation checked ({@code Agency}) before it moves anything.
     */
    private record Actor(String name, String role, String onBehalfOf) {
        static final Actor SYSTEM = new Actor("system", "SYSTEM", null);
    }

    private Actor currentUser() {
        return new Actor(user.name(), user.role(), user.onBehalfOf().orElse(null));
    }

    /**
     * 代办受理: a ticket an agent filed for an enterprise starts its history with a {@code register} move, so the history
     * names who filed it for whom (a ticket registered in the hotline's own name has its 受理 on the ticket alone). No
     * status changes and no department is named, so it is neither evented again nor counted in any department's figures.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void filedOnBehalf(Ticket t) {
        Actor actor = currentUser();
        // The ticket's own insert goes first: the move row refers to it.
        em.flush();
        TicketMove row = new TicketMove();
        row.ticketId = t.id;
        row.move = "register";
        row.fromStatus = TicketStatus.REGISTERED;
        row.toStatus = TicketStatus.REGISTERED;
        row.actor = actor.name();
        row.actorRole = actor.role();
        row.onBehalfOf = actor.onBehalfOf();
        row.occurredAt = t.createdAt;
        row.details = details("channel", t.channel, "number", t.number);
        em.persist(row);
    }

    private Department department(String code, String field) {
        return departments.find(code).orElseThrow(() -> new ProblemException(422, "UNKNOWN_DEPARTMENT",
                field + ": 承办单位代码 " + code + " 不存在（见 GET /api/tickets/departments）"));
    }

    private String shown(Instant instant) {
        return SHOWN.format(instant.atZone(deadlines.calendarZone())) + " 北京时间";
    }

    /** Details of a move as an ordered map that keeps nulls out (Map.of refuses them). */
    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }
}
