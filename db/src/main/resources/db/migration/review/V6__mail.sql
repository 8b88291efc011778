-- The address iCourse ID gave at the last sign-in (with the email scope, verified there), for the few mails this site
-- sends (a review blocked or unblocked). NULL when the provider did not give one.
ALTER TABLE person ADD COLUMN email VARCHAR(254) NULL;

-- The same outbox as the auth database's (see auth V3 and the mail-outbox module).
CREATE TABLE mail_outbox (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    recipient       VARCHAR(254) NOT NULL,
    subject         VARCHAR(255) NOT NULL,
    text_body       MEDIUMTEXT   NOT NULL,
    html_body       MEDIUMTEXT   NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NOT NULL,
    sent_at         DATETIME(6)  NULL,
    failed_at       DATETIME(6)  NULL,
    last_error      VARCHAR(500) NULL,
    PRIMARY KEY (id),
    INDEX mail_outbox_due_ix (sent_at, failed_at, next_attempt_at)
) ENGINE = InnoDB;
