package club.icourse.reviewapp.card;

import club.icourse.reviewapp.comment.Comments;
import club.icourse.reviewapp.comment.Comments.CommentView;
import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewView;
import club.icourse.reviewapp.review.Upvotes;
import club.icourse.reviewapp.review.Upvotes.UpvoteState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Fills the cards of a whole page at once: one query for the reader's upvotes and the
 * upvoters of their own reviews, one for the comments (when the page shows them), however
 * many cards the page has.
 */
@Service
public class ReviewCards {

	private final Upvotes upvotes;

	private final Comments comments;

	ReviewCards(Upvotes upvotes, Comments comments) {
		this.upvotes = upvotes;
		this.comments = comments;
	}

	/** Cards without their comments (lists across courses and people). */
	public List<ReviewCard> of(List<ReviewView> reviews, Optional<Person> reader) {
		return cards(reviews, reader, false);
	}

	public Page<ReviewCard> of(Page<ReviewView> reviews, Optional<Person> reader) {
		return new Page<>(of(reviews.items(), reader), reviews.number(), reviews.size(), reviews.total());
	}

	/** Cards with their comments (a course's reviews, one review's page). */
	public List<ReviewCard> withComments(List<ReviewView> reviews, Optional<Person> reader) {
		return cards(reviews, reader, true);
	}

	public Page<ReviewCard> withComments(Page<ReviewView> reviews, Optional<Person> reader) {
		return new Page<>(withComments(reviews.items(), reader), reviews.number(), reviews.size(), reviews.total());
	}

	private List<ReviewCard> cards(List<ReviewView> reviews, Optional<Person> reader, boolean withComments) {
		List<Long> ids = reviews.stream().map(ReviewView::id).toList();
		UpvoteState state = upvotes.stateOf(ids, reader);
		Map<Long, List<CommentView>> commentsByReview = withComments ? comments.on(ids, reader) : Map.of();
		return reviews.stream()
			.map(review -> new ReviewCard(review, state.upvoted().contains(review.id()),
					state.upvoters().getOrDefault(review.id(), List.of()), withComments,
					commentsByReview.getOrDefault(review.id(), List.of()), reader.isPresent(),
					reader.map(Person::admin).orElse(false)))
			.toList();
	}

}
