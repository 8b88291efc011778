-- When each authorization row was made, so that rows that never got a token (an abandoned consent page, an unused
-- pushed authorization request) can be cleaned up. The framework does not write it: the default does.
ALTER TABLE oauth2_authorization ADD COLUMN created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6);
CREATE INDEX oauth2_authorization_created_ix ON oauth2_authorization (created_at);
