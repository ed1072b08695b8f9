package cn.hitech.gateway.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 账号: one account of the embedded login, with its role and, for an enterprise, the credit code it is bound to. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    public UUID id;

    public String username;

    /** bcrypt, never the password. */
    @Column(name = "password_hash")
    public String passwordHash;

    public String role;

    public String department;

    @Column(name = "credit_code", columnDefinition = "bpchar")
    public String creditCode;

    @Column(name = "display_name")
    public String displayName;

    public boolean enabled;

    @Column(name = "created_at")
    public Instant createdAt;
}
