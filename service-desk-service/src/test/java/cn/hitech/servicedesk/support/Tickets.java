package cn.hitech.servicedesk.support;

import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import cn.hitech.platform.testkit.TestKafka;

/** Tickets through the API, as the hotline and the departments use it. */
public final class Tickets {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private Tickets() {
    }

    /** Registers a ticket of {@code category} for enterprise {@code creditCode}; its id. */
    public static String register(String creditCode, String category, boolean urgent) {
        return asStaff().contentType("application/json").body("""
                {"channel": "HOTLINE", "category": "%s", "title": "新建厂房用电报装进度咨询",
                 "description": "企业来电反映新厂房用电报装已提交两周，询问办理进度。",
                 "enterpriseCreditCode": "%s", "contactName": "王经理", "contactPhone": "13812345678", "urgent": %s}
                """.formatted(category, creditCode, urgent)).post("/api/tickets").then().statusCode(201).extract().path("id");
    }

    public static String register(String creditCode) {
        return register(creditCode, "REQUEST", false);
    }

    /** The ticket as staff read it now. */
    public static JsonPath get(String id) {
        return asStaff().get("/api/tickets/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static long version(String id) {
        return get(id).getLong("version");
    }

    /** POSTs move {@code move} as {@code who}, naming the version read now as If-Match; the response to assert on. */
    public static ValidatableResponse attempt(RequestSpecification who, String id, String move, String body) {
        return who.contentType("application/json").header("If-Match", "\"" + version(id) + "\"").body(body)
                .post("/api/tickets/" + id + "/" + move).then();
    }

    /** A move as staff that must succeed. */
    public static JsonPath move(String id, String move, String body) {
        return attempt(asStaff(), id, move, body).statusCode(200).extract().jsonPath();
    }

    public static JsonPath dispatch(String id, String department) {
        return move(id, "dispatch", "{\"department\": \"" + department + "\"}");
    }

    /** A ticket dispatched to the power company and signed for. */
    public static String signed(String creditCode, String category) {
        String id = register(creditCode, category, false);
        dispatch(id, "POWER_SUPPLY");
        move(id, "sign", "{}");
        return id;
    }

    public static Instant instant(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    /** Every event about ticket {@code id} on the tickets topic, once the outbox has sent them all, in order. */
    public static List<ConsumerRecord<String, String>> events(String id) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        await("the outbox rows of ticket " + id + " sent").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                        .createNativeQuery("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1").setParameter(1, id)
                        .getSingleResult()).longValue()), rows -> rows == 0);
        return TestKafka.all("tickets", r -> id.equals(r.key()), WAIT);
    }

    public static List<ConsumerRecord<String, String>> events(String id, String type) {
        return events(id).stream().filter(r -> type.equals(TestKafka.header(r, "ce_type"))).toList();
    }
}
