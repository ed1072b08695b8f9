package cn.hitech.servicedesk.topic;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Topics of the catalogue made for one test, through the API as ADMIN, with codes and labels no other test uses. */
public final class TestTopics {

    private TestTopics() {
    }

    public static String code(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** A label prefix unique to the test run: sibling labels are unique, and the database outlives a run. */
    public static String tag(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Adds a topic; its code. */
    public static String add(String code, String label, String parent) {
        asAdmin().contentType("application/json").body(Map.of("code", code, "label", label, "parent", parent == null ? "" : parent))
                .post("/api/tickets/topics").then().statusCode(201).body("code", equalTo(code)).body("version", equalTo(0));
        return code;
    }

    /** A fresh level-1 topic ("{tag}一级") with one level-2 child ("{tag}二级") and one leaf ("{tag}三级"): the three codes. */
    public static List<String> subtree(String tag) {
        String one = add(code("T1"), tag + "一级", null);
        String two = add(code("T2"), tag + "二级", one);
        String three = add(code("T3"), tag + "三级", two);
        return List.of(one, two, three);
    }
}
