package cn.hitech.servicedesk.directory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 企业目录条目: what the service desk knows of one enterprise, as of the newest event it applied. */
@Entity
@Table(name = "enterprise_directory")
public class DirectoryEntry {

    @Id
    @Column(name = "credit_code", columnDefinition = "bpchar")
    public String creditCode;

    public String name;

    public String industry;

    public String scale;

    public String grid;

    /** 服务专员. */
    public String commissioner;

    /** 住所 and 法定代表人: for prefilling the enterprise's own one-thing forms; null until an event carried them. */
    public String address;

    @Column(name = "legal_representative")
    public String legalRepresentative;

    /** The enterprise's revision this entry reflects; older events are ignored. */
    public long revision;

    /** How many events changed this entry: each event counts once, however often it was delivered. */
    @Column(name = "applied_events")
    public int appliedEvents;

    /** When the enterprise changed, at the source. */
    @Column(name = "changed_at")
    public Instant changedAt;

    /** When this service applied it. */
    @Column(name = "applied_at")
    public Instant appliedAt;
}
