package club.icourse.reviewapp.card;

import club.icourse.reviewapp.comment.Comments.CommentView;
import club.icourse.reviewapp.review.ReviewView;
import java.util.List;

/**
 * Everything one review card shows, for one reader: the review, whether the reader
 * upvotes it, who upvoted it (only for its author), its comments where the page shows
 * them ({@code withComments}), and whether the reader is signed in and an administrator,
 * which decides what the card offers (upvote, comment, report; block, delete). The card
 * asks these two here rather than through Spring Security's template expressions: a
 * course page's cards made some 200 of those, each a bean lookup, a SpEL parse and a new
 * evaluation context (issue 20's profile).
 */
public record ReviewCard(ReviewView review, boolean upvoted, List<String> upvoters, boolean withComments,
		List<CommentView> comments, boolean readerSignedIn, boolean readerAdmin) {

}
