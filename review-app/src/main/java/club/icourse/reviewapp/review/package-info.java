/**
 * Reviews: writing and editing one's review of a course (Markdown, sanitized), privacy
 * and moderation states, who may see what
 * ({@link club.icourse.reviewapp.review.Visibility}), upvotes, and the full history of
 * every change. It publishes ReviewChanged and UpvoteChanged with
 * {@link club.icourse.reviewapp.review.ReviewSnapshot}s and never knows who listens; it
 * must never use comment, card or any page package.
 */
package club.icourse.reviewapp.review;
