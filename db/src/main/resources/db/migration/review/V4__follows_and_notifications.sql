-- Courses and people one follows. follow_count on course_stats moves with course follows in the same transaction.
CREATE TABLE course_follow (
    person_id  BIGINT       NOT NULL,
    course_id  BIGINT       NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (person_id, course_id),
    CONSTRAINT course_follow_person_fk FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT course_follow_course_fk FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    INDEX course_follow_course_ix (course_id)
) ENGINE = InnoDB;

CREATE TABLE person_follow (
    follower_id BIGINT       NOT NULL,
    followee_id BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (follower_id, followee_id),
    CONSTRAINT person_follow_follower_fk FOREIGN KEY (follower_id) REFERENCES person (id),
    CONSTRAINT person_follow_followee_fk FOREIGN KEY (followee_id) REFERENCES person (id),
    CONSTRAINT person_follow_not_self_ck CHECK (follower_id <> followee_id),
    INDEX person_follow_followee_ix (followee_id)
) ENGINE = InnoDB;

-- Notifications, written in the transaction of their cause. actor_id is NULL when naming the actor would reveal an
-- anonymous author. once_key makes a notification that must happen only once (a mention in a review that is edited
-- again, an upvote given, withdrawn and given again) unique per recipient; NULL for the others.
CREATE TABLE notification (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    recipient_id BIGINT        NOT NULL,
    kind         VARCHAR(32)   NOT NULL,
    actor_id     BIGINT        NULL,
    course_id    BIGINT        NULL,
    review_id    BIGINT        NULL,
    comment_id   BIGINT        NULL,
    detail       VARCHAR(500)  NULL,
    once_key     VARCHAR(100)  NULL,
    created_at   DATETIME(6)   NOT NULL,
    read_at      DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT notification_recipient_fk FOREIGN KEY (recipient_id) REFERENCES person (id),
    CONSTRAINT notification_once_uk UNIQUE (recipient_id, once_key),
    INDEX notification_recipient_ix (recipient_id, id),
    INDEX notification_unread_ix (recipient_id, read_at)
) ENGINE = InnoDB;

-- What a person says about themselves, and who may see it. feed_token is the secret in the address of their private
-- notification feed (a capability for that feed only; resetting it gives a new address).
ALTER TABLE person
    ADD COLUMN description   VARCHAR(1000) NULL,
    ADD COLUMN homepage      VARCHAR(255)  NULL,
    ADD COLUMN avatar_version INT          NOT NULL DEFAULT 0,
    ADD COLUMN hide_follows  BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN hide_profile  BOOLEAN       NOT NULL DEFAULT FALSE,
    ADD COLUMN feed_token    CHAR(43)      NULL,
    ADD COLUMN muted_until   DATETIME(6)   NULL,
    ADD CONSTRAINT person_feed_token_uk UNIQUE (feed_token);

-- Avatars, re-encoded as PNG of at most 192 px: in the database, so every instance serves them and backups hold them.
CREATE TABLE person_avatar (
    person_id  BIGINT       NOT NULL,
    png        MEDIUMBLOB   NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (person_id),
    CONSTRAINT person_avatar_person_fk FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB;
