package club.icourse.reviewapp.search;

/**
 * The matching steps from strict to loose; a search stops at the first step that finds
 * something, and the page says which step that was when it is not {@link #EXACT}.
 */
public enum MatchStep {

	/** The query as a substring (a course code as a prefix). */
	EXACT,
	/** Every character bigram of the query, anywhere. */
	BIGRAMS,
	/** The query's characters in order within a course name: 数分 for 数学分析. */
	ABBREVIATION,
	/** One character added, missing or different. */
	ONE_CHARACTER,
	/**
	 * Full pinyin or initials, any reading of polyphonic characters: shuxuefenxi, sxfx.
	 */
	PINYIN,
	/** Some of the query. */
	PARTIAL

}
