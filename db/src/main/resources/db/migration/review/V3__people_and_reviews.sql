-- People, as iCourse ID tells this site about them: keyed by (issuer, subject), never by email.
CREATE TABLE person (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    issuer       VARCHAR(255)  NOT NULL,
    subject      VARCHAR(255)  NOT NULL,
    username     VARCHAR(30)   NOT NULL,
    school       VARCHAR(32)   NULL,
    affiliation  VARCHAR(16)   NULL,
    -- Granted here by an administrator, besides the role the identity provider asserts.
    local_admin  BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at   DATETIME(6)   NOT NULL,
    last_seen_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT person_identity_uk UNIQUE (issuer, subject),
    INDEX person_username_ix (username)
) ENGINE = InnoDB;

-- One review per person per course. Ratings are all present or all absent ("text only"): rating 1-10 (half stars),
-- difficulty / homework / grading / gain 1-3. content is the Markdown as written; content_html is its sanitized
-- rendering, stored so that pages never render Markdown on a read.
CREATE TABLE review (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    course_id          BIGINT        NOT NULL,
    author_id          BIGINT        NOT NULL,
    -- Whether the author was a student or a teacher when writing: an anonymous teacher's review still says so.
    author_affiliation VARCHAR(16)   NULL,
    term               VARCHAR(16)   NULL,
    rating             TINYINT       NULL,
    difficulty         TINYINT       NULL,
    homework           TINYINT       NULL,
    grading            TINYINT       NULL,
    gain               TINYINT       NULL,
    content            MEDIUMTEXT    NOT NULL,
    content_html       MEDIUMTEXT    NOT NULL,
    anonymous          BOOLEAN       NOT NULL DEFAULT FALSE,
    students_only      BOOLEAN       NOT NULL DEFAULT FALSE,
    hidden             BOOLEAN       NOT NULL DEFAULT FALSE,
    blocked            BOOLEAN       NOT NULL DEFAULT FALSE,
    blocked_reason     VARCHAR(500)  NULL,
    upvote_count       INT           NOT NULL DEFAULT 0,
    comment_count      INT           NOT NULL DEFAULT 0,
    created_at         DATETIME(6)   NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT review_one_per_person_uk UNIQUE (course_id, author_id),
    CONSTRAINT review_course_fk FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT review_author_fk FOREIGN KEY (author_id) REFERENCES person (id),
    CONSTRAINT review_rating_ck CHECK (rating BETWEEN 1 AND 10),
    CONSTRAINT review_ratings_all_or_none_ck CHECK (
        (rating IS NULL AND difficulty IS NULL AND homework IS NULL AND grading IS NULL AND gain IS NULL)
        OR (rating IS NOT NULL AND difficulty BETWEEN 1 AND 3 AND homework BETWEEN 1 AND 3
            AND grading BETWEEN 1 AND 3 AND gain BETWEEN 1 AND 3)),
    INDEX review_author_ix (author_id, created_at),
    INDEX review_course_time_ix (course_id, created_at),
    INDEX review_time_ix (created_at)
) ENGINE = InnoDB;

-- Every create, update, delete, hide, unhide, block, unblock and restore of a review, with a full snapshot (JSON)
-- of the review after the action (before it, for a delete). review_id outlives the review row.
CREATE TABLE review_history (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    review_id   BIGINT       NOT NULL,
    course_id   BIGINT       NOT NULL,
    author_id   BIGINT       NOT NULL,
    action      VARCHAR(16)  NOT NULL,
    operator_id BIGINT       NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    snapshot    LONGTEXT     NOT NULL,
    PRIMARY KEY (id),
    INDEX review_history_review_ix (review_id, id),
    INDEX review_history_course_ix (course_id, action),
    INDEX review_history_author_ix (author_id, id)
) ENGINE = InnoDB;

CREATE TABLE review_upvote (
    review_id  BIGINT       NOT NULL,
    person_id  BIGINT       NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (review_id, person_id),
    CONSTRAINT review_upvote_review_fk FOREIGN KEY (review_id) REFERENCES review (id) ON DELETE CASCADE,
    CONSTRAINT review_upvote_person_fk FOREIGN KEY (person_id) REFERENCES person (id),
    INDEX review_upvote_person_ix (person_id)
) ENGINE = InnoDB;

-- Plain-text comments on reviews (at most 500 characters).
CREATE TABLE review_comment (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    review_id  BIGINT        NOT NULL,
    author_id  BIGINT        NOT NULL,
    content    VARCHAR(2000) NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT review_comment_review_fk FOREIGN KEY (review_id) REFERENCES review (id) ON DELETE CASCADE,
    CONSTRAINT review_comment_author_fk FOREIGN KEY (author_id) REFERENCES person (id),
    INDEX review_comment_review_ix (review_id, created_at)
) ENGINE = InnoDB;

CREATE TABLE comment_history (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    comment_id  BIGINT       NOT NULL,
    review_id   BIGINT       NOT NULL,
    action      VARCHAR(16)  NOT NULL,
    operator_id BIGINT       NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    snapshot    LONGTEXT     NOT NULL,
    PRIMARY KEY (id),
    INDEX comment_history_review_ix (review_id, id)
) ENGINE = InnoDB;

-- Up (+1) or down (-1) on a course; one per person, so the two are mutually exclusive.
CREATE TABLE course_vote (
    course_id  BIGINT       NOT NULL,
    person_id  BIGINT       NOT NULL,
    value      TINYINT      NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (course_id, person_id),
    CONSTRAINT course_vote_course_fk FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT course_vote_person_fk FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT course_vote_value_ck CHECK (value IN (-1, 1))
) ENGINE = InnoDB;

-- Per-course figures, kept exact in the same transaction as every change they depend on (only visible reviews
-- count: not hidden, not blocked; students-only and anonymous reviews do count). Sub-ratings are sums over the
-- rated reviews. normalized_rating is refreshed with the site-wide figures and on every change of the course.
CREATE TABLE course_stats (
    course_id          BIGINT        NOT NULL,
    review_count       INT           NOT NULL DEFAULT 0,
    rated_count        INT           NOT NULL DEFAULT 0,
    rating_sum         INT           NOT NULL DEFAULT 0,
    difficulty_sum     INT           NOT NULL DEFAULT 0,
    homework_sum       INT           NOT NULL DEFAULT 0,
    grading_sum        INT           NOT NULL DEFAULT 0,
    gain_sum           INT           NOT NULL DEFAULT 0,
    upvote_count       INT           NOT NULL DEFAULT 0,
    downvote_count     INT           NOT NULL DEFAULT 0,
    follow_count       INT           NOT NULL DEFAULT 0,
    blocked_count      INT           NOT NULL DEFAULT 0,
    deleted_count      INT           NOT NULL DEFAULT 0,
    last_review_at     DATETIME(6)   NULL,
    normalized_rating  DOUBLE        NOT NULL DEFAULT 0,
    PRIMARY KEY (course_id),
    CONSTRAINT course_stats_course_fk FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    INDEX course_stats_normalized_ix (normalized_rating),
    INDEX course_stats_review_count_ix (review_count),
    INDEX course_stats_last_review_ix (last_review_at)
) ENGINE = InnoDB;

-- Site-wide figures the normalized rating needs (average rating, average number of rated reviews per reviewed
-- course), refreshed periodically by one instance.
CREATE TABLE site_figure (
    name         VARCHAR(64)  NOT NULL,
    value        DOUBLE       NOT NULL,
    refreshed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB;
