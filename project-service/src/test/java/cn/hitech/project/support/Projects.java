package cn.hitech.project.support;

import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.TestKafka;

/** Test data through the API, as staff would enter it; each call makes its own project with a unique name. */
public final class Projects {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private Projects() {
    }

    /** Registers a project; {@code overrides} replace fields of the default body (JSON fragments as values). */
    public static String register(String owner, Map<String, String> overrides) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of(
                "name", "\"测试项目 " + java.util.UUID.randomUUID() + "\"",
                "level", "\"MUNICIPAL_KEY\"",
                "industryChain", "\"HIGH_END_EQUIPMENT\"",
                "ownerCreditCode", "\"" + owner + "\"",
                "totalInvestment", "100000.00",
                "annualPlannedInvestment", "40000.00",
                "plannedStart", "\"2026-03-02\"",
                "plannedEnd", "\"2027-12-31\"",
                "location", "\"济宁高新区\""));
        fields.putAll(overrides);
        StringBuilder body = new StringBuilder("{");
        fields.forEach((k, v) -> body.append(body.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        body.append('}');
        return asStaff().contentType("application/json").body(body.toString()).post("/api/projects")
                .then().statusCode(201).extract().path("id");
    }

    public static String register(String owner) {
        return register(owner, Map.of());
    }

    /** Moves a project by a named transition ({@code sign}, {@code start} …) on {@code date}, naming the version read as If-Match. */
    public static JsonPath move(String id, String transition, String date) {
        return asStaff().contentType("application/json").header("If-Match", etag("/api/projects/" + id))
                .body("{\"date\": \"" + date + "\"}")
                .post("/api/projects/" + id + "/" + transition).then().statusCode(200).extract().jsonPath();
    }

    /** The ETag of a single object's GET (as staff), e.g. {@code "3"}; fails when there is none. */
    public static String etag(String path) {
        String tag = asStaff().get(path).then().statusCode(200).extract().header("ETag");
        if (tag == null) {
            throw new AssertionError("GET " + path + " carries no ETag");
        }
        return tag;
    }

    /** The {@code version} of a single object as staff read it now. */
    public static long version(String path) {
        return asStaff().get(path).then().statusCode(200).extract().jsonPath().getLong("version");
    }

    /** A project signed and started on the given dates. */
    public static String started(String owner, Map<String, String> overrides, String signed, String started) {
        String id = register(owner, overrides);
        move(id, "sign", signed);
        move(id, "start", started);
        return id;
    }

    public static List<Map<String, Object>> milestones(String id) {
        return asStaff().get("/api/projects/" + id + "/milestones").then().statusCode(200).extract().jsonPath().getList("$");
    }

    public static String milestoneId(String id, String code) {
        return milestones(id).stream().filter(m -> code.equals(m.get("code"))).map(m -> (String) m.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError("no milestone " + code + " in " + id));
    }

    /** Waits for the event of {@code type} about project {@code id} on the projects topic. */
    public static ConsumerRecord<String, String> awaitEvent(String id, String type) {
        return TestKafka.await("projects", r -> id.equals(r.key()) && type.equals(TestKafka.header(r, "ce_type")), WAIT);
    }

    /**
     * Every event of {@code type} about project {@code id} committed so far, in the order they were published: waits
     * until the relay has sent them all, then reads the topic as it is.
     */
    public static List<ConsumerRecord<String, String>> events(String id, String type) {
        return events(id).stream().filter(r -> type.equals(TestKafka.header(r, "ce_type"))).toList();
    }

    /** Every event about project {@code id} committed so far, of any type (see {@link #events(String, String)}). */
    public static List<ConsumerRecord<String, String>> events(String id) {
        awaitOutboxEmpty(id);
        return TestKafka.all("projects", r -> id.equals(r.key()), WAIT);
    }

    /**
     * Waits until the outbox holds no event about project {@code id}. The relay deletes a row once the broker has
     * acknowledged it, so then every event committed about the project so far is on the topic, a refused write's too
     * had it left one.
     */
    public static void awaitOutboxEmpty(String id) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        await("the outbox rows of project " + id + " sent").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                        .createNativeQuery("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1").setParameter(1, id)
                        .getSingleResult()).longValue()), rows -> rows == 0);
    }
}
