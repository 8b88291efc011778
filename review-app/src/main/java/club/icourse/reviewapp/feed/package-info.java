/**
 * Atom feeds: the writer every feed uses ({@link club.icourse.reviewapp.feed.AtomFeed})
 * and the public feed of a course's reviews. It only reads reviews through the review
 * feature, as an anonymous reader would; it never shows what a signed-out visitor could
 * not see.
 */
package club.icourse.reviewapp.feed;
