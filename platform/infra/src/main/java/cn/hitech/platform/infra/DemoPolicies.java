package cn.hitech.platform.infra;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo's 惠企政策 (enterprise policies): five policies of the kinds the seeds name, in both modes, valid for the demo
 * year. Publishing them matches the whole register, so the 免申即享 ones offer benefits at once to the enterprises the
 * register's honours qualify, and the 快申快享 ones show each enterprise what it could apply for.
 */
final class DemoPolicies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoPolicies() {
    }

    /** The request bodies, valid from 1 January of {@code today}'s year to the end of the next. */
    static List<ObjectNode> catalogue(LocalDate today) {
        LocalDate from = today.withDayOfYear(1);
        LocalDate to = from.plusYears(2).minusDays(1);
        int year = today.getYear();
        return List.of(
                policy("专精特新“小巨人”企业奖励", "济宁高新区经济发展局", "济高经发〔" + year + "〕12号", from, to, "AUTO",
                        rules(hasQualification("LITTLE_GIANT", "NATIONAL")), fixed(50)),
                policy("高新技术企业认定奖励", "济宁高新区科技创新局", "济高科发〔" + year + "〕7号", from, to, "AUTO",
                        rules(hasQualification("HIGH_TECH", "NATIONAL")), fixed(10)),
                policy("瞪羚企业成长奖励", "济宁高新区经济发展局", "济高经发〔" + year + "〕15号", from, to, "AUTO",
                        rules(hasQualification("GAZELLE", "PROVINCIAL")), fixed(20)),
                policy("规上工业企业研发投入后补助", "济宁高新区科技创新局", "济高科发〔" + year + "〕9号", from, to, "APPLY",
                        rules(industryIn("C"), JSON.createObjectNode().put("type", "SCALE").put("scale", "ABOVE_SCALE"),
                                JSON.createObjectNode().put("type", "RD_RATIO_AT_LEAST").put("value", 3)),
                        JSON.createObjectNode().put("kind", "PERCENT_OF").put("base", "RD_SPEND").put("percent", 10).put("cap", 50)),
                policy("重大项目投产奖励", "济宁高新区发展改革局", "济高发改〔" + year + "〕21号", from, to, "APPLY",
                        rules(JSON.createObjectNode().put("type", "PROJECT_IN_STAGE").put("stage", "IN_OPERATION")), fixed(100)));
    }

    private static ObjectNode policy(String name, String issuer, String documentNumber, LocalDate from, LocalDate to, String mode,
            ArrayNode eligibility, ObjectNode amount) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("issuer", issuer).put("documentNumber", documentNumber)
                .put("validFrom", from.toString()).put("validTo", to.toString()).put("mode", mode);
        body.set("eligibility", eligibility);
        body.set("amount", amount);
        return body;
    }

    private static ArrayNode rules(ObjectNode... rules) {
        ArrayNode list = JSON.createArrayNode();
        for (ObjectNode rule : rules) {
            list.add(rule);
        }
        return list;
    }

    private static ObjectNode hasQualification(String kind, String minLevel) {
        return JSON.createObjectNode().put("type", "HAS_QUALIFICATION").put("kind", kind).put("minLevel", minLevel);
    }

    private static ObjectNode industryIn(String prefix) {
        ObjectNode rule = JSON.createObjectNode().put("type", "INDUSTRY_IN");
        rule.putArray("codes").add(prefix);
        return rule;
    }

    private static ObjectNode fixed(int wan) {
        return JSON.createObjectNode().put("kind", "FIXED").put("value", wan);
    }
}
