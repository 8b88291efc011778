-- A review being written, saved by its form every few seconds and when the page is left, one per person and course,
-- so that it survives a closed tab and follows its writer to another device. Deleted when the review is published,
-- when its writer discards it, and 30 days after its last save.
CREATE TABLE review_draft (
    person_id     BIGINT        NOT NULL,
    course_id     BIGINT        NOT NULL,
    term          VARCHAR(16)   NULL,
    rating        TINYINT       NULL,
    difficulty    TINYINT       NULL,
    homework      TINYINT       NULL,
    grading       TINYINT       NULL,
    gain          TINYINT       NULL,
    content       MEDIUMTEXT    NOT NULL,
    anonymous     BOOLEAN       NOT NULL,
    students_only BOOLEAN       NOT NULL,
    saved_at      DATETIME(6)   NOT NULL,
    PRIMARY KEY (person_id, course_id),
    CONSTRAINT review_draft_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT review_draft_course_fk FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    INDEX review_draft_saved_ix (saved_at)
);
