package cn.hitech.platform.infra;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A quarter of one-thing applications (一件事) for {@code POST /api/approvals/applications/import}: the seed enterprises
 * apply for the zone's things (联合验收, 项目开工, 中医诊所, 水电气网联合报装, 企业查询), and the window and the
 * departments move them at realistic instants, so the measured reductions report shows figures of the seeds' kind from
 * the applications' own timings. Seeded: the same seed gives the same quarter. Each item takes a share of its promised
 * days (a few run late); some applications need a window 补正 or an item 补正, a few have an item refused. Steps and
 * 会签 come from the catalogue (the things as the service desk publishes them); the register-changing things (企业信息变更,
 * 企业迁移) are left out so the demo never renames a seed enterprise. Moves fall in office hours on weekdays (the
 * public-holiday calendar is the services' own: a move on a holiday counts no working time there).
 */
final class DemoApprovals {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalTime OPEN = LocalTime.of(9, 0);
    private static final LocalTime NOON = LocalTime.of(12, 0);
    private static final LocalTime AFTERNOON = LocalTime.of(13, 30);
    private static final LocalTime CLOSE = LocalTime.of(17, 30);
    private static final int DAY_MINUTES = 420;
    /** How many applications of each thing the quarter holds. */
    static final Map<String, Integer> MIX = Map.of("JOINT_COMPLETION_ACCEPTANCE", 12, "PROJECT_CONSTRUCTION_START", 14,
            "TCM_CLINIC_OPENING", 8, "UTILITIES_JOINT_CONNECTION", 12, "ENTERPRISE_INQUIRY", 14);

    record Enterprise(String creditCode, String name) {
    }

    private DemoApprovals() {
    }

    /**
     * @param things     the catalogue's things by code ({@code GET /api/approvals/things/{code}})
     * @param today      the demo's today: every application is completed before it
     */
    static List<ObjectNode> quarter(Map<String, JsonNode> things, List<Enterprise> enterprises, List<String> projectNames,
            LocalDate today, long seed) {
        Random random = new Random(seed);
        List<ObjectNode> applications = new ArrayList<>();
        int n = 0;
        for (String thing : MIX.keySet().stream().sorted().toList()) {
            JsonNode definition = things.get(thing);
            if (definition == null) {
                continue;
            }
            for (int i = 0; i < MIX.get(thing); i++) {
                Enterprise applicant = enterprises.get(random.nextInt(enterprises.size()));
                String project = projectNames.isEmpty() ? "济宁高新区重点项目" : projectNames.get(random.nextInt(projectNames.size()));
                ObjectNode answers = answers(thing, applicant, project, random, today);
                ObjectNode application = application(String.format("JNGX-YC-%s-%03d", today.getYear(), ++n), thing, definition,
                        applicant, answers, random, today);
                JsonNode moves = application.get("moves");
                String last = moves.get(moves.size() - 1).get("at").asText();
                if (java.time.Instant.parse(last).atZone(ZONE).toLocalDate().isBefore(today)) {
                    applications.add(application);
                }
            }
        }
        applications.sort(Comparator.comparing(a -> a.get("submittedAt").asText()));
        return applications;
    }

    private static ObjectNode application(String legacy, String thing, JsonNode definition, Enterprise applicant, ObjectNode answers,
            Random random, LocalDate today) {
        // Submitted on a weekday 28 to 90 days ago, so even a slow application is done before today.
        LocalDateTime submitted = inOffice(weekday(today.minusDays(28 + random.nextInt(63))).atTime(OPEN.plusMinutes(random.nextInt(420))));
        List<Move> moves = new ArrayList<>();
        LocalDateTime t = later(submitted, 30 + random.nextInt(120));
        List<JsonNode> items = new ArrayList<>();
        definition.get("items").forEach(item -> {
            if (applies(item.get("condition"), answers)) {
                items.add(item);
            }
        });
        if (random.nextInt(10) == 0) {
            String material = items.get(0).get("materials").get(0).asText();
            moves.add(new Move(t, node("REQUEST_CORRECTION").put("note", "材料不全，一次性告知补正").set("materials", array(material))));
            t = later(t, DAY_MINUTES + random.nextInt(DAY_MINUTES));
            moves.add(new Move(t, node("SUPPLY").put("inPerson", random.nextBoolean()).set("materials", array(material))));
            t = later(t, 30 + random.nextInt(90));
        }
        moves.add(new Move(t, node("ACCEPT")));
        LocalDateTime accepted = t;
        boolean refusal = random.nextInt(20) == 0;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String code = item.get("code").asText();
            int promised = item.get("promisedDays").asInt();
            // Most items finish well inside their promise; one in twelve runs a little late.
            double share = random.nextInt(12) == 0 ? 1.0 + random.nextDouble() * 0.3 : 0.25 + random.nextDouble() * 0.65;
            int total = Math.max(60, (int) (promised * DAY_MINUTES * share));
            JsonNode steps = item.get("steps");
            LocalDateTime at = accepted;
            boolean corrected = random.nextInt(12) == 0 && steps.size() > 1;
            for (int s = 0; s < steps.size(); s++) {
                at = later(at, Math.max(10, total / steps.size()));
                if (corrected && s == steps.size() - 1) {
                    String material = item.get("materials").get(item.get("materials").size() - 1).asText();
                    moves.add(new Move(at, node("ITEM_REQUEST_CORRECTION").put("item", code).put("note", "请补正材料")
                            .set("materials", array(material))));
                    at = later(at, DAY_MINUTES / 2 + random.nextInt(DAY_MINUTES * 2));
                    moves.add(new Move(at, node("ITEM_SUPPLY").put("item", code).put("inPerson", random.nextInt(3) == 0)
                            .set("materials", array(material))));
                    at = later(at, 60 + random.nextInt(DAY_MINUTES));
                }
                boolean last = s == steps.size() - 1;
                if (refusal && i == items.size() - 1 && last) {
                    moves.add(new Move(at, node("REFUSE").put("item", code).put("reason", "经现场核查不符合法定条件，不予许可")));
                    break;
                }
                JsonNode countersign = steps.get(s).get("countersign");
                if (countersign != null && countersign.size() > 0) {
                    for (JsonNode department : countersign) {
                        at = later(at, 5 + random.nextInt(30));
                        moves.add(new Move(at, node("SIGN_OFF").put("item", code).put("department", department.asText())));
                    }
                } else {
                    moves.add(new Move(at, node("APPROVE").put("item", code)));
                }
            }
        }
        moves.sort(Comparator.comparing(Move::at));
        ObjectNode application = JSON.createObjectNode().put("legacyNumber", legacy).put("thing", thing)
                .put("applicantCreditCode", applicant.creditCode()).put("inPerson", random.nextInt(3) == 0)
                .put("submittedAt", instant(submitted));
        application.set("answers", answers);
        ArrayNode list = application.putArray("moves");
        moves.forEach(m -> list.add(m.move().put("at", instant(m.at()))));
        return application;
    }

    private record Move(LocalDateTime at, ObjectNode move) {
    }

    private static ObjectNode answers(String thing, Enterprise e, String project, Random random, LocalDate today) {
        ObjectNode a = JSON.createObjectNode().put("creditCode", e.creditCode()).put("contactPhone",
                "138053" + String.format("%05d", random.nextInt(100_000)));
        String site = "济宁高新区" + List.of("崇文大道", "海川路", "火炬路", "开源路", "同济路", "嘉新路").get(random.nextInt(6))
                + (1 + random.nextInt(200)) + "号";
        switch (thing) {
            case "JOINT_COMPLETION_ACCEPTANCE" -> a.put("projectId", "2025-370871-" + (10 + random.nextInt(80)) + "-03-0"
                    + (10000 + random.nextInt(90000))).put("projectName", project).put("enterpriseName", e.name())
                    .put("siteAddress", site).put("completionDate", today.minusDays(100 + random.nextInt(30)).toString())
                    .put("floorArea", 8000 + random.nextInt(90000)).put("planningPermitNo", "建字第3708112025" + (10000 + random.nextInt(90000)) + "号")
                    .put("fireDesignApprovalNo", "济高消审字〔2025〕第" + (100 + random.nextInt(800)) + "号")
                    .put("civilAirDefenceArea", 500 + random.nextInt(6000)).put("archivesVolumes", 10 + random.nextInt(80));
            case "PROJECT_CONSTRUCTION_START" -> a.put("projectId", "2025-370871-" + (10 + random.nextInt(80)) + "-01-0"
                    + (10000 + random.nextInt(90000))).put("projectName", project).put("enterpriseName", e.name())
                    .put("siteAddress", site).put("totalInvestment", 5000 + random.nextInt(95000))
                    .put("floorArea", 10000 + random.nextInt(120000))
                    .put("landCertificateNo", "鲁(2025)济宁市不动产权第00" + (10000 + random.nextInt(90000)) + "号")
                    .put("contractPrice", 3000 + random.nextInt(60000)).put("contractorCreditCode", "91350200MA2YJ1XR9G")
                    .put("supervisorCreditCode", "9135021359498494XQ").put("plannedStartDate", today.plusDays(30).toString());
            case "TCM_CLINIC_OPENING" -> {
                a.put("clinicName", "济宁高新区" + List.of("仁和", "康济", "杏林", "百草", "同仁").get(random.nextInt(5))
                    + "中医诊所").put("legalRepresentative", "陈明").put("legalRepresentativeId", "370811199001011236")
                    .put("address", site).put("practiceCategory", "TCM").put("principalPhysician", "陈明")
                    .put("sealCount", 1 + random.nextInt(3)).put("physicianMovesIn", random.nextInt(3) == 0);
                if (a.get("physicianMovesIn").asBoolean()) {
                    a.put("physicianName", "王磊").put("physicianId", "370811199001011236").put("physicianLicenceNo", "110370800001234")
                            .put("previousPracticeSite", "济宁市第一人民医院");
                }
            }
            case "UTILITIES_JOINT_CONNECTION" -> {
                boolean gas = random.nextBoolean();
                boolean road = random.nextInt(3) == 0;
                boolean broadband = random.nextInt(4) != 0;
                a.put("enterpriseName", e.name()).put("siteAddress", site).put("contactName", "王工")
                        .put("powerCapacityKva", 315 * (1 + random.nextInt(8)))
                        .put("waterPipeDiameter", List.of("DN25", "DN50", "DN100").get(random.nextInt(3))).put("needsGas", gas)
                        .put("needsBroadband", broadband).put("needsRoadExcavation", road);
                // A field of an item that does not apply is not on the form.
                if (gas) {
                    a.put("gasMonthlyVolume", 1000 + random.nextInt(20000));
                }
                if (broadband) {
                    a.put("bandwidth", List.of("100M", "500M", "1000M").get(random.nextInt(3)));
                }
                if (road) {
                    a.put("excavationLength", 20 + random.nextInt(200));
                }
            }
            default -> {
                String purpose = List.of("BIDDING", "FINANCING", "LITIGATION", "OTHER").get(random.nextInt(4));
                a.put("enterpriseName", e.name()).put("purpose", purpose).put("agentName", "刘洋")
                        .put("agentId", "370811199001011236").put("inquiryScope", List.of("BASIC", "CHANGES", "FULL").get(random.nextInt(3)));
                if (purpose.equals("BIDDING") || purpose.equals("FINANCING")) {
                    a.put("taxYear", today.getYear() - 1);
                }
                if (purpose.equals("BIDDING")) {
                    a.put("paymentFrom", today.minusYears(1).withDayOfMonth(1).toString());
                }
            }
        }
        return a;
    }

    /** The catalogue's condition on the answers given (EQUALS, IN, IS_TRUE); none: always. */
    private static boolean applies(JsonNode condition, ObjectNode answers) {
        if (condition == null || condition.isNull()) {
            return true;
        }
        JsonNode answer = answers.get(condition.get("field").asText());
        return switch (condition.get("operator").asText()) {
            case "IS_TRUE" -> answer != null && answer.asBoolean();
            case "EQUALS" -> answer != null && answer.asText().equals(condition.get("value").asText());
            case "IN" -> {
                boolean in = false;
                for (JsonNode v : condition.get("values")) {
                    in |= answer != null && answer.asText().equals(v.asText());
                }
                yield in;
            }
            default -> true;
        };
    }

    /** {@code minutes} of office time after {@code from}, on weekdays. */
    static LocalDateTime later(LocalDateTime from, int minutes) {
        LocalDateTime t = inOffice(from);
        long left = minutes;
        while (true) {
            LocalTime end = t.toLocalTime().isBefore(NOON) ? NOON : CLOSE;
            long room = java.time.Duration.between(t.toLocalTime(), end).toMinutes();
            if (left < room) {
                return t.plusMinutes(left);
            }
            left -= room;
            t = end.equals(NOON) ? t.toLocalDate().atTime(AFTERNOON) : weekday(t.toLocalDate().plusDays(1)).atTime(OPEN);
        }
    }

    /** The first office minute at or after {@code t}. */
    static LocalDateTime inOffice(LocalDateTime t) {
        LocalTime time = t.toLocalTime();
        LocalDate day = t.toLocalDate();
        if (!isWeekday(day)) {
            return weekday(day).atTime(OPEN);
        }
        if (!time.isBefore(CLOSE)) {
            return weekday(day.plusDays(1)).atTime(OPEN);
        }
        if (time.isBefore(OPEN)) {
            return day.atTime(OPEN);
        }
        if (!time.isBefore(NOON) && time.isBefore(AFTERNOON)) {
            return day.atTime(AFTERNOON);
        }
        return t.withSecond(0).withNano(0);
    }

    private static LocalDate weekday(LocalDate day) {
        LocalDate d = day;
        while (!isWeekday(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static String instant(LocalDateTime t) {
        return t.atZone(ZONE).toInstant().toString();
    }

    private static ObjectNode node(String move) {
        return JSON.createObjectNode().put("move", move);
    }

    private static ArrayNode array(String value) {
        return JSON.createArrayNode().add(value);
    }
}
