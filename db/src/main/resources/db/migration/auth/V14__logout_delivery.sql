-- Logout tokens that must arrive (an account deleted or disabled): one row per client with a back-channel logout URI,
-- written in the transaction of the change and delivered by a sender on any instance. As in mail_outbox,
-- `next_attempt_at` is both the back-off after a failure and the lease of a claimed row. The token is signed at send
-- time, so a row holds only what it needs: the client, the subject as that client knows it, and the events.
CREATE TABLE logout_delivery (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    client_id       VARCHAR(100)  NOT NULL,
    issuer          VARCHAR(255)  NOT NULL,
    subject         VARCHAR(255)  NOT NULL,
    events          VARCHAR(1000) NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    delivered_at    DATETIME(6)   NULL,
    failed_at       DATETIME(6)   NULL,
    last_error      VARCHAR(500)  NULL,
    CONSTRAINT logout_delivery_pk PRIMARY KEY (id),
    INDEX logout_delivery_due_ix (delivered_at, failed_at, next_attempt_at)
) ENGINE = InnoDB;
