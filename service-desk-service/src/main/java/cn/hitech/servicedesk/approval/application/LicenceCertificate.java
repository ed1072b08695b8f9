package cn.hitech.servicedesk.approval.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 证照: a certificate in the licence library (证照库), issued by an approved item to the applicant's credit code. */
@Entity
@Table(name = "approval_certificate")
public class LicenceCertificate {

    @Id
    public UUID id;

    public String number;

    @Column(name = "holder_credit_code")
    public String holderCreditCode;

    @Column(name = "holder_name")
    public String holderName;

    /** 证照名称 as the catalogue names it. */
    public String kind;

    @Column(name = "item_code")
    public String itemCode;

    @Column(name = "thing_code")
    public String thingCode;

    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "issuer_department")
    public String issuerDepartment;

    /** 发证机关: the department's name. */
    public String issuer;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    /** Null: 长期有效. */
    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "issued_at")
    public Instant issuedAt;

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
