package club.icourse.reviewapp.search;

import static club.icourse.reviewapp.search.IndexFields.ABBREVIATION;
import static club.icourse.reviewapp.search.IndexFields.CHARS;
import static club.icourse.reviewapp.search.IndexFields.DELETIONS;
import static club.icourse.reviewapp.search.IndexFields.EXACT;
import static club.icourse.reviewapp.search.IndexFields.NAME;
import static club.icourse.reviewapp.search.IndexFields.TEACHER;

import club.icourse.reviewapp.course.CourseSummary;
import club.icourse.reviewapp.search.SearchSource.CourseEntry;
import club.icourse.reviewapp.search.SearchSource.ReviewEntry;
import club.icourse.reviewapp.search.SearchSource.TeacherEntry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * Turns catalogue and review entries into index documents: every text field normalised
 * the way queries are.
 */
final class IndexDocuments {

	/**
	 * Abbreviations are pairs of characters in order (毛概 for a name of 20); longer names
	 * would only add noise.
	 */
	private static final int ABBREVIATION_CHARS = 24;

	private IndexDocuments() {
	}

	/**
	 * Relevance first; the rating (0-10) and review count then move a course by a few
	 * percent only, which orders equally relevant courses without letting a popular
	 * course outrank a better match.
	 */
	static Document course(CourseEntry course) {
		Document document = base(SearchKind.COURSE, course.id(), course.name(), course.department());
		String name = SearchText.normalize(course.name());
		named(document, NAME, name);
		abbreviations(document, name);
		pinyin(document, IndexFields.PINYIN, IndexFields.INITIALS, name);
		for (String teacher : course.teachers()) {
			String normalized = SearchText.normalize(teacher);
			document.add(new TextField(TEACHER, normalized, Field.Store.NO));
			document.add(new TextField(TEACHER + CHARS, normalized, Field.Store.NO));
			pinyin(document, IndexFields.TEACHER_PINYIN, IndexFields.TEACHER_INITIALS, normalized);
		}
		course.codes()
			.forEach(code -> document
				.add(new StringField(IndexFields.CODE, code.toLowerCase(Locale.ROOT), Field.Store.NO)));
		course.terms().forEach(term -> document.add(new StringField(IndexFields.TERM, term, Field.Store.NO)));
		document.add(new StoredField(IndexFields.DETAIL, String.join("、", course.teachers())));
		stored(document, IndexFields.DEPARTMENT_NAME, course.departmentName());
		stored(document, IndexFields.LATEST_TERM, course.latestTerm());
		stored(document, IndexFields.LATEST_CODE, course.latestCode());
		document.add(new StoredField(IndexFields.REVIEWS, course.reviews()));
		if (course.averageRating() != null) {
			document.add(new StoredField(IndexFields.AVERAGE_RATING, course.averageRating()));
		}
		document.add(new StoredField(IndexFields.RATING, course.rating()));
		document.add(new DoubleDocValuesField(IndexFields.RANK,
				1 + course.rating() / 200 + Math.log1p(course.reviews()) / 100));
		return document;
	}

	/** A course's line in the results, from what its document stores. */
	static CourseSummary summary(Document document) {
		String teachers = document.get(IndexFields.DETAIL);
		Number average = document.getField(IndexFields.AVERAGE_RATING) == null ? null
				: document.getField(IndexFields.AVERAGE_RATING).numericValue();
		return new CourseSummary(document.getField(IndexFields.ID).numericValue().longValue(),
				document.get(IndexFields.LABEL),
				teachers == null || teachers.isEmpty() ? List.of() : List.of(teachers.split("、")),
				document.get(IndexFields.DEPARTMENT_NAME), document.get(IndexFields.LATEST_TERM),
				document.get(IndexFields.LATEST_CODE), document.getField(IndexFields.REVIEWS).numericValue().intValue(),
				average == null ? null : average.doubleValue(),
				document.getField(IndexFields.RATING).numericValue().doubleValue());
	}

	static Document teacher(TeacherEntry teacher) {
		Document document = base(SearchKind.TEACHER, teacher.id(), teacher.name(), teacher.department());
		String name = SearchText.normalize(teacher.name());
		named(document, NAME, name);
		pinyin(document, IndexFields.PINYIN, IndexFields.INITIALS, name);
		stored(document, IndexFields.DETAIL, teacher.departmentName());
		document.add(new DoubleDocValuesField(IndexFields.RANK, 1 + Math.log1p(teacher.courses()) / 100));
		return document;
	}

	static Document review(ReviewEntry review) {
		Document document = base(SearchKind.REVIEW, review.id(), null, review.department());
		document.add(new TextField(IndexFields.TEXT, SearchText.normalize(review.text()), Field.Store.NO));
		if (review.term() != null) {
			document.add(new StringField(IndexFields.TERM, review.term(), Field.Store.NO));
		}
		document.add(new StringField(IndexFields.AUTHOR, Long.toString(review.authorId()), Field.Store.NO));
		flag(document, review.hidden(), IndexFields.HIDDEN);
		flag(document, review.blocked(), IndexFields.BLOCKED);
		flag(document, review.studentsOnly(), IndexFields.STUDENTS_ONLY);
		return document;
	}

	private static Document base(SearchKind kind, long id, String label, String department) {
		Document document = new Document();
		document.add(new StringField(IndexFields.KEY, IndexFields.key(kind, id), Field.Store.NO));
		document.add(new StringField(IndexFields.KIND, kind.name(), Field.Store.NO));
		document.add(new StoredField(IndexFields.ID, id));
		if (label != null) {
			document.add(new StoredField(IndexFields.LABEL, label));
		}
		if (department != null) {
			document.add(new StringField(IndexFields.DEPARTMENT, department, Field.Store.NO));
		}
		return document;
	}

	private static void stored(Document document, String field, String value) {
		if (value != null) {
			document.add(new StoredField(field, value));
		}
	}

	private static void named(Document document, String field, String normalized) {
		document.add(new TextField(field, normalized, Field.Store.NO));
		document.add(new TextField(field + CHARS, normalized, Field.Store.NO));
		document.add(new StringField(field + EXACT, normalized, Field.Store.NO));
		if (normalized.length() <= LadderQueries.MAX_ONE_EDIT) {
			SearchText.deletions(normalized)
				.forEach(deletion -> document.add(new StringField(field + DELETIONS, deletion, Field.Store.NO)));
		}
	}

	private static void abbreviations(Document document, String name) {
		String han = SearchText.han(name);
		han = han.length() > ABBREVIATION_CHARS ? han.substring(0, ABBREVIATION_CHARS) : han;
		Set<String> pairs = new LinkedHashSet<>();
		for (int i = 0; i < han.length(); i++) {
			for (int j = i + 1; j < han.length(); j++) {
				pairs.add("" + han.charAt(i) + han.charAt(j));
			}
		}
		pairs.forEach(pair -> document.add(new StringField(ABBREVIATION, pair, Field.Store.NO)));
	}

	private static void pinyin(Document document, String fullField, String initialsField, String normalized) {
		Pinyin.Spellings spellings = Pinyin.of(normalized);
		spellings.full().forEach(spelling -> document.add(new StringField(fullField, spelling, Field.Store.NO)));
		spellings.initials()
			.forEach(spelling -> document.add(new StringField(initialsField, spelling, Field.Store.NO)));
	}

	private static void flag(Document document, boolean set, String flag) {
		if (set) {
			document.add(new StringField(IndexFields.FLAG, flag, Field.Store.NO));
		}
	}

}
