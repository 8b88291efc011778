-- Refresh tokens that were rotated away. Presenting one again means it was copied: the whole grant is revoked
-- (OAuth 2.1 refresh token reuse detection). Only a SHA-256 of the token is kept; rows can go once the grant's
-- refresh tokens would have expired anyway.
CREATE TABLE spent_refresh_token (
    token_hash       BINARY(32)   NOT NULL,
    authorization_id VARCHAR(100) NOT NULL,
    spent_at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (token_hash),
    INDEX spent_refresh_token_authorization_ix (authorization_id),
    INDEX spent_refresh_token_time_ix (spent_at)
) ENGINE = InnoDB;
