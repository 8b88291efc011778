-- The search index lives in each review-app instance. Every catalogue or review change writes a row here in its own
-- transaction; each instance applies the rows after the last id it has applied (rows are never claimed, since every
-- instance needs every row) and old rows are pruned.
CREATE TABLE search_change (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    kind        VARCHAR(16)  NOT NULL,
    entity_id   BIGINT       NOT NULL,
    changed_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    INDEX search_change_time_ix (changed_at)
) ENGINE = InnoDB;

-- What people search for: the text as typed, how many results it found and at which matching step; person_id is
-- null for visitors who are not signed in.
CREATE TABLE search_query_log (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    query         VARCHAR(200)  NOT NULL,
    searched_at   DATETIME(6)   NOT NULL,
    result_count  INT           NOT NULL,
    step          VARCHAR(16)   NULL,
    person_id     BIGINT        NULL,
    PRIMARY KEY (id),
    CONSTRAINT search_query_log_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE SET NULL,
    INDEX search_query_log_time_ix (searched_at),
    INDEX search_query_log_empty_ix (result_count, searched_at)
) ENGINE = InnoDB;
