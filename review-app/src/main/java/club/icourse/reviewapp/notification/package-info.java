/**
 * Who is told about what (NotificationRules listens to the features' events inside their
 * transactions), the notification list, the unread count and the personal Atom feed. No
 * feature depends on it; it never tells anyone about a review they may not read, and
 * never names an anonymous author.
 */
package club.icourse.reviewapp.notification;
