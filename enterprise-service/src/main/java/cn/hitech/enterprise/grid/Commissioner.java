package cn.hitech.enterprise.grid;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;
import cn.hitech.platform.web.ProblemException;

/** 服务专员: a member of the zone's commissioner team, working from one node of the grid tree. */
@Entity
@Table(name = "commissioner")
public class Commissioner extends TrackedEntity {

    @Id
    public String code;

    public String name;

    public String phone;

    /** 所属网格: the grid (or street / park) the commissioner works from; same-grid enterprises come to them first. */
    @Column(name = "home_grid")
    public String homeGrid;

    /** 服务上限 of this commissioner; null: the zone's cap. */
    public Integer capacity;

    @Enumerated(EnumType.STRING)
    public CommissionerStatus status = CommissionerStatus.ACTIVE;

    @Column(name = "left_at")
    public Instant leftAt;

    /** The most enterprises this commissioner may hold. */
    public int cap(int zoneCap) {
        return capacity != null ? capacity : zoneCap;
    }

    /** 离岗: once only; their enterprises are reassigned in the same transaction by the caller. */
    public void leave(Instant now) {
        if (status == CommissionerStatus.LEFT) {
            throw ProblemException.conflict("COMMISSIONER_ALREADY_LEFT", "服务专员 " + code + " 已于此前离岗");
        }
        status = CommissionerStatus.LEFT;
        leftAt = now;
        touch(now);
    }
}
