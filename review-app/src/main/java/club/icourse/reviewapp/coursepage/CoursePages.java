package club.icourse.reviewapp.coursepage;

import club.icourse.reviewapp.card.ReviewCards;
import club.icourse.reviewapp.course.CourseCatalogue;
import club.icourse.reviewapp.course.CourseCatalogue.Option;
import club.icourse.reviewapp.course.CourseDetails;
import club.icourse.reviewapp.course.CourseNotFoundException;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewHistory;
import club.icourse.reviewapp.review.ReviewListing;
import club.icourse.reviewapp.review.ReviewSort;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Puts a course page together from the features it shows. */
@Service
class CoursePages {

	private final CourseCatalogue catalogue;

	private final ReviewListing listing;

	private final ReviewCards cards;

	private final ReviewHistory history;

	private final ReaderOnCourse readers;

	CoursePages(CourseCatalogue catalogue, ReviewListing listing, ReviewCards cards, ReviewHistory history,
			ReaderOnCourse readers) {
		this.catalogue = catalogue;
		this.listing = listing;
		this.cards = cards;
		this.history = history;
		this.readers = readers;
	}

	CoursePage page(long courseId, Optional<Person> reader, ReviewSort order, String term, Integer stars, int page) {
		CourseDetails course = catalogue.course(courseId).orElseThrow(CourseNotFoundException::new);
		ReaderOnCourse.State own = readers.of(reader, courseId);
		return new CoursePage(course,
				cards.withComments(listing.ofCourse(courseId, reader, order, term, stars, page), reader), own.vote(),
				own.following(),
				reader.filter(Person::admin).map(admin -> history.deletedOf(courseId)).orElse(List.of()),
				listing.termSummary(courseId), order.parameter(), term, stars,
				course.terms().stream().map(t -> new Option(t, t)).toList(), own.reviewed(), own.takenIn());
	}

}
