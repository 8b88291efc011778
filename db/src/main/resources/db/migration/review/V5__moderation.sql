-- Why a person is muted (muted_until, from V4, says until when).
ALTER TABLE person ADD COLUMN mute_reason VARCHAR(500) NULL;

-- Reports of reviews and comments, worked through by administrators. A person has at most one open report per thing.
CREATE TABLE report (
    id          BIGINT         NOT NULL AUTO_INCREMENT,
    reporter_id BIGINT         NOT NULL,
    review_id   BIGINT         NULL,
    comment_id  BIGINT         NULL,
    reason      VARCHAR(32)    NOT NULL,
    details     VARCHAR(1000)  NULL,
    status      VARCHAR(16)    NOT NULL DEFAULT 'open',
    created_at  DATETIME(6)    NOT NULL,
    handled_by  BIGINT         NULL,
    handled_at  DATETIME(6)    NULL,
    -- Only while open, so that a report once handled does not stop the same person reporting the thing again.
    open_key    VARCHAR(64)    NULL,
    PRIMARY KEY (id),
    CONSTRAINT report_reporter_fk FOREIGN KEY (reporter_id) REFERENCES person (id),
    CONSTRAINT report_one_open_uk UNIQUE (reporter_id, open_key),
    CONSTRAINT report_target_ck CHECK ((review_id IS NULL) <> (comment_id IS NULL)),
    CONSTRAINT report_status_ck CHECK (status IN ('open', 'resolved', 'blocked', 'dismissed')),
    INDEX report_status_ix (status, id)
) ENGINE = InnoDB;

-- Site announcements; a banner one shows at the top of every page until it ends or is withdrawn.
CREATE TABLE announcement (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    body         VARCHAR(1000)  NOT NULL,
    banner       BOOLEAN        NOT NULL DEFAULT FALSE,
    created_by   BIGINT         NOT NULL,
    created_at   DATETIME(6)    NOT NULL,
    ends_at      DATETIME(6)    NULL,
    withdrawn_at DATETIME(6)    NULL,
    PRIMARY KEY (id),
    CONSTRAINT announcement_author_fk FOREIGN KEY (created_by) REFERENCES person (id),
    INDEX announcement_time_ix (created_at)
) ENGINE = InnoDB;

-- Every moderation action (block, unblock, mute, report handling, announcements, course changes, reverts, locks).
CREATE TABLE moderation_log (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    moderator_id BIGINT         NOT NULL,
    action       VARCHAR(32)    NOT NULL,
    subject_type VARCHAR(16)    NOT NULL,
    subject_id   BIGINT         NULL,
    detail       VARCHAR(1000)  NULL,
    occurred_at  DATETIME(6)    NOT NULL,
    PRIMARY KEY (id),
    INDEX moderation_log_time_ix (occurred_at),
    INDEX moderation_log_subject_ix (subject_type, subject_id)
) ENGINE = InnoDB;

-- Every edit of a course's introduction and homepage or a teacher's description and homepage: the values after the
-- edit. The first edit also records the values before it (editor_id NULL), so that an administrator can revert to
-- any version, the original included.
CREATE TABLE info_edit (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    subject_type  VARCHAR(16)   NOT NULL,
    subject_id    BIGINT        NOT NULL,
    text          TEXT          NULL,
    homepage      VARCHAR(500)  NULL,
    editor_id     BIGINT        NULL,
    reverted_from BIGINT        NULL,
    occurred_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT info_edit_type_ck CHECK (subject_type IN ('course', 'teacher')),
    INDEX info_edit_subject_ix (subject_type, subject_id, id)
) ENGINE = InnoDB;

-- Sign-ins to this site, for activity figures (daily and monthly active people); kept by the review app itself.
CREATE TABLE sign_in (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    person_id BIGINT       NOT NULL,
    at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT sign_in_person_fk FOREIGN KEY (person_id) REFERENCES person (id),
    INDEX sign_in_time_ix (at, person_id)
) ENGINE = InnoDB;
