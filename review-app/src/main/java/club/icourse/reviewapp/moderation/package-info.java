/**
 * Keeping the site civil: reports of reviews and comments and the administrators' queue,
 * muting people, announcements, the moderation log, and the mail telling an author their
 * review was blocked. It acts on reviews and comments only through their features'
 * services; it never edits their tables itself.
 */
package club.icourse.reviewapp.moderation;
