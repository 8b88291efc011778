-- Apps that people register themselves in the developer portal (and through dynamic client registration). The client
-- itself lives in oauth2_registered_client; this row says who owns it and whether an administrator approved it. A
-- client without a row here was registered by an administrator and needs no approval.
--   status: PENDING (usable by its owner and testers only), APPROVED (anyone), REFUSED (nobody but the owner can see
--   it in the portal; sign-ins are refused as for PENDING strangers).
-- client_id uses the registered client's binary collation, so the foreign key holds and ids compare exactly.
CREATE TABLE developer_app (
    client_id        VARCHAR(100)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    owner_account_id BIGINT        NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    decision_reason  VARCHAR(1000) NULL,
    decided_at       DATETIME(6)   NULL,
    -- the deciding administrator's actor id (audit_event.actor)
    decided_by       VARCHAR(255)  NULL,
    homepage_uri     VARCHAR(1000) NULL,
    policy_uri       VARCHAR(1000) NULL,
    tos_uri          VARCHAR(1000) NULL,
    -- bumped with every new logo, so the logo's address changes with it and can be cached for long
    logo_version     INT           NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    CONSTRAINT developer_app_pk PRIMARY KEY (client_id),
    INDEX developer_app_owner_ix (owner_account_id),
    INDEX developer_app_status_ix (status, created_at),
    CONSTRAINT developer_app_client_fk FOREIGN KEY (client_id) REFERENCES oauth2_registered_client (client_id)
        ON DELETE CASCADE,
    CONSTRAINT developer_app_owner_fk FOREIGN KEY (owner_account_id) REFERENCES account (id)
) ENGINE = InnoDB;

-- People the owner lets use a pending app.
CREATE TABLE developer_app_tester (
    client_id  VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    account_id BIGINT       NOT NULL,
    CONSTRAINT developer_app_tester_pk PRIMARY KEY (client_id, account_id),
    INDEX developer_app_tester_account_ix (account_id),
    CONSTRAINT developer_app_tester_app_fk FOREIGN KEY (client_id) REFERENCES developer_app (client_id)
        ON DELETE CASCADE,
    CONSTRAINT developer_app_tester_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- Logos, re-encoded as PNG of at most 192 px, stored as review-app stores avatars: in the database, so every instance
-- serves them and backups hold them.
CREATE TABLE developer_app_logo (
    client_id  VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    png        MEDIUMBLOB   NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    CONSTRAINT developer_app_logo_pk PRIMARY KEY (client_id),
    CONSTRAINT developer_app_logo_app_fk FOREIGN KEY (client_id) REFERENCES developer_app (client_id)
        ON DELETE CASCADE
) ENGINE = InnoDB;

-- Sign-ins per app and day (UTC): one upsert per ID token issued, so the portal reads a few rows, never scans grants.
CREATE TABLE developer_app_daily_signins (
    client_id VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    day       DATE         NOT NULL,
    signins   INT          NOT NULL,
    CONSTRAINT developer_app_daily_signins_pk PRIMARY KEY (client_id, day),
    CONSTRAINT developer_app_daily_signins_app_fk FOREIGN KEY (client_id) REFERENCES developer_app (client_id)
        ON DELETE CASCADE
) ENGINE = InnoDB;

-- A client's previous secret after a rotation that kept it for a grace period: accepted, as well as the new one, until
-- valid_until. Any client may have one (a portal rotation keeps the old secret; an administrator's does not).
CREATE TABLE client_previous_secret (
    client_id     VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    client_secret VARCHAR(200) NOT NULL,
    valid_until   DATETIME(6)  NOT NULL,
    CONSTRAINT client_previous_secret_pk PRIMARY KEY (client_id),
    CONSTRAINT client_previous_secret_client_fk FOREIGN KEY (client_id) REFERENCES oauth2_registered_client (client_id)
        ON DELETE CASCADE
) ENGINE = InnoDB;
