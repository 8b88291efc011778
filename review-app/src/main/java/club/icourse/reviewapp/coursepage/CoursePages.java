package club.icourse.reviewapp.coursepage;

import club.icourse.reviewapp.card.ReviewCards;
import club.icourse.reviewapp.course.CourseCatalogue;
import club.icourse.reviewapp.course.CourseCatalogue.Option;
import club.icourse.reviewapp.course.CourseDetails;
import club.icourse.reviewapp.course.CourseNotFoundException;
import club.icourse.reviewapp.course.CourseVotes;
import club.icourse.reviewapp.course.CoursesTaken;
import club.icourse.reviewapp.follow.Follows;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewHistory;
import club.icourse.reviewapp.review.ReviewListing;
import club.icourse.reviewapp.review.ReviewSort;
import club.icourse.reviewapp.review.Reviews;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Puts a course page together from the features it shows. */
@Service
class CoursePages {

	private final CourseCatalogue catalogue;

	private final ReviewListing listing;

	private final ReviewCards cards;

	private final Reviews reviews;

	private final ReviewHistory history;

	private final CourseVotes votes;

	private final Follows follows;

	private final CoursesTaken taken;

	CoursePages(CourseCatalogue catalogue, ReviewListing listing, ReviewCards cards, Reviews reviews,
			ReviewHistory history, CourseVotes votes, Follows follows, CoursesTaken taken) {
		this.taken = taken;
		this.catalogue = catalogue;
		this.listing = listing;
		this.cards = cards;
		this.reviews = reviews;
		this.history = history;
		this.votes = votes;
		this.follows = follows;
	}

	CoursePage page(long courseId, Optional<Person> reader, ReviewSort order, String term, Integer stars, int page) {
		CourseDetails course = catalogue.course(courseId).orElseThrow(CourseNotFoundException::new);
		return new CoursePage(course,
				cards.withComments(listing.ofCourse(courseId, reader, order, term, stars, page), reader),
				votes.voteOf(reader, courseId), follows.followsCourse(reader, courseId),
				reader.filter(Person::admin).map(admin -> history.deletedOf(courseId)).orElse(List.of()),
				listing.termSummary(courseId), order.parameter(), term, stars, termOptions(courseId),
				reader.flatMap(person -> reviews.ownReview(courseId, person)).isPresent(),
				taken.termOf(reader, courseId));
	}

	private List<Option> termOptions(long courseId) {
		return reviews.termsOf(courseId).stream().map(term -> new Option(term, term)).toList();
	}

}
