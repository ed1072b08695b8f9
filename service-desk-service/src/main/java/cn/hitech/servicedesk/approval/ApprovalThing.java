package cn.hitech.servicedesk.approval;

import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** 一件事: a "thing" an applicant gets done once, bundling approval items of several departments. */
@Entity
@Table(name = "approval_thing")
public class ApprovalThing {

    @Id
    public String code;

    public String name;

    public String description;

    @OneToMany(mappedBy = "thing", cascade = CascadeType.ALL)
    @OrderBy("position")
    public List<ApprovalItem> items;
}
