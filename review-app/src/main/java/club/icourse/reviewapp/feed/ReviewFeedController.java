package club.icourse.reviewapp.feed;

import club.icourse.reviewapp.review.ReviewListing;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public Atom feed of the newest reviews, as someone who is not signed in sees them.
 */
@RestController
class ReviewFeedController {

	private static final int SIZE = 30;

	private final ReviewListing reviews;

	private final MessageSource messages;

	ReviewFeedController(ReviewListing reviews, MessageSource messages) {
		this.reviews = reviews;
		this.messages = messages;
	}

	@GetMapping("/feeds/reviews")
	ResponseEntity<String> latest(Locale locale) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		AtomFeed feed = new AtomFeed("urn:icourse:reviews", messages.getMessage("feed.reviews-title", null, locale),
				base + "/");
		reviews.latest(Optional.empty(), SIZE)
			.forEach(review -> feed.add(new AtomFeed.Entry("urn:icourse:review:" + review.id(), review.courseName(),
					base + "/reviews/" + review.id(), review.author(), review.updatedAt(), review.contentHtml(),
					null)));
		return ResponseEntity.ok().header("Content-Type", AtomFeed.MEDIA_TYPE).body(feed.toXml());
	}

}
