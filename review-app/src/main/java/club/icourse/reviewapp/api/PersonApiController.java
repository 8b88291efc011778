package club.icourse.reviewapp.api;

import club.icourse.reviewapp.api.ApiResources.Draft;
import club.icourse.reviewapp.api.ApiResources.Following;
import club.icourse.reviewapp.api.ApiResources.Me;
import club.icourse.reviewapp.api.ApiResources.Notification;
import club.icourse.reviewapp.api.ApiResources.Part;
import club.icourse.reviewapp.api.ApiResources.Review;
import club.icourse.reviewapp.api.ApiResources.ReviewInput;
import club.icourse.reviewapp.follow.Follows;
import club.icourse.reviewapp.follow.Follows.Followed;
import club.icourse.reviewapp.notification.Notifications;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewListing;
import club.icourse.reviewapp.review.ReviewListing.Position;
import club.icourse.reviewapp.review.ReviewNotFoundException;
import club.icourse.reviewapp.review.Reviews;
import club.icourse.reviewapp.review.SavedDrafts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the person sees only when signed in, on their behalf: reading needs
 * {@code reviews.read}, writing {@code reviews.write} ({@link ApiScopes}). Every read
 * goes through the same listing and visibility rules as the site's pages, with the person
 * as the reader; writing goes through the site's own {@link Reviews#write} (rules,
 * muting, history, notifications).
 */
@RestController
@RequestMapping(path = "/api/me", produces = "application/json")
@Tag(name = "On the person's behalf", description = "A token the person granted reviews.read or reviews.write")
class PersonApiController {

	private final ApiCallers callers;

	private final ReviewListing listing;

	private final Reviews reviews;

	private final SavedDrafts drafts;

	private final Follows follows;

	private final Notifications notifications;

	PersonApiController(ApiCallers callers, ReviewListing listing, Reviews reviews, SavedDrafts drafts, Follows follows,
			Notifications notifications) {
		this.callers = callers;
		this.listing = listing;
		this.reviews = reviews;
		this.drafts = drafts;
		this.follows = follows;
		this.notifications = notifications;
	}

	@GetMapping
	@Operation(summary = "Who the token acts for")
	Me me(@AuthenticationPrincipal Jwt token) {
		return Me.of(callers.person(token));
	}

	@GetMapping("/reviews")
	@Operation(summary = "The person's reviews, hidden, blocked and anonymous ones too, newest first")
	Part<Review> reviews(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit) {
		Person person = callers.person(token);
		int size = Cursors.limit(limit);
		return Part.of(listing.byAuthorAfter(person.id(), Optional.of(person), Cursors.review(cursor), size + 1), size,
				Review::of, review -> Cursors.ofReview(Position.of(review)));
	}

	@PutMapping(path = "/reviews/{courseId}", consumes = "application/json")
	@Operation(summary = "Writes the person's review of a course (one per course: a second PUT edits it)")
	Review write(@AuthenticationPrincipal Jwt token, @PathVariable long courseId, @RequestBody ReviewInput input) {
		Person person = callers.person(token);
		long id = reviews.write(person, input.toDraft(courseId));
		return listing.one(id, Optional.of(person)).map(Review::of).orElseThrow(ReviewNotFoundException::new);
	}

	@GetMapping("/drafts")
	@Operation(summary = "The person's unfinished reviews, latest saved first")
	List<Draft> drafts(@AuthenticationPrincipal Jwt token) {
		return drafts.all(callers.person(token)).stream().map(Draft::of).toList();
	}

	@GetMapping("/follows")
	@Operation(summary = "The courses and people the person follows")
	Following follows(@AuthenticationPrincipal Jwt token) {
		Person person = callers.person(token);
		List<Followed> courses = follows.coursesFollowedBy(person.id());
		return Following.of(courses, follows.peopleFollowedBy(person.id()));
	}

	@GetMapping("/notifications")
	@Operation(summary = "The person's notifications as the site lists them, newest first")
	Part<Notification> notifications(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit) {
		Person person = callers.person(token);
		int size = Cursors.limit(limit);
		return Part.of(notifications.before(person, Cursors.notification(cursor), size + 1), size, Notification::of,
				notification -> Cursors.ofNotification(notification.id()));
	}

}
