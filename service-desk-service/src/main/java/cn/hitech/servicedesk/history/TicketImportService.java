package cn.hitech.servicedesk.history;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.clock.ReplayClock;
import cn.hitech.servicedesk.ticket.TicketApi;

/**
 * 历史工单导入: takes a batch of the old 8951234 system's tickets. Each is checked (fields, time order, nothing after
 * the domain clock), then replayed in a transaction of its own ({@link TicketReplay}); a legacy number imported before
 * is skipped. {@code good-only} keeps every ticket whose replay went through. {@code all-or-nothing} first replays each
 * ticket and rolls it back, to name every refusal at once, and writes the batch in one transaction only when none was
 * refused: so a bad batch changes nothing.
 */
@ApplicationScoped
public class TicketImportService {

    /** Members of an imported ticket that are not registration fields. */
    private static final Set<String> IMPORT_MEMBERS = Set.of("legacyNumber", "registeredAt", "registeredBy", "moves");

    private final ObjectMapper json;
    private final Validator validator;
    private final TicketReplay replay;
    private final ReplayClock clock;
    private final EntityManager em;
    private final CurrentUser user;
    private final Clock wallClock;

    TicketImportService(ObjectMapper json, Validator validator, TicketReplay replay, ReplayClock clock, EntityManager em,
            CurrentUser user, Clock wallClock) {
        this.json = json;
        this.validator = validator;
        this.replay = replay;
        this.clock = clock;
        this.em = em;
        this.user = user;
        this.wallClock = wallClock;
    }

    /** A dry run's replay went through; thrown to roll it back. */
    private static final class DryRun extends RuntimeException {
        DryRun() {
            super(null, null, false, false);
        }
    }

    public HistoryApi.Report importAll(List<ObjectNode> batch, HistoryApi.Mode mode) {
        List<HistoryApi.Failed> failed = new ArrayList<>();
        List<HistoryApi.Skipped> skipped = new ArrayList<>();
        List<TicketReplay.Parsed> ready = new ArrayList<>();
        List<TicketReplay.Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                parsed.add(parse(i, batch.get(i)));
            } catch (ProblemException e) {
                failed.add(failure(i, legacyNumber(batch.get(i)), null, null, e));
            } catch (TicketReplay.Refused e) {
                failed.add(failure(i, legacyNumber(batch.get(i)), e.move, moveName(batch.get(i), e.move), e.problem));
            }
        }
        Map<String, String> known = importedBefore(parsed.stream().map(p -> p.ticket().legacyNumber()).toList());
        Map<String, Integer> firstInBatch = new HashMap<>();
        for (TicketReplay.Parsed p : parsed) {
            String legacy = p.ticket().legacyNumber();
            Integer earlier = firstInBatch.putIfAbsent(legacy, p.index());
            if (known.containsKey(legacy)) {
                skipped.add(new HistoryApi.Skipped(p.index(), legacy, known.get(legacy), "旧系统编号 " + legacy + " 已导入为工单 "
                        + known.get(legacy) + "，跳过"));
            } else if (earlier != null) {
                skipped.add(new HistoryApi.Skipped(p.index(), legacy, null, "旧系统编号 " + legacy + " 与本批第 " + earlier
                        + " 张相同，跳过"));
            } else {
                ready.add(p);
            }
        }
        List<HistoryApi.Imported> imported = mode == HistoryApi.Mode.GOOD_ONLY ? eachOnItsOwn(ready, failed) : allOrNothing(ready, failed);
        failed.sort(Comparator.comparingInt(HistoryApi.Failed::index));
        skipped.sort(Comparator.comparingInt(HistoryApi.Skipped::index));
        boolean refused = mode == HistoryApi.Mode.ALL_OR_NOTHING && !failed.isEmpty();
        // A refused batch is a problem (every 4xx of the suite is application/problem+json) whose extensions are the report.
        return new HistoryApi.Report(mode, !imported.isEmpty(), batch.size(), imported, skipped, failed,
                refused ? Problem.type("IMPORT_REFUSED") : null, refused ? Problem.titleFor(422) : null, refused ? 422 : null,
                refused ? "IMPORT_REFUSED" : null,
                refused ? failed.size() + " 张工单未通过，整批未导入（all-or-nothing）；修正后重新提交，或用 mode=good-only 只导入通过的工单" : null);
    }

    private List<HistoryApi.Imported> eachOnItsOwn(List<TicketReplay.Parsed> ready, List<HistoryApi.Failed> failed) {
        List<HistoryApi.Imported> imported = new ArrayList<>();
        for (TicketReplay.Parsed p : ready) {
            try {
                imported.add(QuarkusTransaction.requiringNew().call(() -> write(p)));
            } catch (TicketReplay.Refused e) {
                failed.add(refusal(p, e));
            } catch (RuntimeException e) {
                failed.add(failure(p.index(), p.ticket().legacyNumber(), null, null, conflictingRow(e)));
            }
        }
        return imported;
    }

    private List<HistoryApi.Imported> allOrNothing(List<TicketReplay.Parsed> ready, List<HistoryApi.Failed> failed) {
        for (TicketReplay.Parsed p : ready) {
            try {
                QuarkusTransaction.requiringNew().call(() -> {
                    replay.replay(p);
                    throw new DryRun();
                });
            } catch (DryRun wentThrough) {
                // rolled back, as meant: the batch is written below, at once
            } catch (TicketReplay.Refused e) {
                failed.add(refusal(p, e));
            } catch (RuntimeException e) {
                failed.add(failure(p.index(), p.ticket().legacyNumber(), null, null, conflictingRow(e)));
            }
        }
        if (!failed.isEmpty()) {
            return List.of();
        }
        TicketReplay.Parsed[] current = new TicketReplay.Parsed[1];
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<HistoryApi.Imported> imported = new ArrayList<>();
                for (TicketReplay.Parsed p : ready) {
                    current[0] = p;
                    imported.add(write(p));
                }
                return imported;
            });
        } catch (TicketReplay.Refused e) {
            // Another request changed what the dry run saw (the same legacy number imported meanwhile): still nothing written.
            failed.add(refusal(current[0], e));
            return List.of();
        } catch (RuntimeException e) {
            failed.add(failure(current[0].index(), current[0].ticket().legacyNumber(), null, null, conflictingRow(e)));
            return List.of();
        }
    }

    /** Replays the ticket and records its legacy number, in the current transaction. */
    private HistoryApi.Imported write(TicketReplay.Parsed p) {
        TicketApi.TicketView view = replay.replay(p);
        int claimed = em.createNativeQuery("""
                INSERT INTO ticket_import (legacy_number, ticket_id, imported_at, imported_by) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (legacy_number) DO NOTHING""")
                .setParameter(1, p.ticket().legacyNumber()).setParameter(2, view.id()).setParameter(3, wallClock.instant())
                .setParameter(4, user.name()).executeUpdate();
        if (claimed == 0) {
            throw new TicketReplay.Refused(null, ProblemException.conflict("LEGACY_NUMBER_IMPORTED",
                    "旧系统编号 " + p.ticket().legacyNumber() + " 已由另一次导入写入"));
        }
        return new HistoryApi.Imported(p.index(), p.ticket().legacyNumber(), view.id(), view.number(), view.status());
    }

    /** The tickets the legacy numbers became in earlier imports: legacy number → ticket number. */
    private Map<String, String> importedBefore(List<String> legacyNumbers) {
        Map<String, String> known = new HashMap<>();
        if (legacyNumbers.isEmpty()) {
            return known;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT i.legacy_number, t.number FROM ticket_import i JOIN ticket t ON t.id = i.ticket_id
                WHERE i.legacy_number = ANY (CAST(?1 AS varchar[]))""")
                .setParameter(1, legacyNumbers.toArray(String[]::new)).getResultList();
        rows.forEach(r -> known.put((String) r[0], (String) r[1]));
        return known;
    }

    /**
     * One ticket of the batch read and checked before any replay: its fields (as the live registration checks them), a
     * legacy number, and moves that are known, dated, in time order and not after the domain clock.
     */
    private TicketReplay.Parsed parse(int index, ObjectNode node) {
        HistoryApi.ImportedTicket ticket = read(node, HistoryApi.ImportedTicket.class);
        ObjectNode fields = node.deepCopy();
        fields.remove(IMPORT_MEMBERS);
        TicketApi.RegisterTicket registration = read(fields, TicketApi.RegisterTicket.class);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<TicketApi.RegisterTicket> v : validator.validate(registration)) {
            errors.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        String legacy = ticket.legacyNumber();
        if (legacy == null || legacy.isBlank() || legacy.length() > 40) {
            errors.add(new Problem.FieldError("legacyNumber", "旧系统工单编号必填，最长 40 个字符"));
        }
        if (ticket.registeredAt() == null) {
            errors.add(new Problem.FieldError("registeredAt", "受理时间必填（带时区的时刻）"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            throw new ProblemException(400, "VALIDATION_FAILED", "请求内容校验未通过",
                    String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
        }
        checkTimes(ticket);
        HistoryApi.ImportedTicket stripped = new HistoryApi.ImportedTicket(legacy.strip(), ticket.registeredAt(), ticket.registeredBy(),
                ticket.moves());
        return new TicketReplay.Parsed(index, stripped, registration);
    }

    private void checkTimes(HistoryApi.ImportedTicket ticket) {
        Instant now = clock.domainNow();
        if (ticket.registeredAt().isAfter(now)) {
            throw new TicketReplay.Refused(null, ProblemException.ruleViolated("MOVE_IN_FUTURE",
                    "受理时间 " + ticket.registeredAt() + " 晚于当前时间，不能导入"));
        }
        List<HistoryApi.ImportedMove> moves = ticket.moves() == null ? List.of() : ticket.moves();
        Instant previous = ticket.registeredAt();
        for (int i = 0; i < moves.size(); i++) {
            HistoryApi.ImportedMove m = moves.get(i);
            if (m == null || m.move() == null || !TicketReplay.MOVES.contains(m.move())) {
                throw new TicketReplay.Refused(i, ProblemException.invalidField("moves[" + i + "].move", "未知的流转 "
                        + (m == null ? null : m.move()) + "，可用：" + String.join("、", TicketReplay.MOVES.stream().sorted().toList())));
            }
            if (m.at() == null) {
                throw new TicketReplay.Refused(i, ProblemException.invalidField("moves[" + i + "].at", "流转时间必填（带时区的时刻）"));
            }
            if (m.at().isBefore(previous)) {
                throw new TicketReplay.Refused(i, ProblemException.ruleViolated("MOVES_OUT_OF_ORDER", "第 " + i + " 条流转（"
                        + m.move() + "）的时间 " + m.at() + " 早于" + (i == 0 ? "受理时间 " : "上一条流转的时间 ") + previous));
            }
            if (m.at().isAfter(now)) {
                throw new TicketReplay.Refused(i, ProblemException.ruleViolated("MOVE_IN_FUTURE", "第 " + i + " 条流转（"
                        + m.move() + "）的时间 " + m.at() + " 晚于当前时间，不能导入"));
            }
            previous = m.at();
        }
    }

    private <T> T read(ObjectNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("ticket");
            throw ProblemException.invalidField(field, "值无法识别（" + e.getOriginalMessage() + "）");
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("ticket", e.getOriginalMessage());
        }
    }

    private static String legacyNumber(ObjectNode node) {
        return node != null && node.path("legacyNumber").isTextual() ? node.path("legacyNumber").asText() : null;
    }

    private static String moveName(ObjectNode node, Integer move) {
        return move == null || node == null ? null : node.path("moves").path(move).path("move").asText(null);
    }

    /**
     * A row the database refused (a unique 12345 number, a legacy number written meanwhile) as a 409 for that ticket; any
     * other failure is the server's and stops the request.
     */
    private static ProblemException conflictingRow(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return ProblemException.conflict("CONFLICTING_ROW", "工单与已有数据冲突（" + violation.getConstraintName() + "），未导入");
            }
        }
        throw e;
    }

    private HistoryApi.Failed refusal(TicketReplay.Parsed p, TicketReplay.Refused e) {
        List<HistoryApi.ImportedMove> moves = p.ticket().moves();
        String moveName = e.move == null || moves == null || e.move >= moves.size() ? null : moves.get(e.move).move();
        return failure(p.index(), p.ticket().legacyNumber(), e.move, moveName, e.problem);
    }

    private static HistoryApi.Failed failure(int index, String legacyNumber, Integer move, String moveName, ProblemException e) {
        return new HistoryApi.Failed(index, legacyNumber, move, moveName, e.status(), e.code(), e.title(), e.getMessage(), e.errors());
    }
}
