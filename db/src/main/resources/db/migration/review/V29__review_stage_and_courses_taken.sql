-- Where the reviewer stood when writing (iCourse's users asked for it): 'learning' (taking the course, no exam yet),
-- 'examined' (finished, grade not known), 'graded' (grade known); NULL for reviews that do not say.
ALTER TABLE review ADD COLUMN stage VARCHAR(16) NULL,
    ADD CONSTRAINT review_stage_ck CHECK (stage IN ('learning', 'examined', 'graded'));
ALTER TABLE review_draft ADD COLUMN stage VARCHAR(16) NULL;

-- Courses a person says they took, and in which term (NULL: not said); shown on their profile ("courses I took")
-- unless they hide their follows, and the review form preselects that term.
CREATE TABLE course_taken (
    person_id  BIGINT       NOT NULL,
    course_id  BIGINT       NOT NULL,
    term       VARCHAR(16)  NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (person_id, course_id),
    CONSTRAINT course_taken_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT course_taken_course_fk FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    INDEX course_taken_course_ix (course_id)
) ENGINE = InnoDB;
