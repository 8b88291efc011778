-- Spring Security's WebAuthn tables (user-entities-schema.sql, user-credentials-schema.sql), written for MariaDB:
-- * ids are base64url text, so ASCII with a binary collation: they compare exactly (two credential ids differing only
--   in case are two credentials), and a 1400-character key fits InnoDB's 3072-byte index limit, which the stock
--   VARCHAR(1000) in utf8mb4 does not;
-- * a credential id is at most 1023 bytes (WebAuthn), 1364 characters in base64url; a user handle at most 64 bytes;
-- * the attestation object may carry certificates, so MEDIUMBLOB; times are DATETIME(6) in UTC, as everywhere here;
-- * a user entity's name is the account's subject (the session's principal name); deleting the entity deletes its
--   credentials.
CREATE TABLE user_entities (
    id           VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name         VARCHAR(100) NOT NULL,
    display_name VARCHAR(200) NULL,
    PRIMARY KEY (id),
    CONSTRAINT user_entities_name_uk UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE user_credentials (
    credential_id                VARCHAR(1400) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    user_entity_user_id          VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    public_key                   BLOB          NOT NULL,
    signature_count              BIGINT        NULL,
    uv_initialized               BOOLEAN       NULL,
    backup_eligible              BOOLEAN       NOT NULL,
    authenticator_transports     VARCHAR(1000) NULL,
    public_key_credential_type   VARCHAR(100)  NULL,
    backup_state                 BOOLEAN       NOT NULL,
    attestation_object           MEDIUMBLOB    NULL,
    attestation_client_data_json BLOB          NULL,
    created                      DATETIME(6)   NULL,
    last_used                    DATETIME(6)   NULL,
    label                        VARCHAR(1000) NOT NULL,
    PRIMARY KEY (credential_id),
    KEY user_credentials_user_ix (user_entity_user_id),
    CONSTRAINT user_credentials_user_fk FOREIGN KEY (user_entity_user_id) REFERENCES user_entities (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
