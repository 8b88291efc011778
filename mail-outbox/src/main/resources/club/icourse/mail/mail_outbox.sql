-- The outbox table, as this module expects it in every app's database: the canonical definition. Each app creates it
-- with its own Flyway migration (auth V3, review V6); OutboxSchemaTest checks that both migrated schemas match this
-- definition, and that OutboxTable names only its columns. A change to the table is a new migration in each app and
-- a change here, in the same commit.
--
-- Mail waiting to be sent. Rows are written in the transaction of the change that causes them and delivered by a
-- sender on any instance: `next_attempt_at` is both the back-off after a failure and the lease of a claimed row, so a
-- row claimed by an instance that died is tried again once the lease runs out.
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
    CONSTRAINT mail_outbox_pk PRIMARY KEY (id),
    INDEX mail_outbox_due_ix (sent_at, failed_at, next_attempt_at)
) ENGINE = InnoDB;
