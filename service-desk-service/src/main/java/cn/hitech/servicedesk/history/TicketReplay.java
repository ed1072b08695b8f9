package cn.hitech.servicedesk.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.clock.ReplayClock;
import cn.hitech.servicedesk.ticket.TicketApi;
import cn.hitech.servicedesk.ticket.TicketMoves;
import cn.hitech.servicedesk.ticket.TicketService;

/**
 * Replays one ticket of the old system in the caller's transaction: its registration and then each move through the
 * live {@link TicketService} and {@link TicketMoves} methods, each under {@link ReplayClock#at} its own instant, so the
 * deadlines, "in time" flags, move history, audit and events come from the rules a live ticket meets. The importing
 * account makes the moves; the old system's actors go into the audit of the import.
 */
@ApplicationScoped
class TicketReplay {

    /** The moves a history may hold, by their names in the live API. */
    static final Set<String> MOVES = Set.of("dispatch", "sign", "return", "extension", "approve-extension", "suspend", "resume",
            "resolve", "call-back", "answer", "urge", "supervise");

    /** A ticket ready to replay: where it stood in the batch and what it holds. */
    record Parsed(int index, HistoryApi.ImportedTicket ticket, TicketApi.RegisterTicket registration) {
    }

    /** The replay stopped at move {@code move} (null: at the registration) for {@code problem}; nothing of it is to be kept. */
    static final class Refused extends RuntimeException {

        final Integer move;
        final transient ProblemException problem;

        Refused(Integer move, ProblemException problem) {
            super(problem.getMessage(), problem);
            this.move = move;
            this.problem = problem;
        }
    }

    private static final String VALIDATION_TITLE = "请求内容校验未通过";

    private final TicketService tickets;
    private final TicketMoves moves;
    private final ReplayClock clock;
    private final Validator validator;
    private final Audit audit;

    TicketReplay(TicketService tickets, TicketMoves moves, ReplayClock clock, Validator validator, Audit audit) {
        this.tickets = tickets;
        this.moves = moves;
        this.clock = clock;
        this.validator = validator;
        this.audit = audit;
    }

    /** Registers and moves the ticket; its last view. Throws {@link Refused} at the first step the rules refuse. */
    TicketApi.TicketView replay(Parsed parsed) {
        HistoryApi.ImportedTicket imported = parsed.ticket();
        TicketApi.TicketView view = step(null, imported.registeredAt(),
                () -> tickets.register(parsed.registration(), Optional.empty()));
        List<Map<String, Object>> legacyActors = new ArrayList<>();
        List<HistoryApi.ImportedMove> history = imported.moves() == null ? List.of() : imported.moves();
        for (int i = 0; i < history.size(); i++) {
            HistoryApi.ImportedMove move = history.get(i);
            TicketApi.TicketView before = view;
            int index = i;
            view = step(i, move.at(), () -> apply(before, move, index));
            Map<String, Object> actor = new LinkedHashMap<>();
            actor.put("move", move.move());
            actor.put("at", move.at());
            if (move.actor() != null && !move.actor().isBlank()) {
                actor.put("actor", move.actor().strip());
            }
            legacyActors.add(actor);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("legacyNumber", imported.legacyNumber());
        summary.put("registeredAt", imported.registeredAt());
        if (imported.registeredBy() != null && !imported.registeredBy().isBlank()) {
            summary.put("registeredBy", imported.registeredBy().strip());
        }
        summary.put("moves", legacyActors);
        audit.record("ticket", view.id().toString(), "import", summary);
        return view;
    }

    private TicketApi.TicketView step(Integer move, Instant at, Supplier<TicketApi.TicketView> work) {
        try {
            return clock.at(at, work);
        } catch (ProblemException e) {
            throw new Refused(move, e);
        }
    }

    private TicketApi.TicketView apply(TicketApi.TicketView t, HistoryApi.ImportedMove m, int index) {
        UUID id = t.id();
        long v = t.version();
        return switch (m.move()) {
            case "dispatch" -> {
                TicketApi.Dispatch request = valid(index, new TicketApi.Dispatch(m.department(), m.assistingDepartments(), m.note(), v));
                yield moves.dispatch(id, v, request);
            }
            case "sign" -> moves.signFor(id, v);
            case "return" -> moves.returnToDispatcher(id, v, valid(index, new TicketApi.Return(m.reason(), v)).reason());
            case "extension" -> {
                TicketApi.Extension request = valid(index, new TicketApi.Extension(m.days(), m.reason(), v));
                yield moves.requestExtension(id, v, request.days(), request.reason());
            }
            case "approve-extension" -> moves.approveExtension(id, v);
            case "suspend" -> moves.suspend(id, v, valid(index, new TicketApi.Suspend(m.reason(), v)).reason());
            case "resume" -> moves.resume(id, v);
            case "resolve" -> {
                TicketApi.Resolve request = valid(index, new TicketApi.Resolve(m.reply(), m.outcome(), v));
                yield moves.resolve(id, v, request.reply(), request.outcome());
            }
            case "call-back" -> moves.callBack(id, v, valid(index, new TicketApi.CallBack(m.satisfaction(), m.solved(), m.note(), v)),
                    Optional.empty());
            case "answer" -> moves.answer(id, v, valid(index, new TicketApi.Answer(m.answer() != null ? m.answer() : m.reply(), v))
                    .answer());
            case "urge" -> moves.urge(id, v, valid(index, new TicketApi.Urge(m.note(), v)).note());
            case "supervise" -> {
                TicketApi.Supervise request = valid(index, new TicketApi.Supervise(m.deadline(), m.note(), v));
                yield moves.supervise(id, v, request.deadline(), request.note());
            }
            default -> throw ProblemException.invalidField("moves[" + index + "].move", "未知的流转 " + m.move());
        };
    }

    /** The move's own fields, checked by the constraints of the live request they stand for. */
    private <T> T valid(int index, T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return request;
        }
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError("moves[" + index + "]." + v.getPropertyPath(), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field)).toList();
        throw new ProblemException(400, "VALIDATION_FAILED", VALIDATION_TITLE,
                errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""), errors);
    }
}
