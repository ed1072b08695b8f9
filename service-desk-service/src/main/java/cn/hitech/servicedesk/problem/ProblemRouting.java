package cn.hitech.servicedesk.problem;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * {@code hitech.tickets.problem-routing.<category>=<department code>}: which department a project problem's ticket is
 * dispatched to, by the problem's category (要素保障类别, project-service's codes). application.properties names the
 * defaults: LAND (用地) → NATURAL_RESOURCES 自然资源和规划分局, FUNDS (资金) → FINANCE 财政金融局, LABOUR (用工) →
 * HUMAN_RESOURCES 人力资源和社会保障局, ENERGY (能耗) → DEVELOPMENT_REFORM 发展改革局, APPROVAL (审批) →
 * ADMINISTRATIVE_APPROVAL 行政审批服务局, UTILITIES (水电气暖) → POWER_SUPPLY 供电公司, OTHER (其他) →
 * INVESTMENT_PROMOTION 投资促进局. A category not named (a newer project-service's) takes the OTHER route.
 */
@ConfigMapping(prefix = "hitech.tickets.problem-routing")
public interface ProblemRouting {

    String OTHER = "OTHER";

    /** Category code → department code. */
    @WithParentName
    Map<String, String> departments();

    /** The department code for {@code category}: its own route, else the OTHER route (null only when neither is set). */
    default String departmentFor(String category) {
        String code = category == null ? null : departments().get(category);
        return code != null ? code : departments().get(OTHER);
    }
}
