/**
 * Following courses and people, and the "following" feed of their reviews. It publishes
 * {@link club.icourse.reviewapp.follow.PersonFollowed} and never notifies anyone itself
 * (notifications listen); the feed never names an anonymous author.
 */
package club.icourse.reviewapp.follow;
