-- Switched off by an administrator: the account cannot sign in (it answers as a wrong password does) and keeps its
-- data, until an administrator switches it on again.
ALTER TABLE account ADD COLUMN disabled_at DATETIME(6) NULL;
