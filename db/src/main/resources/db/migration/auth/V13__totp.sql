-- TOTP (RFC 6238) as a second factor: at most one per account. The secret is encrypted with the key-encryption
-- secret (AES-256-GCM, as the signing keys). A row without confirmed_at is an enrolment not yet confirmed by a code.
CREATE TABLE totp_factor (
    account_id       BIGINT         NOT NULL,
    secret_encrypted VARBINARY(128) NOT NULL,
    created_at       DATETIME(6)    NOT NULL,
    confirmed_at     DATETIME(6)    NULL,
    -- The newest 30-second time step a code was accepted for: each code is good once, and no older one after it.
    last_used_step   BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT totp_factor_pk PRIMARY KEY (account_id),
    CONSTRAINT totp_factor_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- One-time recovery codes, stored only as an HMAC-SHA256 keyed with a secret derived from the key-encryption secret.
CREATE TABLE recovery_code (
    account_id BIGINT      NOT NULL,
    code_hash  BINARY(32)  NOT NULL,
    created_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    CONSTRAINT recovery_code_pk PRIMARY KEY (account_id, code_hash),
    CONSTRAINT recovery_code_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB;
