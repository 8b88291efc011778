-- Bucket4j token buckets, shared by every instance. `id` is a SHA-256 (hex) of the limit and its key (an address,
-- a sign-in name), so the table holds no personal data in clear; `expires_at` (epoch millis) is when a bucket would
-- be full again, after which the row can be deleted.
CREATE TABLE rate_limit_bucket (
    id         CHAR(64)       NOT NULL,
    state      VARBINARY(512) NULL,
    expires_at BIGINT         NULL,
    CONSTRAINT rate_limit_bucket_pk PRIMARY KEY (id),
    INDEX rate_limit_bucket_expires_ix (expires_at)
) ENGINE = InnoDB;
