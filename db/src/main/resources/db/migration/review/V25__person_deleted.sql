-- When the person's account at iCourse ID was deleted (people.PersonDeletion): the row stays, under a placeholder
-- username, so that their reviews and comments keep an author shown as "deleted user" and (issuer, subject) is never
-- matched to anyone else.
ALTER TABLE person ADD COLUMN deleted_at DATETIME(6) NULL;
