package club.icourse.reviewapp.search;

/**
 * Field names of the search index, shared by what writes documents and what queries them.
 */
final class IndexFields {

	/** kind:id, the document's identity for updates and deletes. */
	static final String KEY = "key";
	static final String KIND = "kind";
	static final String ID = "id";

	/**
	 * Course or teacher name, bigrams; {@code _chars}: single characters; {@code _exact}:
	 * the whole name.
	 */
	static final String NAME = "name";
	static final String TEACHER = "teacher";
	static final String TEXT = "text";
	static final String CHARS = "_chars";
	static final String EXACT = "_exact";

	/**
	 * The name with one character left out, each way: two names one edit apart share one
	 * of these.
	 */
	static final String DELETIONS = "_deletions";
	static final String CODE = "code";

	/** Ordered character pairs of a course name, for abbreviations. */
	static final String ABBREVIATION = "abbr";
	static final String PINYIN = "py";
	static final String INITIALS = "pyi";
	static final String TEACHER_PINYIN = "teacher_py";
	static final String TEACHER_INITIALS = "teacher_pyi";
	static final String DEPARTMENT = "dept";
	static final String TERM = "term";

	/**
	 * Review privacy, as flag values; and the author, so that authors find their own
	 * hidden reviews.
	 */
	static final String FLAG = "flag";
	static final String AUTHOR = "author";
	static final String HIDDEN = "hidden";
	static final String BLOCKED = "blocked";
	static final String STUDENTS_ONLY = "students_only";

	/** Stored for suggestions and teacher hits: what to show. */
	static final String LABEL = "label";
	static final String DETAIL = "detail";

	/** Stored for a course's line in the results. */
	static final String DEPARTMENT_NAME = "dept_name";
	static final String LATEST_TERM = "latest_term";
	static final String LATEST_CODE = "latest_code";
	static final String REVIEWS = "reviews";
	static final String AVERAGE_RATING = "average_rating";
	static final String RATING = "rating";

	/**
	 * Ranking beyond relevance: normalized rating and review count (courses), number of
	 * courses (teachers).
	 */
	static final String RANK = "rank";

	private IndexFields() {
	}

	static String key(SearchKind kind, long id) {
		return kind.name() + ":" + id;
	}

}
