package cn.hitech.project.messaging;

import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.messaging.OutboxRelay;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;
import cn.hitech.project.support.AnotherInstance;
import cn.hitech.project.support.Projects;

/**
 * One relay per database: while another instance's relay holds the leader lock, this instance's relay publishes
 * nothing (the event waits in the outbox); once the other lets go, this one sends the backlog.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class OutboxRelayLeaderTest {

    private static final String RAISED = "project.problem.raised";

    @Inject
    EntityManager entityManager;

    @Test
    void whileAnotherInstanceLeadsNothingIsPublishedAndThenTheBacklogGoesOut() {
        String project = Projects.register(TestData.creditCode());
        Projects.awaitOutboxEmpty(project); // its project.registered is out before the other instance takes the lead
        try (AnotherInstance other = AnotherInstance.holding(OutboxRelay.LEADER_LOCK)) {
            asStaff().contentType("application/json").body("{\"category\": \"LAND\", \"description\": \"用地指标待落实\"}")
                    .post("/api/projects/" + project + "/problems").then().statusCode(201);
            // The commit woke the relay, and its 1 s poll comes round three times: the row must stay all along.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> waiting(project) == 1);
            assertEquals(List.of(), TestKafka.all("projects", r -> project.equals(r.key())
                    && RAISED.equals(TestKafka.header(r, "ce_type")), Projects.WAIT), "published while another relay led");
        }
        assertEquals(1, Projects.events(project, RAISED).size(), "sent once, when the other let go");
    }

    private long waiting(String project) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1 AND event_type = ?2")
                .setParameter(1, project).setParameter(2, RAISED).getSingleResult()).longValue());
    }
}
