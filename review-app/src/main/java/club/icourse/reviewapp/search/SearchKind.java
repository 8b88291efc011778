package club.icourse.reviewapp.search;

/** What a search finds, in the order the results page offers them. */
public enum SearchKind {

	COURSE, TEACHER, REVIEW;

	static SearchKind parse(String value) {
		for (SearchKind kind : values()) {
			if (kind.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
				return kind;
			}
		}
		return null;
	}

}
