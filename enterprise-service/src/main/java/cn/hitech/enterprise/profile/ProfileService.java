package cn.hitech.enterprise.profile;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hitech.enterprise.register.EnterpriseApi;
import cn.hitech.enterprise.register.EnterpriseService;
import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.CurrentUser;

/**
 * 一企一档: one answer about one enterprise. The register's own parts are read where they live; what the other services
 * did with the enterprise (projects, tickets, one-thing applications and certificates) comes from the read model their
 * events keep ({@link ProfileProjection}); the parts other packages own come from their {@link ProfileSection}s.
 */
@ApplicationScoped
class ProfileService {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int RECENT = 20;
    private static final Map<String, String> STAGES = Map.of("RESERVE", "储备", "SIGNED", "签约", "STARTED", "开工", "COMPLETED", "竣工",
            "IN_OPERATION", "投产", "AT_CAPACITY", "达效");
    private static final Map<String, String> TICKET_STATUSES = Map.of("REGISTERED", "已受理", "DISPATCHED", "已派单", "RETURNED", "已退单",
            "SIGNED", "已签收", "SUSPENDED", "已挂起", "RESOLVED", "已办结", "CLOSED", "已关闭", "MERGED", "已并单");
    private static final List<String> TICKET_ENDED = List.of("RESOLVED", "CLOSED", "MERGED");
    private static final Map<String, String> APPLICATION_STATUSES = Map.of("SUBMITTED", "已提交，待预审", "CORRECTION_REQUESTED",
            "待补正材料", "IN_PROGRESS", "办理中", "COMPLETED", "已办结", "PARTLY_REFUSED", "已办结（部分事项不予许可）");

    private final EnterpriseService register;
    private final EntityManager em;
    private final Audit audit;
    private final CurrentUser user;
    private final Clock clock;
    private final Instance<ProfileSection> sections;

    ProfileService(EnterpriseService register, EntityManager em, Audit audit, CurrentUser user, Clock clock,
            Instance<ProfileSection> sections) {
        this.register = register;
        this.em = em;
        this.audit = audit;
        this.user = user;
        this.clock = clock;
        this.sections = sections;
    }

    /** The profile of {@code creditCode}; an enterprise account gets its own only (any other is 404, as the register's). */
    ProfileApi.Profile profile(String creditCode) {
        Optional<String> scope = user.enterpriseScope();
        EnterpriseApi.EnterpriseView enterprise = register.get(creditCode, scope, EnterpriseService.seesLegalRepresentative(user));
        String code = enterprise.creditCode();
        Map<String, Object> more = new LinkedHashMap<>();
        for (ProfileSection section : sections) {
            Object part = section.of(code);
            if (part != null) {
                more.put(section.name(), part);
            }
        }
        return new ProfileApi.Profile(enterprise, audit.list("enterprise", code, 0, 10).items(), figures(code),
                qualifications(code), projects(code), tickets(code), applications(code), certificates(code), more, clock.instant());
    }

    private List<ProfileApi.Figures> figures(String code) {
        List<ProfileApi.Figures> figures = new ArrayList<>();
        for (Object[] r : rows("SELECT year, revenue, rd_spend, high_tech_revenue, employees, rd_staff FROM enterprise_figures"
                + " WHERE credit_code = ?1 ORDER BY year DESC", code)) {
            figures.add(new ProfileApi.Figures(((Number) r[0]).intValue(), (BigDecimal) r[1], (BigDecimal) r[2], (BigDecimal) r[3],
                    integer(r[4]), integer(r[5])));
        }
        return figures;
    }

    private List<ProfileApi.Qualification> qualifications(String code) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        List<ProfileApi.Qualification> list = new ArrayList<>();
        for (Object[] r : rows("SELECT id, kind, level, year, certificate_number, valid_until, revoked_at FROM enterprise_qualification"
                + " WHERE credit_code = ?1 ORDER BY year DESC, kind", code)) {
            LocalDate until = date(r[5]);
            String state = r[6] != null ? "REVOKED" : until != null && until.isBefore(today) ? "EXPIRED" : "VALID";
            list.add(new ProfileApi.Qualification(uuid(r[0]), (String) r[1], (String) r[2], ((Number) r[3]).intValue(), (String) r[4],
                    until, state));
        }
        return list;
    }

    private ProfileApi.Projects projects(String code) {
        List<ProfileApi.Project> items = new ArrayList<>();
        Map<String, Integer> byColour = new LinkedHashMap<>();
        for (Object[] r : rows("SELECT project_id, name, level, industry_chain, total_investment, stage, stage_on, warning_colour,"
                + " CAST(warning_reasons AS text) FROM profile_project WHERE credit_code = ?1 ORDER BY name", code)) {
            String colour = (String) r[7];
            byColour.merge(colour == null ? "NONE" : colour, 1, Integer::sum);
            items.add(new ProfileApi.Project(uuid(r[0]), (String) r[1], (String) r[2], (String) r[3], (BigDecimal) r[4], (String) r[5],
                    STAGES.get((String) r[5]), date(r[6]), colour, json((String) r[8])));
        }
        return new ProfileApi.Projects(items.size(), byColour, items);
    }

    private ProfileApi.Tickets tickets(String code) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        int total = 0;
        int open = 0;
        for (Object[] r : rows("SELECT status, count(*) FROM profile_ticket WHERE credit_code = ?1 GROUP BY status ORDER BY status", code)) {
            int n = ((Number) r[1]).intValue();
            String status = r[0] == null ? "UNKNOWN" : (String) r[0];
            byStatus.put(status, n);
            total += n;
            open += TICKET_ENDED.contains(status) ? 0 : n;
        }
        List<ProfileApi.Ticket> recent = new ArrayList<>();
        for (Object[] r : rows("SELECT ticket_id, number, channel, category, status, department, registered_at, resolved_at, reply"
                + " FROM profile_ticket WHERE credit_code = ?1 ORDER BY registered_at DESC NULLS LAST LIMIT " + RECENT, code)) {
            recent.add(new ProfileApi.Ticket(uuid(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    TICKET_STATUSES.get((String) r[4]), (String) r[5], instant(r[6]), instant(r[7]), (String) r[8]));
        }
        return new ProfileApi.Tickets(total, open, byStatus, recent);
    }

    private ProfileApi.Applications applications(String code) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        int total = 0;
        for (Object[] r : rows("SELECT status, count(*) FROM profile_application WHERE credit_code = ?1 GROUP BY status ORDER BY status",
                code)) {
            int n = ((Number) r[1]).intValue();
            byStatus.put(r[0] == null ? "UNKNOWN" : (String) r[0], n);
            total += n;
        }
        List<ProfileApi.Application> recent = new ArrayList<>();
        for (Object[] r : rows("SELECT application_id, number, thing_code, thing_name, status, outcome, CAST(refused_items AS text),"
                + " submitted_at, completed_at FROM profile_application WHERE credit_code = ?1"
                + " ORDER BY submitted_at DESC NULLS LAST LIMIT " + RECENT, code)) {
            recent.add(new ProfileApi.Application(uuid(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    APPLICATION_STATUSES.get((String) r[4]), (String) r[5], json((String) r[6]), instant(r[7]), instant(r[8])));
        }
        return new ProfileApi.Applications(total, byStatus, recent);
    }

    private List<ProfileApi.Certificate> certificates(String code) {
        List<ProfileApi.Certificate> list = new ArrayList<>();
        for (Object[] r : rows("SELECT number, application_id, item_code, name, issuer, issued_on, valid_from, valid_to"
                + " FROM profile_certificate WHERE credit_code = ?1 ORDER BY issued_on DESC NULLS LAST, number", code)) {
            list.add(new ProfileApi.Certificate((String) r[0], uuid(r[1]), (String) r[2], (String) r[3], (String) r[4], date(r[5]),
                    date(r[6]), date(r[7])));
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String code) {
        return em.createNativeQuery(sql).setParameter(1, code).getResultList();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : value instanceof Date d ? d.toLocalDate() : LocalDate.parse(value.toString());
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(value.toString());
    }

    private static JsonNode json(String text) {
        return text == null ? null : EventJson.tree(text);
    }
}
