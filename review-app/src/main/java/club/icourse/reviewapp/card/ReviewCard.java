package club.icourse.reviewapp.card;

import club.icourse.reviewapp.comment.Comments.CommentView;
import club.icourse.reviewapp.review.ReviewView;
import java.util.List;

/**
 * Everything one review card shows, for one reader: the review, whether the reader
 * upvotes it, who upvoted it (only for its author), and its comments where the page shows
 * them ({@code withComments}).
 */
public record ReviewCard(ReviewView review, boolean upvoted, List<String> upvoters, boolean withComments,
		List<CommentView> comments) {

}
