package cn.hitech.project.accountability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;

/**
 * V3 gives packages a completion date: a package that was already DONE before it gets the date of its last change as
 * users read dates, in Asia/Shanghai; others get none. Run on a database at V2 with such rows, in a schema of its own
 * inside one transaction that is rolled back, so nothing of it stays.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class CompletedOnBackfillTest {

    @Inject
    DataSource dataSource;

    @Test
    void aPackageDoneBeforeV3GetsTheShanghaiDateOfItsLastChange() throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                String schema = "backfill_" + UUID.randomUUID().toString().replace("-", "");
                sql.execute("CREATE SCHEMA " + schema);
                sql.execute("SET LOCAL search_path TO " + schema);
                sql.execute(migration("V1__projects.sql"));
                sql.execute(migration("V2__project_domain.sql"));
                UUID project = UUID.randomUUID();
                sql.execute("""
                        INSERT INTO project (id, name, level, industry_chain, total_investment, status, version, created_at, updated_at)
                        VALUES ('%s', '迁移前的项目', 'DISTRICT_KEY', 'OTHER', 1000, 'STARTED', 3, now(), now())""".formatted(project));
                // 17:30 UTC on 1 March is 01:30 on 2 March in Shanghai: the day a user saw the package finished.
                sql.execute("""
                        INSERT INTO work_package (project_id, kind, status, version, created_at, updated_at) VALUES
                            ('%1$s', 'LAND_AND_START', 'DONE', 2, '2026-01-05T02:00:00Z', '2026-03-01T17:30:00Z'),
                            ('%1$s', 'CONSTRUCTION', 'IN_PROGRESS', 1, '2026-01-05T02:00:00Z', '2026-03-01T17:30:00Z'),
                            ('%1$s', 'RESOURCES', 'NOT_STARTED', 0, '2026-01-05T02:00:00Z', '2026-01-05T02:00:00Z')""".formatted(project));

                sql.execute(migration("V3__named_moves_and_versions.sql"));

                Map<String, LocalDate> completedOn = new HashMap<>();
                try (ResultSet rows = sql.executeQuery("SELECT kind, completed_on FROM work_package")) {
                    while (rows.next()) {
                        completedOn.put(rows.getString(1), rows.getObject(2, LocalDate.class));
                    }
                }
                Map<String, LocalDate> expected = new HashMap<>();
                expected.put("LAND_AND_START", LocalDate.of(2026, 3, 2));
                expected.put("CONSTRUCTION", null);
                expected.put("RESOURCES", null);
                assertEquals(expected, completedOn);
            } finally {
                connection.rollback();
            }
        }
    }

    private static String migration(String file) throws IOException {
        try (InputStream in = CompletedOnBackfillTest.class.getClassLoader().getResourceAsStream("db/migration/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no migration " + file + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
