package cn.hitech.enterprise.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import cn.hitech.platform.events.Event;
import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.enterprise.EnterpriseChanged;
import cn.hitech.platform.events.enterprise.FiguresChanged;
import cn.hitech.platform.messaging.EventHeaders;
import cn.hitech.platform.messaging.OutboxRelay;
import cn.hitech.platform.web.CorrelationId;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;

/**
 * 批量导入: rows upsert by credit code, each created or changed enterprise audited and evented as a single change would
 * be (the same audit_log and outbox_event rows {@code Audit} and {@code Outbox} write), an unchanged row neither. Built
 * for the zone's 27,000 rows in one request: the file is checked in memory, the rows it names are read (and locked) in
 * one query per table, and every write is one set-based statement over arrays, all in one transaction.
 */
@ApplicationScoped
public class EnterpriseImport {

    private static final Logger LOG = Logger.getLogger(EnterpriseImport.class);
    private static final String SOURCE = "import";

    private final EntityManager entityManager;
    private final IndustryCatalogue industries;
    private final RecordRules rules;
    private final Clock clock;
    private final CurrentUser user;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    EnterpriseImport(EntityManager entityManager, IndustryCatalogue industries, RecordRules rules, Clock clock, CurrentUser user,
            TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.industries = industries;
        this.rules = rules;
        this.clock = clock;
        this.user = user;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** What one good row does: the record before and after, its figures before and after (null: none or unchanged). */
    private record Planned(ImportRow row, Enterprise before, Enterprise after, boolean recordChanged, EnterpriseFigures figuresBefore,
            EnterpriseFigures figuresAfter, boolean figuresChanged) {
    }

    @Transactional
    @TransactionConfiguration(timeout = 300)
    public EnterpriseApi.ImportReport run(byte[] body, boolean xlsx, boolean dryRun, EnterpriseApi.ImportMode mode) {
        long started = System.nanoTime();
        ImportTable table = ImportTable.read(body, xlsx);
        Map<ImportColumn, Integer> columns = new EnumMap<>(ImportColumn.class);
        Map<ImportColumn, String> headers = new EnumMap<>(ImportColumn.class);
        for (int i = 0; i < table.headers().size(); i++) {
            String header = table.headers().get(i);
            if (header.isEmpty()) {
                continue;
            }
            ImportColumn column = ImportColumn.of(header).orElseThrow(() -> ProblemException.invalidField("header",
                    "无法识别的列“" + header + "”；可用的列：" + String.join("、", java.util.Arrays.stream(ImportColumn.values()).map(c -> c.header).toList())));
            if (columns.put(column, i) != null) {
                throw ProblemException.invalidField("header", "列“" + header + "”出现了两次");
            }
            headers.put(column, header);
        }
        for (ImportColumn required : List.of(ImportColumn.CREDIT_CODE, ImportColumn.NAME)) {
            if (!columns.containsKey(required)) {
                throw ProblemException.invalidField("header", "缺少必需的列“" + required.header + "”");
            }
        }
        List<ImportRow> rows = new ArrayList<>(table.lines().size());
        Map<String, Integer> firstRow = new HashMap<>();
        for (ImportTable.Line line : table.lines()) {
            if (line.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            ImportRow row = ImportRow.read(line, columns, headers, industries);
            if (row.creditCode != null && row.errors.stream().noneMatch(e -> e.column().equals(headers.get(ImportColumn.CREDIT_CODE)))) {
                Integer earlier = firstRow.putIfAbsent(row.creditCode, row.row);
                if (earlier != null) {
                    row.bad(ImportColumn.CREDIT_CODE, "统一社会信用代码 " + row.creditCode + " 与第 " + earlier + " 行重复");
                }
            }
            rows.add(row);
        }
        Session session = entityManager.unwrap(Session.class);
        List<ImportRow> good = rows.stream().filter(ImportRow::isGood).toList();
        Map<String, Enterprise> existing = session.doReturningWork(c -> loadEnterprises(c, good, !dryRun));
        Map<EnterpriseFigures.Key, EnterpriseFigures> existingFigures = session.doReturningWork(c -> loadFigures(c, good, !dryRun));
        Instant now = clock.instant();
        List<Planned> plan = new ArrayList<>(good.size());
        for (ImportRow row : good) {
            Planned planned = plan(row, existing.get(row.creditCode), existingFigures, now);
            if (planned != null) {
                plan.add(planned);
            }
        }
        List<EnterpriseApi.ImportError> errors = rows.stream().flatMap(r -> r.errors.stream()).toList();
        int rejected = (int) rows.stream().filter(r -> !r.isGood()).count();
        boolean writes = mode == EnterpriseApi.ImportMode.GOOD_ROWS || rejected == 0;
        int imported = 0;
        int updated = 0;
        int unchanged = 0;
        if (writes) {
            for (Planned p : plan) {
                if (p.before() == null) {
                    imported++;
                } else if (p.recordChanged() || p.figuresChanged()) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
        }
        if (writes && !dryRun) {
            session.doWork(c -> write(c, plan, now));
        }
        LOG.infof("import of %d rows (%s, %s): %d new, %d updated, %d unchanged, %d rejected in %d ms", rows.size(), mode,
                dryRun ? "dry run" : "for real", imported, updated, unchanged, rejected, (System.nanoTime() - started) / 1_000_000);
        return new EnterpriseApi.ImportReport(imported, updated, unchanged, rejected, errors, dryRun, mode);
    }

    /** The row applied to what the register holds, checked by the rules of a single change; null (and the row bad) if it breaks one. */
    private Planned plan(ImportRow row, Enterprise before, Map<EnterpriseFigures.Key, EnterpriseFigures> existingFigures, Instant now) {
        Enterprise after = copy(before);
        after.creditCode = row.creditCode;
        for (Map.Entry<ImportColumn, Object> given : row.given.entrySet()) {
            Object v = given.getValue();
            switch (given.getKey()) {
                case NAME -> after.name = (String) v;
                case LEGAL_REPRESENTATIVE -> after.legalRepresentative = (String) v;
                case INDUSTRY_CODE -> {
                    after.industryCode = (String) v;
                    after.industry = v == null ? null : industries.label((String) v).orElseThrow();
                }
                case SCALE -> after.scale = (EnterpriseScale) v;
                case REGISTERED_CAPITAL -> after.registeredCapital = (java.math.BigDecimal) v;
                case ADDRESS -> after.address = (String) v;
                case GRID -> after.grid = (String) v;
                case COMMISSIONER -> after.commissioner = (String) v;
                case STATUS -> after.status = v == null ? after.status : (EnterpriseStatus) v;
                case ESTABLISHED_ON -> after.establishedOn = (java.time.LocalDate) v;
                case ENTERED_ZONE_ON -> after.enteredZoneOn = (java.time.LocalDate) v;
                default -> {
                    // figures, below
                }
            }
        }
        for (Problem.FieldError e : rules.check(EnterpriseApi.EnterpriseDetails.of(after), before == null ? null : before.status)) {
            row.bad(e.field(), e.message());
        }
        boolean recordChanged = before == null || !EnterpriseService.summary(before).equals(EnterpriseService.summary(after));
        if (recordChanged) {
            after.version = before == null ? 0 : before.version + 1;
            after.createdAt = before == null ? now : before.createdAt;
            after.updatedAt = now;
        }
        EnterpriseFigures figuresBefore = null;
        EnterpriseFigures figuresAfter = null;
        boolean figuresChanged = false;
        if (row.year() != null) {
            EnterpriseFigures.Key key = new EnterpriseFigures.Key(row.creditCode, row.year().shortValue());
            figuresBefore = existingFigures.get(key);
            figuresAfter = new EnterpriseFigures();
            figuresAfter.key = key;
            if (figuresBefore != null) {
                figuresAfter.revenue = figuresBefore.revenue;
                figuresAfter.rdSpend = figuresBefore.rdSpend;
                figuresAfter.highTechRevenue = figuresBefore.highTechRevenue;
                figuresAfter.employees = figuresBefore.employees;
                figuresAfter.rdStaff = figuresBefore.rdStaff;
            }
            if (row.has(ImportColumn.REVENUE)) {
                figuresAfter.revenue = row.value(ImportColumn.REVENUE);
            }
            if (row.has(ImportColumn.RD_SPEND)) {
                figuresAfter.rdSpend = row.value(ImportColumn.RD_SPEND);
            }
            if (row.has(ImportColumn.HIGH_TECH_REVENUE)) {
                figuresAfter.highTechRevenue = row.value(ImportColumn.HIGH_TECH_REVENUE);
            }
            if (row.has(ImportColumn.EMPLOYEES)) {
                figuresAfter.employees = row.value(ImportColumn.EMPLOYEES);
            }
            if (row.has(ImportColumn.RD_STAFF)) {
                figuresAfter.rdStaff = row.value(ImportColumn.RD_STAFF);
            }
            for (Problem.FieldError e : FiguresRules.check(figuresAfter.revenue, figuresAfter.rdSpend, figuresAfter.highTechRevenue,
                    figuresAfter.employees, figuresAfter.rdStaff)) {
                row.bad(e.field(), e.message());
            }
            figuresChanged = figuresBefore == null || !FiguresRules.summary(figuresBefore).equals(FiguresRules.summary(figuresAfter));
            if (figuresChanged) {
                figuresAfter.version = figuresBefore == null ? 0 : figuresBefore.version + 1;
                figuresAfter.createdAt = figuresBefore == null ? now : figuresBefore.createdAt;
                figuresAfter.updatedAt = now;
            }
        }
        return row.isGood() ? new Planned(row, before, after, recordChanged, figuresBefore, figuresAfter, figuresChanged) : null;
    }

    private static Enterprise copy(Enterprise e) {
        Enterprise c = new Enterprise();
        if (e != null) {
            c.creditCode = e.creditCode;
            c.name = e.name;
            c.legalRepresentative = e.legalRepresentative;
            c.industry = e.industry;
            c.industryCode = e.industryCode;
            c.scale = e.scale;
            c.registeredCapital = e.registeredCapital;
            c.status = e.status;
            c.establishedOn = e.establishedOn;
            c.enteredZoneOn = e.enteredZoneOn;
            c.address = e.address;
            c.grid = e.grid;
            c.commissioner = e.commissioner;
            c.version = e.version;
            c.createdAt = e.createdAt;
            c.updatedAt = e.updatedAt;
        }
        return c;
    }

    private static final String ENTERPRISE_COLUMNS = "credit_code, name, legal_representative, industry, industry_code, scale, "
            + "registered_capital, status, established_on, entered_zone_on, address, grid, commissioner, version, created_at, updated_at";

    private static Map<String, Enterprise> loadEnterprises(Connection c, List<ImportRow> rows, boolean lock) throws SQLException {
        Map<String, Enterprise> found = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + ENTERPRISE_COLUMNS
                + " FROM enterprise WHERE credit_code = ANY(CAST(? AS bpchar[]))" + (lock ? " FOR UPDATE" : ""))) {
            select.setArray(1, c.createArrayOf("text", rows.stream().map(r -> r.creditCode).toArray()));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    Enterprise e = new Enterprise();
                    e.creditCode = r.getString(1).strip();
                    e.name = r.getString(2);
                    e.legalRepresentative = r.getString(3);
                    e.industry = r.getString(4);
                    e.industryCode = r.getString(5);
                    e.scale = r.getString(6) == null ? null : EnterpriseScale.valueOf(r.getString(6));
                    e.registeredCapital = r.getBigDecimal(7);
                    e.status = EnterpriseStatus.valueOf(r.getString(8));
                    e.establishedOn = r.getObject(9, java.time.LocalDate.class);
                    e.enteredZoneOn = r.getObject(10, java.time.LocalDate.class);
                    e.address = r.getString(11);
                    e.grid = r.getString(12);
                    e.commissioner = r.getString(13);
                    e.version = r.getLong(14);
                    e.createdAt = r.getObject(15, OffsetDateTime.class).toInstant();
                    e.updatedAt = r.getObject(16, OffsetDateTime.class).toInstant();
                    found.put(e.creditCode, e);
                }
            }
        }
        return found;
    }

    private static Map<EnterpriseFigures.Key, EnterpriseFigures> loadFigures(Connection c, List<ImportRow> rows, boolean lock)
            throws SQLException {
        List<ImportRow> withFigures = rows.stream().filter(r -> r.year() != null).toList();
        Map<EnterpriseFigures.Key, EnterpriseFigures> found = new HashMap<>();
        if (withFigures.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = c.prepareStatement("SELECT f.credit_code, f.year, f.revenue, f.rd_spend, f.high_tech_revenue,"
                + " f.employees, f.rd_staff, f.version, f.created_at FROM enterprise_figures f"
                + " JOIN unnest(CAST(? AS text[]), CAST(? AS text[])) AS u(c, y) ON f.credit_code = CAST(u.c AS bpchar)"
                + " AND f.year = CAST(u.y AS smallint)" + (lock ? " FOR UPDATE OF f" : ""))) {
            select.setArray(1, c.createArrayOf("text", withFigures.stream().map(r -> r.creditCode).toArray()));
            select.setArray(2, c.createArrayOf("text", withFigures.stream().map(r -> r.year().toString()).toArray()));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    EnterpriseFigures f = new EnterpriseFigures();
                    f.key = new EnterpriseFigures.Key(r.getString(1).strip(), r.getShort(2));
                    f.revenue = r.getBigDecimal(3);
                    f.rdSpend = r.getBigDecimal(4);
                    f.highTechRevenue = r.getBigDecimal(5);
                    f.employees = (Integer) r.getObject(6);
                    f.rdStaff = (Integer) r.getObject(7);
                    f.version = r.getLong(8);
                    f.createdAt = r.getObject(9, OffsetDateTime.class).toInstant();
                    found.put(f.key, f);
                }
            }
        }
        return found;
    }

    /** Column arrays of a set-based statement: one list per column, one element per row. */
    private static final class Columns {
        final List<List<String>> values;

        Columns(int count) {
            values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(new ArrayList<>());
            }
        }

        void add(Object... row) {
            for (int i = 0; i < row.length; i++) {
                values.get(i).add(row[i] == null ? null : row[i] instanceof java.math.BigDecimal d ? d.toPlainString() : row[i].toString());
            }
        }

        boolean isEmpty() {
            return values.get(0).isEmpty();
        }

        int size() {
            return values.get(0).size();
        }

        /** Binds the arrays from parameter {@code first} on; returns the next parameter index. */
        int bind(Connection c, PreparedStatement s, int first) throws SQLException {
            for (List<String> column : values) {
                s.setArray(first++, c.createArrayOf("text", column.toArray()));
            }
            return first;
        }
    }

    private static Object[] record(Enterprise e) {
        return new Object[] {e.creditCode, e.name, e.legalRepresentative, e.industry, e.industryCode, e.scale == null ? null : e.scale.name(),
            e.registeredCapital, e.status.name(), e.establishedOn, e.enteredZoneOn, e.address, e.grid, e.commissioner};
    }

    private static String arrays(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "CAST(? AS text[])"));
    }

    private void write(Connection c, List<Planned> plan, Instant now) throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        Columns inserts = new Columns(13);
        Columns updates = new Columns(14);
        Columns newFigures = new Columns(7);
        Columns changedFigures = new Columns(8);
        Columns audits = new Columns(3);
        Columns events = new Columns(7);
        for (Planned p : plan) {
            if (p.before() == null) {
                inserts.add(record(p.after()));
                Map<String, Object> summary = EnterpriseService.summary(p.after());
                summary.put("source", SOURCE);
                audits.add(p.after().creditCode, "register", EventJson.write(summary));
                event(events, EnterpriseChanged.REGISTERED, EnterpriseService.event(p.after()));
            } else if (p.recordChanged()) {
                Object[] values = java.util.Arrays.copyOf(record(p.after()), 14);
                values[13] = p.before().version;
                updates.add(values);
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("source", SOURCE);
                summary.put("before", EnterpriseService.summary(p.before()));
                summary.put("after", EnterpriseService.summary(p.after()));
                audits.add(p.after().creditCode, "update", EventJson.write(summary));
                event(events, EnterpriseChanged.UPDATED, EnterpriseService.event(p.after()));
            }
            if (p.figuresChanged()) {
                EnterpriseFigures f = p.figuresAfter();
                Object[] values = {f.key.creditCode(), f.key.year(), f.revenue, f.rdSpend, f.highTechRevenue, f.employees, f.rdStaff};
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("year", (int) f.key.year());
                summary.put("source", SOURCE);
                if (p.figuresBefore() == null) {
                    newFigures.add(values);
                } else {
                    Object[] withVersion = java.util.Arrays.copyOf(values, 8);
                    withVersion[7] = p.figuresBefore().version;
                    changedFigures.add(withVersion);
                    summary.put("before", FiguresRules.summary(p.figuresBefore()));
                }
                summary.put("after", FiguresRules.summary(f));
                audits.add(f.key.creditCode(), "figures", EventJson.write(summary));
                event(events, FiguresChanged.TYPE, FiguresRules.event(f));
            }
        }
        if (!inserts.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO enterprise (" + ENTERPRISE_COLUMNS + ") SELECT u.c, u.n, u.l, u.i,"
                    + " u.ic, u.s, CAST(u.rc AS numeric), u.st, CAST(u.eo AS date), CAST(u.ez AS date), u.a, u.g, u.cm, 0, ?, ?"
                    + " FROM unnest(" + arrays(13) + ") AS u(c, n, l, i, ic, s, rc, st, eo, ez, a, g, cm)")) {
                s.setObject(1, at);
                s.setObject(2, at);
                inserts.bind(c, s, 3);
                s.executeUpdate();
            }
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE enterprise e SET name = u.n, legal_representative = u.l, industry = u.i,"
                    + " industry_code = u.ic, scale = u.s, registered_capital = CAST(u.rc AS numeric), status = u.st,"
                    + " established_on = CAST(u.eo AS date), entered_zone_on = CAST(u.ez AS date), address = u.a, grid = u.g,"
                    + " commissioner = u.cm, version = e.version + 1, updated_at = ? FROM unnest(" + arrays(14)
                    + ") AS u(c, n, l, i, ic, s, rc, st, eo, ez, a, g, cm, v) WHERE e.credit_code = CAST(u.c AS bpchar)"
                    + " AND e.version = CAST(u.v AS bigint)")) {
                s.setObject(1, at);
                updates.bind(c, s, 2);
                expectRows(s.executeUpdate(), updates.size());
            }
        }
        if (!newFigures.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO enterprise_figures (credit_code, year, revenue, rd_spend,"
                    + " high_tech_revenue, employees, rd_staff, version, created_at, updated_at) SELECT u.c, CAST(u.y AS smallint),"
                    + " CAST(u.r AS numeric), CAST(u.d AS numeric), CAST(u.h AS numeric), CAST(u.e AS integer), CAST(u.s AS integer), 0, ?, ?"
                    + " FROM unnest(" + arrays(7) + ") AS u(c, y, r, d, h, e, s)")) {
                s.setObject(1, at);
                s.setObject(2, at);
                newFigures.bind(c, s, 3);
                s.executeUpdate();
            }
        }
        if (!changedFigures.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE enterprise_figures f SET revenue = CAST(u.r AS numeric),"
                    + " rd_spend = CAST(u.d AS numeric), high_tech_revenue = CAST(u.h AS numeric), employees = CAST(u.e AS integer),"
                    + " rd_staff = CAST(u.s AS integer), version = f.version + 1, updated_at = ? FROM unnest(" + arrays(8)
                    + ") AS u(c, y, r, d, h, e, s, v) WHERE f.credit_code = CAST(u.c AS bpchar) AND f.year = CAST(u.y AS smallint)"
                    + " AND f.version = CAST(u.v AS bigint)")) {
                s.setObject(1, at);
                changedFigures.bind(c, s, 2);
                expectRows(s.executeUpdate(), changedFigures.size());
            }
        }
        Object correlationId = MDC.get(CorrelationId.MDC_KEY);
        if (!audits.isEmpty()) {
            // The row Audit.record writes, one per change, in the order of the file.
            try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_log (occurred_at, actor, role, correlation_id, entity_type,"
                    + " entity_id, action, summary) SELECT ?, ?, ?, ?, 'enterprise', u.id, u.a, CAST(u.s AS json)"
                    + " FROM unnest(" + arrays(3) + ") WITH ORDINALITY AS u(id, a, s, o) ORDER BY u.o")) {
                s.setObject(1, at);
                s.setString(2, user.name());
                s.setString(3, user.role());
                s.setString(4, correlationId == null ? null : correlationId.toString());
                audits.bind(c, s, 5);
                s.executeUpdate();
            }
        }
        if (!events.isEmpty()) {
            // The row Outbox.publish writes; positions follow the file, so each enterprise's events keep their order.
            Map<String, String> headers = new LinkedHashMap<>();
            if (correlationId != null) {
                headers.put(EventHeaders.CORRELATION_ID, correlationId.toString());
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type,"
                    + " schema_version, payload, headers, created_at) SELECT CAST(u.id AS uuid), u.t, u.at, u.ag, u.et,"
                    + " CAST(u.v AS integer), CAST(u.p AS json), CAST(? AS json), ? FROM unnest(" + arrays(7)
                    + ") WITH ORDINALITY AS u(id, t, at, ag, et, v, p, o) ORDER BY u.o")) {
                s.setString(1, EventJson.write(headers));
                s.setObject(2, at);
                events.bind(c, s, 3);
                s.executeUpdate();
            }
            wakeRelayAfterCommit();
        }
    }

    private static <T extends Event> void event(Columns events, EventType<T> type, T data) {
        events.add(UUID.randomUUID(), type.topic(), type.aggregateType(), data.aggregateId(), type.name(), type.version(),
                EventJson.write(data));
    }

    /** The rows were locked when read, so a difference means someone changed them outside the register's rules. */
    private static void expectRows(int changed, int expected) {
        if (changed != expected) {
            throw ProblemException.conflict("CONCURRENT_MODIFICATION", "导入期间有 " + (expected - changed) + " 条记录被他人修改，请重新导入");
        }
    }

    private void wakeRelayAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
