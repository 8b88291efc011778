package club.icourse.reviewapp.search;

import club.icourse.reviewapp.course.CourseSummary;
import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.people.Person;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds courses (by name, teacher or code), teachers (by name) and reviews (by their
 * text, only those the searcher may read) for what a person typed. One interface,
 * whatever answers it: the index embedded in each instance here, a search cluster when
 * one machine is not enough (docs/search.md).
 */
public interface CatalogueSearch {

	/**
	 * @param kind the kind of results to list; null for the first kind that has some
	 * @param department a department code to keep to, or null
	 * @param term a term ({@code 2025-spring}) to keep to, or null
	 */
	record Request(String query, SearchKind kind, String department, String term, int page, Optional<Person> viewer) {
	}

	/**
	 * A course (with its line in the results), a teacher (label: name; detail:
	 * department), or a review (label: its course; detail: its term; and a snippet).
	 */
	record Hit(long id, String label, String detail, CourseSummary course, long courseId, List<Snippet.Part> snippet) {
	}

	/**
	 * @param query the query as normalised and searched for; empty when there was nothing
	 * to search for
	 * @param step the matching step that found the results; null when nothing was found
	 * @param counts results per kind at that step
	 */
	record Results(String query, MatchStep step, Map<SearchKind, Integer> counts, SearchKind kind, Page<Hit> hits) {

		public int total() {
			return counts.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	/** A course or teacher for search-as-you-type. */
	record Suggestion(SearchKind kind, long id, String label, String detail) {
	}

	Results search(Request request);

	List<Suggestion> suggest(String typed, int limit);

}
