package cn.hitech.servicedesk.ticket;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.hitech.platform.web.ActsForEnterprise;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ExpectedVersion;
import cn.hitech.platform.web.Roles;
import cn.hitech.servicedesk.agency.Agency;

/**
 * The named moves of a ticket. Each names the version the caller read (If-Match or body {@code version}; 428 without);
 * a move the ticket's status does not allow is a 409 {@code TRANSITION_NOT_ALLOWED} that changes nothing.
 */
@Path("/api/tickets/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "工单流转", description = "派单、签收、退单及驳回、延期及审批、挂起、补充材料、办结、回访、直接答复、催办、督办、并单")
public class TicketMoveResource {

    private final TicketMoves moves;
    private final TicketTimeline timeline;
    private final CurrentUser user;
    private final Agency agency;

    TicketMoveResource(TicketMoves moves, TicketTimeline timeline, CurrentUser user, Agency agency) {
        this.moves = moves;
        this.timeline = timeline;
        this.user = user;
        this.agency = agency;
    }

    @POST
    @Path("/dispatch")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "派单", description = "已受理 or 已退单 → 已派单, to a 主办 department (code) with optional 协办 ones. Starts the sign "
            + "limit (working hours from now) and the resolve limit (working days from the next working day).")
    public TicketApi.TicketView dispatch(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid TicketApi.Dispatch request) {
        return moves.dispatch(id, ExpectedVersion.of(ifMatch, request.version()), request);
    }

    @POST
    @Path("/answer")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "直接答复", description = "已受理 → 已关闭: the operator answers at intake, in own words (answer) or from a "
            + "published knowledge-base article (articleId; its answer when answer is omitted; a draft, archived or unknown "
            + "article is a 422). Tickets merged into it close with it.")
    public TicketApi.TicketView answer(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid TicketApi.Answer request) {
        return moves.answer(id, ExpectedVersion.of(ifMatch, request.version()), request.answer(), request.articleId());
    }

    @POST
    @Path("/merge")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "并单", description = "已受理, 已派单, 已签收, 已挂起 or 已退单 → 已并单: this duplicate goes into the parent (id or "
            + "number; not itself, not merged, not closed: 409 PARENT_NOT_OPEN; unknown: 422). A ticket others were merged into "
            + "cannot be merged (409 HAS_MERGED_CHILDREN). No clock runs on a merged ticket; it takes the parent's reply when the "
            + "parent is resolved and closes when the parent closes, each a move by the system. Its moves after the merge carry "
            + "no department, so department metrics count the parent only.")
    public TicketApi.TicketView merge(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid TicketApi.Merge request) {
        return moves.merge(id, ExpectedVersion.of(ifMatch, request.version()), request.parent(), request.reason());
    }

    @POST
    @Path("/sign")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "签收", description = "已派单 → 已签收.")
    public TicketApi.TicketView sign(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @Valid TicketApi.VersionOnly request) {
        return moves.signFor(id, ExpectedVersion.of(ifMatch, request == null ? null : request.version()));
    }

    @POST
    @Path("/return")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "退单", description = "已派单 or 已签收 → 已退单, with the reason, within the return limit (2 working days after "
            + "dispatch by default; later is a 422). The dispatcher dispatches it again.")
    public TicketApi.TicketView returnToDispatcher(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid TicketApi.Return request) {
        return moves.returnToDispatcher(id, ExpectedVersion.of(ifMatch, request.version()), request.reason());
    }

    @POST
    @Path("/refuse-return")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "驳回退单", description = "已退单 → the status it was returned from (已派单 or 已签收), with the same department and "
            + "the deadlines it had: the time it stood returned is not given back. The return stays in the history.")
    public TicketApi.TicketView refuseReturn(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid TicketApi.RefuseReturn request) {
        return moves.refuseReturn(id, ExpectedVersion.of(ifMatch, request.version()), request.reason());
    }

    @POST
    @Path("/extension")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "申请延期", description = "While 已签收: asks for working days with a reason; all approved extensions of a "
            + "ticket stay within 10 working days (422 beyond).")
    public TicketApi.TicketView requestExtension(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid TicketApi.Extension request) {
        return moves.requestExtension(id, ExpectedVersion.of(ifMatch, request.version()), request.days(), request.reason());
    }

    @POST
    @Path("/approve-extension")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "批准延期", description = "A dispatcher or manager approves the pending request: the resolve deadline moves "
            + "on by its working days.")
    public TicketApi.TicketView approveExtension(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @Valid TicketApi.VersionOnly request) {
        return moves.approveExtension(id, ExpectedVersion.of(ifMatch, request == null ? null : request.version()));
    }

    @POST
    @Path("/reject-extension")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "驳回延期", description = "A dispatcher or manager rejects the pending request with a reason: the resolve "
            + "deadline stands. 409 NO_EXTENSION_REQUESTED when none is pending.")
    public TicketApi.TicketView rejectExtension(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid TicketApi.RejectExtension request) {
        return moves.rejectExtension(id, ExpectedVersion.of(ifMatch, request.version()), request.reason());
    }

    @POST
    @Path("/suspend")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "挂起", description = "已签收 → 已挂起 (waiting for the enterprise): the resolve clock stands still. The "
            + "reason is what the enterprise is asked for: it shows on the public timeline (请补充材料：…).")
    public TicketApi.TicketView suspend(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid TicketApi.Suspend request) {
        return moves.suspend(id, ExpectedVersion.of(ifMatch, request.version()), request.reason());
    }

    @POST
    @Path("/resume")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "恢复办理", description = "已挂起 → 已签收: the resolve deadline moves on by the working time paused.")
    public TicketApi.TicketView resume(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @Valid TicketApi.VersionOnly request) {
        return moves.resume(id, ExpectedVersion.of(ifMatch, request == null ? null : request.version()));
    }

    @POST
    @Path("/material")
    @ActsForEnterprise
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "补充材料", description = "While 已挂起: the enterprise (its own tickets only) or staff on its behalf supplies "
            + "the material asked for (text, optional attachments as links); the ticket resumes at once, its resolve deadline "
            + "moved on by the working time paused (moves supply-material, then resume). An agent with X-On-Behalf-Of acts as "
            + "that enterprise (its own tickets only), under an authorisation for TICKETS covering this ticket.")
    public TicketApi.TicketView supplyMaterial(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid TicketApi.SupplyMaterial request) {
        return moves.supplyMaterial(id, ExpectedVersion.of(ifMatch, request.version()), request, agency.scopeFor(Agency.TICKETS, id));
    }

    @GET
    @Path("/material")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "补充材料列表", description = "The material supplied for the ticket, oldest first; an enterprise account sees its "
            + "own tickets only.")
    public List<TicketApi.MaterialView> materials(@PathParam("id") UUID id) {
        return timeline.materials(id, user.enterpriseScope());
    }

    @POST
    @Path("/resolve")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(summary = "办结", description = "已签收 → 已办结 with the reply; starts the call-back limit and publishes ticket.resolved.")
    public TicketApi.TicketView resolve(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid TicketApi.Resolve request) {
        return moves.resolve(id, ExpectedVersion.of(ifMatch, request.version()), request.reply(), request.outcome());
    }

    @POST
    @Path("/call-back")
    @ActsForEnterprise
    @RolesAllowed({Roles.STAFF, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "回访", description = "已办结 → 已关闭 with the rating; UNSATISFIED and not solved reopens it (重办) to the same "
            + "department with a new resolve limit. An enterprise account rates its own tickets only; so does an agent with "
            + "X-On-Behalf-Of, under an authorisation for TICKETS covering this ticket.")
    public TicketApi.TicketView callBack(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid TicketApi.CallBack request) {
        return moves.callBack(id, ExpectedVersion.of(ifMatch, request.version()), request, agency.scopeFor(Agency.TICKETS, id));
    }

    @POST
    @Path("/urge")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "催办", description = "While 已派单, 已签收 or 已挂起: a manager presses the department, with an optional note. "
            + "The status stays; the urge count and the time of the last urge go up.")
    public TicketApi.TicketView urge(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @Valid TicketApi.Urge request) {
        return moves.urge(id, ExpectedVersion.of(ifMatch, request == null ? null : request.version()),
                request == null ? null : request.note());
    }

    @POST
    @Path("/supervise")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "督办", description = "While 已派单, 已签收 or 已挂起: puts the ticket under supervision with a deadline of its own "
            + "(an instant with offset, or a date: the end of office hours that day; it must lie ahead, else 422) and a note. "
            + "The status stays; the ticket shows the supervision.")
    public TicketApi.TicketView supervise(@PathParam("id") UUID id, @HeaderParam(ExpectedVersion.HEADER) String ifMatch,
            @NotNull @Valid TicketApi.Supervise request) {
        return moves.supervise(id, ExpectedVersion.of(ifMatch, request.version()), request.deadline(), request.note());
    }

    @GET
    @Path("/timeline")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN, Roles.ENTERPRISE})
    @Operation(summary = "办理进度", description = "The public timeline, oldest first, in zh-CN: 受理, 派单至 <承办单位>, 签收, 请补充材料：…, "
            + "办结 with the reply, 回访 … Who acted is named by role (承办单位, 热线受理员, 企业, 系统), never by name, except an agent "
            + "who acted for the enterprise (代办: \"<agent> 代 <enterprise> …\", by 代办人, onBehalfOf); 退单, 延期, 催办, 督办 "
            + "and the departments' notes are left out. An enterprise account sees its own tickets only.")
    public List<TicketApi.TimelineEntry> timeline(@PathParam("id") UUID id) {
        return timeline.timeline(id, user.enterpriseScope());
    }

    @GET
    @Path("/moves")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "流转记录", description = "Every move of the ticket, oldest first: who, when, from, to and the details "
            + "(internal: reasons and notes of the departments, so not for enterprise accounts). A move made on an enterprise's "
            + "behalf names the agent as actor and the enterprise in onBehalfOf; a ticket filed so starts with a register move.")
    public List<TicketApi.MoveView> history(@PathParam("id") UUID id) {
        return moves.history(id);
    }
}
