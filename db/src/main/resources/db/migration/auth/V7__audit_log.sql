-- What administrators changed and what people and sites granted or revoked, for as long as the operator keeps it.
-- The actor is an account subject or "client:<client id>" (admin API calls) or "system"; actor_name is what the
-- person or client was called at the time, so that the log reads well after a rename or a deletion.
CREATE TABLE audit_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at DATETIME(6)  NOT NULL,
    actor       VARCHAR(255) NOT NULL,
    actor_name  VARCHAR(255) NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    target      VARCHAR(255) NULL,
    detail      TEXT         NULL,
    PRIMARY KEY (id),
    INDEX audit_event_time_ix (occurred_at),
    INDEX audit_event_target_ix (target, occurred_at)
) ENGINE = InnoDB;
