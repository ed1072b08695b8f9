package cn.hitech.servicedesk.approval;

import java.io.Serializable;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import jakarta.persistence.Column;

/** 审批事项: one approval item of a thing, owned by one department. */
@Entity
@Table(name = "approval_item")
public class ApprovalItem {

    @EmbeddedId
    public Key key;

    @MapsId("thingCode")
    @ManyToOne
    @JoinColumn(name = "thing_code")
    public ApprovalThing thing;

    public String name;

    /** 承办部门. */
    public String department;

    public int position;

    @Embeddable
    public record Key(@Column(name = "thing_code") String thingCode, @Column(name = "code") String code) implements Serializable {
    }
}
