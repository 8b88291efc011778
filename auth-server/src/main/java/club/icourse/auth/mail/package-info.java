/** Outgoing mail: a transactional outbox in the database and the sender that delivers it over SMTP. */
package club.icourse.auth.mail;
