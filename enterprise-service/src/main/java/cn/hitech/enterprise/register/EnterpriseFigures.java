package cn.hitech.enterprise.register;

import java.io.Serializable;
import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;

/**
 * 经营数据: an enterprise's figures for one year. Amounts in 万元: 营业收入, 研发投入, 高新技术产品（服务）收入; people:
 * 从业人员, 研发（科技）人员. The readiness checks (培育库) and policy rules read them.
 */
@Entity
@Table(name = "enterprise_figures")
public class EnterpriseFigures extends TrackedEntity {

    /** Credit code and year. */
    @Embeddable
    public record Key(@Column(name = "credit_code", columnDefinition = "bpchar") String creditCode, short year)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    public BigDecimal revenue;

    @Column(name = "rd_spend")
    public BigDecimal rdSpend;

    @Column(name = "high_tech_revenue")
    public BigDecimal highTechRevenue;

    public Integer employees;

    @Column(name = "rd_staff")
    public Integer rdStaff;
}
