/**
 * Reviews: writing and editing one's review of a course (Markdown, sanitized), privacy
 * and moderation states, who may see what, and the full history of every change.
 */
package club.icourse.reviewapp.review;
