package cn.hitech.enterprise.register;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.ProblemException;

/**
 * 企业检索: the register filtered by name or code, industry (a GB/T 4754 code prefix: C takes all manufacturing, C35
 * all 专用设备), grid, commissioner, a qualification held today, status and scale; sorted and paged. Only the filters
 * given go into the SQL (PostgreSQL cannot type a parameter bound to null alone).
 */
@ApplicationScoped
public class EnterpriseSearch {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final EntityManager entityManager;
    private final Clock clock;

    EnterpriseSearch(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** What to look for; a null part does not filter. */
    public record Criteria(Optional<String> enterpriseScope, String text, String industryPrefix, String grid, String commissioner,
            String qualificationKind, String qualificationLevel, EnterpriseStatus status, EnterpriseScale scale, Order order) {
    }

    /** {@code sort=field[,asc|desc]}; the credit code breaks ties, so pages never overlap. */
    public record Order(String column, boolean descending) {

        private static final Map<String, String> COLUMNS = Map.of("name", "e.name", "creditCode", "e.credit_code",
                "registeredCapital", "e.registered_capital", "establishedOn", "e.established_on", "updatedAt", "e.updated_at");

        public static Order parse(String sort) {
            if (sort == null || sort.isBlank()) {
                return new Order("e.name", false);
            }
            String[] parts = sort.strip().split("\\s*,\\s*");
            String column = COLUMNS.get(parts[0]);
            boolean known = column != null && parts.length <= 2
                    && (parts.length == 1 || parts[1].equalsIgnoreCase("asc") || parts[1].equalsIgnoreCase("desc"));
            if (!known) {
                throw ProblemException.invalidField("sort", "'" + sort + "' 无法识别；可按 name、creditCode、registeredCapital、"
                        + "establishedOn、updatedAt 排序，可加 ,asc 或 ,desc");
            }
            return new Order(column, parts.length == 2 && parts[1].equalsIgnoreCase("desc"));
        }

        String sql() {
            String direction = descending ? " DESC NULLS LAST" : " ASC NULLS LAST";
            return column + direction + (column.equals("e.credit_code") ? "" : ", e.credit_code" + direction);
        }
    }

    /** One page; {@code seesLegalRepresentative} false masks the 法定代表人. */
    public PageView<EnterpriseApi.EnterpriseView> page(Criteria criteria, int page, int size, boolean seesLegalRepresentative) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(criteria, parameters);
        Query rows = entityManager.createNativeQuery("SELECT e.* FROM enterprise e" + where + " ORDER BY " + criteria.order().sql()
                + " LIMIT :size OFFSET :skip", Enterprise.class);
        Query count = entityManager.createNativeQuery("SELECT count(*) FROM enterprise e" + where);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        @SuppressWarnings("unchecked")
        List<Enterprise> found = rows.setParameter("size", size).setParameter("skip", (long) page * size).getResultList();
        List<EnterpriseApi.EnterpriseView> items = found.stream().map(e -> EnterpriseApi.EnterpriseView.of(e, seesLegalRepresentative))
                .toList();
        return new PageView<>(items, page, size, ((Number) count.getSingleResult()).longValue());
    }

    /** The rows of an export: every match with its latest year of figures (null when it has none), in order. */
    List<Object[]> exportRows(Criteria criteria) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(criteria, parameters);
        Query rows = entityManager.createNativeQuery("SELECT e.credit_code, e.name, e.legal_representative, e.industry_code, e.scale,"
                + " e.registered_capital, e.address, e.grid, e.commissioner, e.status, e.established_on, e.entered_zone_on,"
                + " f.year, f.revenue, f.rd_spend, f.high_tech_revenue, f.employees, f.rd_staff FROM enterprise e"
                + " LEFT JOIN LATERAL (SELECT * FROM enterprise_figures x WHERE x.credit_code = e.credit_code ORDER BY x.year DESC LIMIT 1) f"
                + " ON true" + where + " ORDER BY " + criteria.order().sql());
        parameters.forEach(rows::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.getResultList();
        return found;
    }

    /** The matches of {@code criteria} counted per value of {@code columns}: rows of [value…, count], largest first. */
    List<Object[]> countBy(Criteria criteria, String columns) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        Query rows = entityManager.createNativeQuery("SELECT " + columns + ", count(*) FROM enterprise e" + where(criteria, parameters)
                + " GROUP BY " + columns + " ORDER BY count(*) DESC, " + columns);
        parameters.forEach(rows::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.getResultList();
        return found;
    }

    private String where(Criteria c, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        c.enterpriseScope().ifPresent(scope -> {
            conditions.add("e.credit_code = :scope");
            parameters.put("scope", scope);
        });
        String text = c.text() == null ? "" : c.text().strip();
        if (!text.isEmpty()) {
            conditions.add("(lower(e.name) LIKE :like OR e.credit_code = :code)");
            parameters.put("like", "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            parameters.put("code", text.toUpperCase(Locale.ROOT));
        }
        if (given(c.industryPrefix())) {
            conditions.add("e.industry_code LIKE :industry");
            parameters.put("industry", IndustryCatalogue.normalise(c.industryPrefix()).replace("%", "").replace("_", "") + "%");
        }
        if (given(c.grid())) {
            conditions.add("e.grid = :grid");
            parameters.put("grid", c.grid().strip());
        }
        if (given(c.commissioner())) {
            conditions.add("e.commissioner = :commissioner");
            parameters.put("commissioner", c.commissioner().strip());
        }
        if (given(c.qualificationKind())) {
            conditions.add("EXISTS (SELECT 1 FROM enterprise_qualification q WHERE q.credit_code = e.credit_code AND q.kind = :kind"
                    + (given(c.qualificationLevel()) ? " AND q.level = :level" : "")
                    + " AND q.revoked_at IS NULL AND (q.valid_until IS NULL OR q.valid_until >= :today))");
            parameters.put("kind", c.qualificationKind().strip());
            if (given(c.qualificationLevel())) {
                parameters.put("level", c.qualificationLevel().strip());
            }
            parameters.put("today", LocalDate.now(clock.withZone(ZONE)));
        }
        if (c.status() != null) {
            conditions.add("e.status = :status");
            parameters.put("status", c.status().name());
        }
        if (c.scale() != null) {
            conditions.add("e.scale = :scale");
            parameters.put("scale", c.scale().name());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
