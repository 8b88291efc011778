/**
 * Plain-text comments on reviews, deletable by their author or an administrator, each
 * change kept in history and published as CommentChanged. It uses the review feature (who
 * may read a review), never the other way round.
 */
package club.icourse.reviewapp.comment;
