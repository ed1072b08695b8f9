package cn.hitech.gateway.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A refresh token, kept as its SHA-256 hash: usable once (it rotates), until it expires or is revoked. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    @Column(name = "token_hash", columnDefinition = "bpchar")
    public String tokenHash;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "created_at")
    public Instant createdAt;
}
