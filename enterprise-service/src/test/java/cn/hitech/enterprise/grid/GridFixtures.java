package cn.hitech.enterprise.grid;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asStaff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.hitech.platform.testkit.TestData;

/** Fresh streets, grids, commissioners and enterprises through the API, so each test owns what it asserts on. */
final class GridFixtures {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private GridFixtures() {
    }

    /** A code no other test has used. */
    static String fresh(String prefix) {
        StringBuilder code = new StringBuilder(prefix);
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A new street (街道) named after its code; returns the code. */
    static String street() {
        String code = fresh("S");
        asAdmin().contentType("application/json")
                .body(Map.of("code", code, "name", "测试街道" + code, "kind", "STREET"))
                .post("/api/enterprises/grids").then().statusCode(201);
        return code;
    }

    /** A new grid under {@code parent}; returns the code. */
    static String grid(String parent) {
        String code = parent + "-" + fresh("G").substring(1, 5);
        asAdmin().contentType("application/json")
                .body(Map.of("code", code, "name", "网格" + code, "kind", "GRID", "parent", parent))
                .post("/api/enterprises/grids").then().statusCode(201);
        return code;
    }

    /** A commissioner of {@code home}; {@code capacity} null for the zone's cap. */
    static String commissioner(String code, String home, Integer capacity) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", "专员" + code, "phone", "13805370001",
                "homeGrid", home));
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        asAdmin().contentType("application/json").body(body).post("/api/enterprises/commissioners").then().statusCode(201);
        return code;
    }

    /** A registered enterprise whose register record names {@code grid} (and {@code commissioner}, may be null). */
    static String enterprise(String grid, String commissioner) {
        String code = TestData.creditCode();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("creditCode", code, "name", "网格测试企业" + code.substring(10)));
        if (grid != null) {
            body.put("grid", grid);
        }
        if (commissioner != null) {
            body.put("commissioner", commissioner);
        }
        asStaff().contentType("application/json").body(body).post("/api/enterprises").then().statusCode(201);
        return code;
    }

    /** {@code count} enterprises of {@code grid}, in credit-code order (the order an assignment run places them in). */
    static List<String> enterprises(String grid, int count) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(enterprise(grid, null));
        }
        codes.sort(null);
        return codes;
    }

    static String commissionerOf(String creditCode) {
        return asStaff().get("/api/enterprises/" + creditCode).then().statusCode(200).extract().jsonPath().getString("commissioner");
    }

    static String gridOf(String creditCode) {
        return asStaff().get("/api/enterprises/" + creditCode).then().statusCode(200).extract().jsonPath().getString("grid");
    }
}
