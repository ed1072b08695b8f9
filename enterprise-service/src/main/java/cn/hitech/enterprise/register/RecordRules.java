package cn.hitech.enterprise.register;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;

/**
 * The register's rules across fields, one place for the API and the bulk import: the industry code is in the
 * catalogue, 入区日期 is not before 成立日期, and 注销 is final.
 */
@ApplicationScoped
public class RecordRules {

    private final IndustryCatalogue industries;

    RecordRules(IndustryCatalogue industries) {
        this.industries = industries;
    }

    /** The field errors of {@code details} for an enterprise now in {@code current} status (null: a new one), with zh-CN messages. */
    List<Problem.FieldError> check(EnterpriseApi.EnterpriseDetails details, EnterpriseStatus current) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (details.industryCode() != null && !details.industryCode().isBlank() && industries.label(details.industryCode()).isEmpty()) {
            errors.add(new Problem.FieldError("industryCode", "行业代码 " + details.industryCode().strip()
                    + " 不在国民经济行业分类（GB/T 4754-2017）目录中"));
        }
        if (details.establishedOn() != null && details.enteredZoneOn() != null && details.enteredZoneOn().isBefore(details.establishedOn())) {
            errors.add(new Problem.FieldError("enteredZoneOn", "入区日期 " + details.enteredZoneOn() + " 早于成立日期 " + details.establishedOn()));
        }
        if (current != null && details.status() != null && !current.canBecome(details.status())) {
            errors.add(new Problem.FieldError("status", "企业已注销，经营状态不能改为" + details.status().label()));
        }
        return errors;
    }

    /** As {@link #check}, but a 422 naming every bad field. */
    void require(EnterpriseApi.EnterpriseDetails details, EnterpriseStatus current) {
        List<Problem.FieldError> errors = check(details, current);
        if (!errors.isEmpty()) {
            throw new ProblemException(422, errors.get(0).field().equals("industryCode") ? "UNKNOWN_INDUSTRY_CODE" : "RULE_VIOLATED",
                    Problem.titleFor(422), String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
        }
    }

    /** The catalogue's label for a given code; without a code, the free-text label of records from before the catalogue. */
    String industryLabel(EnterpriseApi.EnterpriseDetails details) {
        if (details.industryCode() == null || details.industryCode().isBlank()) {
            return details.industry();
        }
        return industries.label(details.industryCode()).orElseThrow();
    }

    IndustryCatalogue catalogue() {
        return industries;
    }
}
