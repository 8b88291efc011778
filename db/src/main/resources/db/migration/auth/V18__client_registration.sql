-- Dynamic client registration (OpenID Connect Dynamic Client Registration 1.0, RFC 7591, RFC 7592).
-- An initial access token opens the registration endpoint; an administrator or the developer portal issues it for an
-- owner account. Only its SHA-256 is kept (hex). `approve_at_once` lets an administrator issue a token whose
-- registrations need no approval (conformance runs); `without_pkce` lets its confidential clients skip PKCE, the
-- legacy exception an administrator may grant in the console too. Both are audited when the token is issued.
CREATE TABLE registration_initial_token (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    token_hash      CHAR(64)      NOT NULL,
    owner_subject   CHAR(26)      NOT NULL,
    issued_by       VARCHAR(255)  NOT NULL,
    issued_at       DATETIME(6)   NOT NULL,
    expires_at      DATETIME(6)   NOT NULL,
    max_uses        INT           NULL,
    uses            INT           NOT NULL DEFAULT 0,
    approve_at_once BOOLEAN       NOT NULL DEFAULT FALSE,
    without_pkce    BOOLEAN       NOT NULL DEFAULT FALSE,
    note            VARCHAR(200)  NULL,
    revoked_at      DATETIME(6)   NULL,
    CONSTRAINT registration_initial_token_pk PRIMARY KEY (id),
    CONSTRAINT registration_initial_token_hash_uk UNIQUE (token_hash),
    INDEX registration_initial_token_owner_ix (owner_subject)
) ENGINE = InnoDB;

-- A client registered through the endpoint: the hash of its registration access token (RFC 7592) and the metadata it
-- registered beyond what the client registry keeps (logo_uri, policy_uri, tos_uri, client_uri, contacts, jwks, ...),
-- as the JSON object the endpoint returns. The row goes with the client.
CREATE TABLE client_registration (
    client_id         VARCHAR(100)  NOT NULL,
    access_token_hash CHAR(64)      NOT NULL,
    initial_token_id  BIGINT        NOT NULL,
    owner_subject     CHAR(26)      NOT NULL,
    metadata          LONGTEXT      NOT NULL,
    registered_at     DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    CONSTRAINT client_registration_pk PRIMARY KEY (client_id),
    CONSTRAINT client_registration_token_uk UNIQUE (access_token_hash),
    CONSTRAINT client_registration_initial_token_fk FOREIGN KEY (initial_token_id)
        REFERENCES registration_initial_token (id)
) ENGINE = InnoDB;
