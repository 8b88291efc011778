-- Tokens are looked up by a SHA-256 of their value, through an exact index, instead of through 255-character prefix
-- indexes of the values: JWTs of one signing key share a long prefix (header, then claims of the same person), so a
-- prefix index narrows a lookup less and less as the table grows. The hashes are computed by the database from the
-- values, so every writer keeps them right; NULL while there is no such token.
ALTER TABLE oauth2_authorization
    ADD COLUMN authorization_code_hash BINARY(32) AS (UNHEX(SHA2(authorization_code_value, 256))) STORED,
    ADD COLUMN access_token_hash       BINARY(32) AS (UNHEX(SHA2(access_token_value, 256))) STORED,
    ADD COLUMN oidc_id_token_hash      BINARY(32) AS (UNHEX(SHA2(oidc_id_token_value, 256))) STORED,
    ADD COLUMN refresh_token_hash      BINARY(32) AS (UNHEX(SHA2(refresh_token_value, 256))) STORED,
    ADD INDEX oauth2_authorization_code_hash_ix (authorization_code_hash),
    ADD INDEX oauth2_authorization_access_hash_ix (access_token_hash),
    ADD INDEX oauth2_authorization_id_token_hash_ix (oidc_id_token_hash),
    ADD INDEX oauth2_authorization_refresh_hash_ix (refresh_token_hash),
    DROP INDEX oauth2_authorization_code_ix,
    DROP INDEX oauth2_authorization_access_ix,
    DROP INDEX oauth2_authorization_id_token_ix,
    DROP INDEX oauth2_authorization_refresh_ix;
