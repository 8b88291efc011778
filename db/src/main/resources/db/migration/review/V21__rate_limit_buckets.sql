-- Bucket4j token buckets, shared by every instance (as auth's rate_limit_bucket). `id` is a SHA-256 (hex) of the
-- limit and its key (a client address), so the table holds no addresses in clear; `expires_at` (epoch millis) is
-- when a bucket would be full again, after which the row can be deleted.
CREATE TABLE rate_limit_bucket (
    id         CHAR(64)       NOT NULL,
    state      VARBINARY(512) NULL,
    expires_at BIGINT         NULL,
    CONSTRAINT rate_limit_bucket_pk PRIMARY KEY (id),
    INDEX rate_limit_bucket_expires_ix (expires_at)
) ENGINE = InnoDB;
