package cn.hitech.servicedesk.problem;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * {@code hitech.tickets.problem-topics.<category>=<leaf topic code>}: the 诉求分类 a project problem's ticket is filed
 * under, by the problem's category (project-service's codes). application.properties names the defaults: LAND (用地) →
 * LAND_SUPPLY 项目用地供应, FUNDS (资金) → BANK_LOAN 融资 / 银行贷款对接, LABOUR (用工) → RECRUITMENT 用工招聘 / 招聘对接,
 * ENERGY (用能) → ENERGY_QUOTA 用电 / 用能指标, APPROVAL (审批) → PROJECT_FILING 立项审批手续, UTILITIES (水电气暖) →
 * PIPE_NETWORK 水电气暖管网配套, OTHER → GENERAL_OTHER. A category not named takes the OTHER topic.
 */
@ConfigMapping(prefix = "hitech.tickets.problem-topics")
public interface ProblemTopics {

    /** Category code → leaf topic code. */
    @WithParentName
    Map<String, String> topics();

    /** The topic for {@code category}: its own, else the OTHER one (null only when neither is set). */
    default String topicFor(String category) {
        String code = category == null ? null : topics().get(category);
        return code != null ? code : topics().get(ProblemRouting.OTHER);
    }
}
