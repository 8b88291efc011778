-- Teachers as iCourse shows them: a title (edited like the description, so info_edit keeps it too; NULL for
-- courses), a photo uploaded by editors and kept with every earlier one so that an administrator can go back to any,
-- and the account of the teacher, linked to the teacher by an administrator (a badge on their reviews and comments).
ALTER TABLE teacher ADD COLUMN title VARCHAR(100) NULL;
ALTER TABLE info_edit ADD COLUMN title VARCHAR(100) NULL;

-- Photos, re-encoded as PNG of at most 256 px; teacher.photo_id is the one shown (NULL: none).
CREATE TABLE teacher_photo (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    teacher_id  BIGINT       NOT NULL,
    png         MEDIUMBLOB   NOT NULL,
    uploader_id BIGINT       NOT NULL,
    uploaded_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT teacher_photo_teacher_fk FOREIGN KEY (teacher_id) REFERENCES teacher (id),
    CONSTRAINT teacher_photo_uploader_fk FOREIGN KEY (uploader_id) REFERENCES person (id),
    INDEX teacher_photo_teacher_ix (teacher_id, id)
) ENGINE = InnoDB;

ALTER TABLE teacher
    ADD COLUMN photo_id BIGINT NULL,
    ADD CONSTRAINT teacher_photo_current_fk FOREIGN KEY (photo_id) REFERENCES teacher_photo (id);

-- At most one account per teacher page.
ALTER TABLE person
    ADD COLUMN teacher_id BIGINT NULL,
    ADD CONSTRAINT person_teacher_uk UNIQUE (teacher_id),
    ADD CONSTRAINT person_teacher_fk FOREIGN KEY (teacher_id) REFERENCES teacher (id);
