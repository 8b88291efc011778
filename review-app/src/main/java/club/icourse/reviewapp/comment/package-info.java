/**
 * Plain-text comments on reviews, deletable by their author or an administrator, each
 * change kept in history.
 */
package club.icourse.reviewapp.comment;
