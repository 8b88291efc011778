/**
 * Outgoing mail for both apps: a transactional outbox table ({@code mail_outbox}, created
 * by each app's own migrations) and the sender that delivers it over SMTP.
 * Auto-configured: an app that depends on this module and has a DSLContext and a
 * JavaMailSender gets {@link club.icourse.mail.MailOutbox}.
 */
package club.icourse.mail;
