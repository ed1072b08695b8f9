package cn.hitech.servicedesk.ticket;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;

/** 工单: one request of an enterprise, followed from registration to call-back. */
@Entity
@Table(name = "ticket")
public class Ticket extends TrackedEntity {

    @Id
    public UUID id;

    /** 工单编号, e.g. {@code GD20261122000042}: what the hotline operator reads out to the caller. */
    public String number;

    @Enumerated(EnumType.STRING)
    public TicketChannel channel;

    @Enumerated(EnumType.STRING)
    public TicketCategory category;

    public String title;

    public String description;

    @Column(name = "enterprise_credit_code", columnDefinition = "bpchar")
    public String enterpriseCreditCode;

    /** 企业名称, 所属网格, 服务专员: taken from the enterprise directory when the ticket is registered, for routing. */
    @Column(name = "enterprise_name")
    public String enterpriseName;

    public String grid;

    public String commissioner;

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_phone")
    public String contactPhone;

    public boolean urgent;

    @Enumerated(EnumType.STRING)
    public TicketStatus status;
}
