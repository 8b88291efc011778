package club.icourse.reviewapp.api;

import club.icourse.reviewapp.api.ApiResources.Course;
import club.icourse.reviewapp.api.ApiResources.CourseItem;
import club.icourse.reviewapp.api.ApiResources.Part;
import club.icourse.reviewapp.api.ApiResources.Review;
import club.icourse.reviewapp.api.ApiResources.Teacher;
import club.icourse.reviewapp.course.CourseCatalogue;
import club.icourse.reviewapp.course.CourseNotFoundException;
import club.icourse.reviewapp.review.ReviewListing;
import club.icourse.reviewapp.review.ReviewListing.Position;
import club.icourse.reviewapp.review.ReviewNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What anyone may read on the site, for any registered app: the catalogue, the figures,
 * and reviews exactly as an anonymous visitor reads them (the listings read with no
 * viewer), whoever the token acts for: a person's consent cannot open to an app the
 * reviews other authors kept to students.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@Tag(name = "Public", description = "Any registered app's access token (client credentials will do)")
class PublicApiController {

	private final CourseCatalogue catalogue;

	private final ReviewListing reviews;

	PublicApiController(CourseCatalogue catalogue, ReviewListing reviews) {
		this.catalogue = catalogue;
		this.reviews = reviews;
	}

	@GetMapping("/courses")
	@Operation(summary = "Courses, by id, part by part")
	Part<CourseItem> courses(@RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit) {
		int size = Cursors.limit(limit);
		return Part.of(catalogue.after(Cursors.course(cursor), size + 1), size, CourseItem::of,
				course -> Cursors.ofCourse(course.id()));
	}

	@GetMapping("/courses/{id}")
	@Operation(summary = "A course: its teachers, newest offering and the figures of its reviews")
	Course course(@PathVariable long id) {
		return catalogue.course(id)
			.map(course -> Course.of(course, reviews.termSummary(id)))
			.orElseThrow(CourseNotFoundException::new);
	}

	@GetMapping("/courses/{id}/reviews")
	@Operation(summary = "A course's reviews as an anonymous visitor reads them, newest first")
	Part<Review> courseReviews(@PathVariable long id, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit) {
		if (catalogue.course(id).isEmpty()) {
			throw new CourseNotFoundException();
		}
		int size = Cursors.limit(limit);
		return Part.of(reviews.ofCourseAfter(id, Optional.empty(), Cursors.review(cursor), size + 1), size, Review::of,
				review -> Cursors.ofReview(Position.of(review)));
	}

	@GetMapping("/reviews/{id}")
	@Operation(summary = "One review, if an anonymous visitor may read it (else 404)")
	Review review(@PathVariable long id) {
		return reviews.one(id, Optional.empty()).map(Review::of).orElseThrow(ReviewNotFoundException::new);
	}

	@GetMapping("/teachers/{id}")
	@Operation(summary = "A teacher and the courses they teach")
	Teacher teacher(@PathVariable long id) {
		return catalogue.teacher(id).map(Teacher::of).orElseThrow(CourseNotFoundException::new);
	}

	@GetMapping("/terms")
	@Operation(summary = "Every term the catalogue knows, newest first")
	List<String> terms() {
		return catalogue.terms().stream().map(CourseCatalogue.Option::value).toList();
	}

}
