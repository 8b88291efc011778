-- The language a person chose at iCourse ID (the OpenID Connect locale claim, a BCP 47 tag such as zh-CN or en),
-- taken at each sign-in; mails to them are written in it. Empty for those who never said (mails go out in Chinese).
ALTER TABLE person ADD COLUMN locale VARCHAR(35) NULL;
