-- Spring Authorization Server's JDBC tables, written for MariaDB:
-- * values that grow (tokens, attributes, metadata, settings) are LONGTEXT/TEXT rather than the stock schema's BLOB and
--   VARCHAR(1000/2000); the framework binds them as strings, which MariaDB Connector/J will not put into a BLOB;
-- * binary collation (utf8mb4_bin): tokens, client ids and principal names compare exactly, never case-insensitively;
-- * times are DATETIME(6), written in UTC (every instance runs with the UTC time zone);
-- * token columns have prefix indexes, because tokens are looked up by value at every introspection, refresh and
--   revocation.
CREATE TABLE oauth2_registered_client (
    id                            VARCHAR(100) NOT NULL,
    client_id                     VARCHAR(100) NOT NULL,
    client_id_issued_at           DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    client_secret                 VARCHAR(200) NULL,
    client_secret_expires_at      DATETIME(6)  NULL,
    client_name                   VARCHAR(200) NOT NULL,
    client_authentication_methods VARCHAR(1000) NOT NULL,
    authorization_grant_types     VARCHAR(1000) NOT NULL,
    redirect_uris                 TEXT         NULL,
    post_logout_redirect_uris     TEXT         NULL,
    scopes                        VARCHAR(1000) NOT NULL,
    client_settings               TEXT         NOT NULL,
    token_settings                TEXT         NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT oauth2_registered_client_client_id_uk UNIQUE (client_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE oauth2_authorization (
    id                            VARCHAR(100)  NOT NULL,
    registered_client_id          VARCHAR(100)  NOT NULL,
    principal_name                VARCHAR(200)  NOT NULL,
    authorization_grant_type      VARCHAR(100)  NOT NULL,
    authorized_scopes             VARCHAR(1000) NULL,
    attributes                    LONGTEXT      NULL,
    state                         VARCHAR(500)  NULL,
    authorization_code_value      LONGTEXT      NULL,
    authorization_code_issued_at  DATETIME(6)   NULL,
    authorization_code_expires_at DATETIME(6)   NULL,
    authorization_code_metadata   LONGTEXT      NULL,
    access_token_value            LONGTEXT      NULL,
    access_token_issued_at        DATETIME(6)   NULL,
    access_token_expires_at       DATETIME(6)   NULL,
    access_token_metadata         LONGTEXT      NULL,
    access_token_type             VARCHAR(100)  NULL,
    access_token_scopes           VARCHAR(1000) NULL,
    oidc_id_token_value           LONGTEXT      NULL,
    oidc_id_token_issued_at       DATETIME(6)   NULL,
    oidc_id_token_expires_at      DATETIME(6)   NULL,
    oidc_id_token_metadata        LONGTEXT      NULL,
    refresh_token_value           LONGTEXT      NULL,
    refresh_token_issued_at       DATETIME(6)   NULL,
    refresh_token_expires_at      DATETIME(6)   NULL,
    refresh_token_metadata        LONGTEXT      NULL,
    user_code_value               LONGTEXT      NULL,
    user_code_issued_at           DATETIME(6)   NULL,
    user_code_expires_at          DATETIME(6)   NULL,
    user_code_metadata            LONGTEXT      NULL,
    device_code_value             LONGTEXT      NULL,
    device_code_issued_at         DATETIME(6)   NULL,
    device_code_expires_at        DATETIME(6)   NULL,
    device_code_metadata          LONGTEXT      NULL,
    PRIMARY KEY (id),
    INDEX oauth2_authorization_principal_ix (registered_client_id, principal_name),
    INDEX oauth2_authorization_state_ix (state(100)),
    INDEX oauth2_authorization_code_ix (authorization_code_value(255)),
    INDEX oauth2_authorization_access_ix (access_token_value(255)),
    INDEX oauth2_authorization_id_token_ix (oidc_id_token_value(255)),
    INDEX oauth2_authorization_refresh_ix (refresh_token_value(255)),
    INDEX oauth2_authorization_access_expiry_ix (access_token_expires_at),
    INDEX oauth2_authorization_refresh_expiry_ix (refresh_token_expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE oauth2_authorization_consent (
    registered_client_id VARCHAR(100)  NOT NULL,
    principal_name       VARCHAR(200)  NOT NULL,
    authorities          VARCHAR(1000) NOT NULL,
    PRIMARY KEY (registered_client_id, principal_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Token-signing keys, shared by every instance. The private key is encrypted (AES-GCM) with a key from configuration,
-- never stored in clear. A key is published in the JWKS from `created_at`, signs from `signs_from` until `signs_until`,
-- and stays published until `published_until`, when no token it signed can still be valid.
CREATE TABLE signing_key (
    kid                   VARCHAR(64)  NOT NULL,
    algorithm             VARCHAR(16)  NOT NULL,
    public_jwk            TEXT         NOT NULL,
    private_key_encrypted BLOB         NOT NULL,
    created_at            DATETIME(6)  NOT NULL,
    signs_from            DATETIME(6)  NOT NULL,
    signs_until           DATETIME(6)  NOT NULL,
    published_until       DATETIME(6)  NOT NULL,
    PRIMARY KEY (kid),
    INDEX signing_key_published_ix (published_until)
) ENGINE = InnoDB;
