package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.approval.Applications.BASE;
import static cn.hitech.servicedesk.approval.Applications.accept;
import static cn.hitech.servicedesk.approval.Applications.item;
import static cn.hitech.servicedesk.approval.Applications.projectStart;
import static cn.hitech.servicedesk.approval.Applications.submitted;
import static cn.hitech.servicedesk.approval.Applications.toLastStep;
import static cn.hitech.servicedesk.approval.Applications.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** 一次办结 under a race: the last two items approved at the same moment complete the thing exactly once. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ConcurrentCompletionTest {

    @Test
    void theLastTwoItemsApprovedAtTheSameMomentCompleteTheThingOnce() throws Exception {
        String code = TestData.creditCode();
        String id = submitted(asEnterprise(code), "PROJECT_CONSTRUCTION_START", projectStart(code, UUID.randomUUID()));
        accept(id);
        toLastStep(id, "PLANNING_PERMIT");
        JsonPath ready = toLastStep(id, "CONSTRUCTION_PERMIT");
        assertEquals("DECIDE", item(ready, "PLANNING_PERMIT", "currentStep.code"));
        assertEquals("DECIDE", item(ready, "CONSTRUCTION_PERMIT", "currentStep.code"));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Integer>>> results = List.of("PLANNING_PERMIT", "CONSTRUCTION_PERMIT").stream()
                    .map(item -> pool.submit(() -> {
                        long read = version(id);
                        start.await();
                        List<Integer> statuses = new java.util.ArrayList<>();
                        // Both name the version they read at once; the one that loses the row lock finds it moved on
                        // (409), reads again and approves again, as a client would.
                        for (int attempt = 0; attempt < 5; attempt++) {
                            Response r = asStaff().contentType("application/json").header("If-Match", "\"" + read + "\"")
                                    .body("{}").post(BASE + "/" + id + "/items/" + item + "/approve");
                            statuses.add(r.statusCode());
                            if (r.statusCode() != 409) {
                                break;
                            }
                            read = version(id);
                        }
                        return statuses;
                    })).toList();
            start.countDown();
            List<Integer> all = new java.util.ArrayList<>();
            for (Future<List<Integer>> f : results) {
                List<Integer> s = f.get(60, TimeUnit.SECONDS);
                assertEquals(200, s.get(s.size() - 1), "each approval got through in the end: " + s);
                all.addAll(s);
            }
            assertTrue(all.stream().allMatch(s -> s == 200 || s == 409), all.toString());
        } finally {
            pool.shutdownNow();
        }

        JsonPath done = Applications.get(id);
        assertEquals("COMPLETED", done.getString("status"));
        assertEquals(List.of("APPROVED", "APPROVED"), done.getList("items.status"));
        assertEquals(2, done.getList("certificates").size());
        assertEquals(1L, Applications.count("SELECT count(*) FROM approval_completion WHERE application_id = CAST(?1 AS uuid)", id));
        assertEquals(1L, Applications.count("SELECT count(*) FROM approval_move WHERE move = 'complete'"
                + " AND application_id = CAST(?1 AS uuid)", id));
        assertEquals(1, Applications.events(id, "approval.completed").size(), "one approval.completed");
    }
}
