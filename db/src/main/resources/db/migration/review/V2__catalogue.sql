-- The course catalogue, loaded from catalogue files (see docs/catalogue-format.md) and edited by people.
-- Every natural key the import matches on has a unique constraint, so loading a file twice changes nothing.

CREATE TABLE department (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    code       VARCHAR(32)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT department_code_uk UNIQUE (code)
) ENGINE = InnoDB;

-- A teacher is a name within a department; the import key tells apart two teachers of one name.
CREATE TABLE teacher (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    import_key    VARCHAR(100)  NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    department_id BIGINT        NULL,
    homepage      VARCHAR(500)  NULL,
    description   TEXT          NULL,
    info_locked   BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at    DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT teacher_import_key_uk UNIQUE (import_key),
    CONSTRAINT teacher_department_fk FOREIGN KEY (department_id) REFERENCES department (id),
    INDEX teacher_name_ix (name)
) ENGINE = InnoDB;

-- A course is a name taught by a set of teachers (the same name with other teachers is another course).
-- teacher_key is the sorted teacher ids joined by commas: the set, as a value a unique key can hold.
CREATE TABLE course (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    name           VARCHAR(200)  NOT NULL,
    teacher_key    VARCHAR(500)  NOT NULL,
    department_id  BIGINT        NULL,
    introduction   TEXT          NULL,
    homepage       VARCHAR(500)  NULL,
    info_locked    BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT course_name_teachers_uk UNIQUE (name, teacher_key),
    CONSTRAINT course_department_fk FOREIGN KEY (department_id) REFERENCES department (id),
    INDEX course_department_ix (department_id)
) ENGINE = InnoDB;

CREATE TABLE course_teacher (
    course_id  BIGINT  NOT NULL,
    teacher_id BIGINT  NOT NULL,
    position   INT     NOT NULL,
    PRIMARY KEY (course_id, teacher_id),
    CONSTRAINT course_teacher_course_fk FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT course_teacher_teacher_fk FOREIGN KEY (teacher_id) REFERENCES teacher (id),
    INDEX course_teacher_teacher_ix (teacher_id)
) ENGINE = InnoDB;

-- One offering of a course in one term. term is the canonical form `2025-spring` / `2025-summer` / `2025-autumn`;
-- term_order sorts terms in time (year * 10 + season).
CREATE TABLE course_term (
    id            BIGINT         NOT NULL AUTO_INCREMENT,
    course_id     BIGINT         NOT NULL,
    term          VARCHAR(16)    NOT NULL,
    term_order    INT            NOT NULL,
    course_code   VARCHAR(32)    NOT NULL,
    credits       DECIMAL(4, 1)  NULL,
    hours         INT            NULL,
    course_type   VARCHAR(50)    NULL,
    level         VARCHAR(50)    NULL,
    department_id BIGINT         NULL,
    description   TEXT           NULL,
    PRIMARY KEY (id),
    CONSTRAINT course_term_uk UNIQUE (course_id, term, course_code),
    CONSTRAINT course_term_course_fk FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
    CONSTRAINT course_term_department_fk FOREIGN KEY (department_id) REFERENCES department (id),
    INDEX course_term_code_ix (course_code),
    INDEX course_term_term_ix (term_order)
) ENGINE = InnoDB;

-- Teaching classes of one offering (a course code may be taught in several classes, e.g. MATH1006.01 and .02).
CREATE TABLE course_class (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    course_term_id BIGINT       NOT NULL,
    class_code     VARCHAR(40)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT course_class_uk UNIQUE (course_term_id, class_code),
    CONSTRAINT course_class_term_fk FOREIGN KEY (course_term_id) REFERENCES course_term (id) ON DELETE CASCADE
) ENGINE = InnoDB;
