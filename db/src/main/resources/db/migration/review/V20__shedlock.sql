-- Scheduled jobs that must not run on two instances at once take turns through this table (ShedLock): a job runs
-- only on the instance that moved its row's lock_until into the future. Times are the database's UTC clock
-- (UTC_TIMESTAMP), so the instances' clocks need not agree.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB;
