-- People with a confirmed university mailbox. `subject` is the stable public identifier (the OIDC `sub` for
-- first-party clients): random, never derived from the email, never reused.
CREATE TABLE account (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    subject             CHAR(26)     NOT NULL,
    username            VARCHAR(30)  NOT NULL,
    -- NFKC + lower case of the username, so that `Admin`, `ＡＤＭＩＮ` and `admin` are one name.
    username_key        VARCHAR(120) NOT NULL,
    -- Lower-cased full address; NULL once the account is deleted, so the address can register again.
    email               VARCHAR(254) NULL,
    school              VARCHAR(32)  NOT NULL,
    affiliation         VARCHAR(16)  NOT NULL,
    password_hash       VARCHAR(255) NULL,
    locale              VARCHAR(16)  NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    email_confirmed_at  DATETIME(6)  NULL,
    password_changed_at DATETIME(6)  NOT NULL,
    deleted_at          DATETIME(6)  NULL,
    CONSTRAINT account_pk PRIMARY KEY (id),
    CONSTRAINT account_subject_uk UNIQUE (subject),
    CONSTRAINT account_username_key_uk UNIQUE (username_key),
    CONSTRAINT account_email_uk UNIQUE (email)
) ENGINE = InnoDB;

CREATE TABLE account_role (
    account_id BIGINT      NOT NULL,
    role       VARCHAR(16) NOT NULL,
    CONSTRAINT account_role_pk PRIMARY KEY (account_id, role),
    CONSTRAINT account_role_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- Single-use links sent by mail (address confirmation, password reset). Only a SHA-256 of the random token is
-- kept, so a copy of the database cannot be used to take over accounts.
CREATE TABLE account_token (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    account_id BIGINT      NOT NULL,
    purpose    VARCHAR(16) NOT NULL,
    token_hash BINARY(32)  NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    CONSTRAINT account_token_pk PRIMARY KEY (id),
    CONSTRAINT account_token_hash_uk UNIQUE (token_hash),
    CONSTRAINT account_token_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    INDEX account_token_account_ix (account_id, purpose)
) ENGINE = InnoDB;

-- Every sign-in attempt, successful or not. `identifier_hash` is a SHA-256 of the normalized name typed into
-- the form, so that failures can slow down guessing against a name whether or not an account has it.
CREATE TABLE sign_in_attempt (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    account_id      BIGINT       NULL,
    identifier_hash BINARY(32)   NOT NULL,
    attempted_at    DATETIME(6)  NOT NULL,
    ip              VARCHAR(45)  NOT NULL,
    user_agent      VARCHAR(255) NULL,
    outcome         VARCHAR(32)  NOT NULL,
    CONSTRAINT sign_in_attempt_pk PRIMARY KEY (id),
    CONSTRAINT sign_in_attempt_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE SET NULL,
    INDEX sign_in_attempt_account_ix (account_id, attempted_at),
    INDEX sign_in_attempt_identifier_ix (identifier_hash, attempted_at),
    INDEX sign_in_attempt_time_ix (attempted_at)
) ENGINE = InnoDB;

-- Spring Security's "remember me" tokens, in the database so that every instance honours them.
CREATE TABLE persistent_logins (
    username  VARCHAR(64) NOT NULL,
    series    VARCHAR(64) NOT NULL,
    token     VARCHAR(64) NOT NULL,
    last_used TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    CONSTRAINT persistent_logins_pk PRIMARY KEY (series),
    INDEX persistent_logins_username_ix (username)
) ENGINE = InnoDB;
