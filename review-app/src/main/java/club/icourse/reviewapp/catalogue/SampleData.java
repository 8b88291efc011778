package club.icourse.reviewapp.catalogue;

import club.icourse.reviewapp.course.CourseFigures;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.PersonRepository;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The shipped sample catalogue (classpath {@value #CATALOGUE}, made by
 * SampleCatalogueGenerator in the tests) and the demo reviews of it, for the local run
 * and for tests (the search engine's test set among them). Both loads are idempotent.
 * Demo reviews are written through {@link Reviews}, as people write theirs, so the course
 * figures, history and events are exactly those of real reviews. Demo people are keyed by
 * the issuer {@value #DEMO_ISSUER}, which no identity provider signs anyone in with.
 */
@Service
public class SampleData {

	static final String CATALOGUE = "catalogue/sample-catalogue.json";

	public static final String DEMO_ISSUER = "urn:icourse:demo";

	private final CatalogueImport catalogueImport;

	private final CatalogueStore store;

	private final PersonRepository people;

	private final Reviews reviews;

	private final CourseFigures figures;

	private final Clock clock;

	private final DemoDates dates;

	SampleData(CatalogueImport catalogueImport, CatalogueStore store, PersonRepository people, Reviews reviews,
			CourseFigures figures, Clock clock, DemoDates dates) {
		this.dates = dates;
		this.catalogueImport = catalogueImport;
		this.store = store;
		this.people = people;
		this.reviews = reviews;
		this.figures = figures;
		this.clock = clock;
	}

	/** The sample catalogue file as shipped. */
	public static byte[] catalogueFile() {
		try (InputStream in = new ClassPathResource(CATALOGUE).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("The sample catalogue is missing from the class path", e);
		}
	}

	/** Whether the demo reviews were loaded here before (their people exist). */
	public boolean demoDataLoaded() {
		return people.anyFrom(DEMO_ISSUER);
	}

	public ImportSummary loadCatalogue() {
		return catalogueImport.load(catalogueFile());
	}

	/**
	 * Writes the demo reviews of the sample catalogue (load it first), skipping those
	 * already written; returns how many were written now.
	 */
	public int loadDemoReviews() {
		CatalogueFile catalogue = CatalogueReader.read(catalogueFile());
		Map<String, Long> teacherIds = store.teachers()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id()));
		Map<String, CatalogueStore.Course> courses = store.courses();
		List<Person> demoPeople = DemoReviews.people()
			.stream()
			.map(p -> people.signedIn(DEMO_ISSUER, p.subject(), p.username(), "ustc", p.affiliation(), p.admin(), null,
					null, clock.instant()))
			.toList();
		Person admin = demoPeople.getFirst();
		int written = 0;
		for (DemoReviews.Review review : DemoReviews.reviews(catalogue)) {
			CatalogueFile.Course reviewed = catalogue.courses().get(review.course());
			CatalogueStore.Course course = courses
				.get(CatalogueStore.courseKey(reviewed.name(), CatalogueStore.teacherKey(reviewed, teacherIds)));
			if (course == null) {
				throw new IllegalStateException(
						"Load the sample catalogue before the demo reviews: " + reviewed.name() + " is missing");
			}
			Person author = demoPeople.get(review.author());
			if (reviews.ownReview(course.id(), author).isPresent()) {
				continue;
			}
			long id = reviews.write(author,
					new ReviewDraft(course.id(), review.term(), review.rating(), review.difficulty(), review.homework(),
							review.grading(), review.gain(), review.content(), review.anonymous(),
							review.studentsOnly()));
			dates.backdate(id, review.term());
			if (review.hidden()) {
				reviews.hide(author, id, true);
			}
			if (review.blockedReason() != null) {
				reviews.block(admin, id, true, review.blockedReason());
			}
			written++;
		}
		dates.settle(demoPeople.stream().map(Person::id).toList());
		figures.refreshSiteFigures();
		return written;
	}

}
