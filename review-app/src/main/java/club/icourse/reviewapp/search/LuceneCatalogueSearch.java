package club.icourse.reviewapp.search;

import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.search.LadderQueries.Parsed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.springframework.stereotype.Component;

/**
 * Search on the embedded Lucene index. Steps from strict to loose ({@link MatchStep});
 * the first that finds anything, with the filters and read rules applied, answers. Within
 * a step: BM25 over weighted fields, multiplied by a small boost for the normalized
 * rating and review count.
 */
@Component
class LuceneCatalogueSearch implements CatalogueSearch {

	static final int PAGE_SIZE = 20;

	/**
	 * Deep pages cost a search of everything before them; nobody reads page 50 of a
	 * search.
	 */
	static final int MAX_PAGE = 50;

	/** Counts per kind stop here: the pages reach no further. */
	static final int COUNT_LIMIT = PAGE_SIZE * MAX_PAGE;

	private final SearchIndex index;

	private final ReviewHits reviews;

	private final QueryLog log;

	private final MeterRegistry meters;

	/**
	 * Search latency by operation and by the step that answered ("none": nothing found,
	 * or nothing to search).
	 */
	private final Map<String, Timer> timers = new HashMap<>();

	LuceneCatalogueSearch(SearchIndex index, ReviewHits reviews, QueryLog log, MeterRegistry meters) {
		this.index = index;
		this.reviews = reviews;
		this.log = log;
		this.meters = meters;
		for (String operation : List.of("search", "suggest")) {
			for (String step : Stream
				.concat(Stream.of("none"), Arrays.stream(MatchStep.values()).map(LuceneCatalogueSearch::tag))
				.toList()) {
				timers.put(operation + "/" + step,
						Timer.builder("icourse.search")
							.description("Time to answer a search or a suggestion, from the index and the database")
							.tag("operation", operation)
							.tag("step", step)
							.serviceLevelObjectives(Duration.ofMillis(25), Duration.ofMillis(100),
									Duration.ofMillis(500))
							.register(meters));
			}
		}
	}

	private static String tag(MatchStep step) {
		return step.name().toLowerCase(Locale.ROOT);
	}

	private void timed(Timer.Sample sample, String operation, MatchStep step) {
		sample.stop(timers.get(operation + "/" + (step == null ? "none" : tag(step))));
	}

	private record Found(MatchStep step, Map<SearchKind, Integer> counts, SearchKind kind, int total,
			List<Document> page) {
	}

	@Override
	public Results search(Request request) {
		Timer.Sample sample = Timer.start(meters);
		String text = SearchText.query(request.query());
		int page = Math.max(1, Math.min(MAX_PAGE, request.page()));
		if (!SearchText.searchable(text)) {
			timed(sample, "search", null);
			return new Results(text, null, new EnumMap<>(SearchKind.class), request.kind(),
					new Page<>(List.of(), 1, PAGE_SIZE, 0));
		}
		Parsed parsed = Parsed.of(text);
		Found found = index.read(searcher -> find(searcher, parsed, request, page));
		List<Hit> hits = found.kind() == SearchKind.REVIEW
				? reviews.readable(found.page().stream().map(LuceneCatalogueSearch::id).toList(), request.viewer(),
						highlighted(parsed))
				: found.page()
					.stream()
					.map(document -> new Hit(id(document), document.get(IndexFields.LABEL),
							document.get(IndexFields.DETAIL),
							found.kind() == SearchKind.COURSE ? IndexDocuments.summary(document) : null, 0, List.of()))
					.toList();
		Results results = new Results(text, found.step(), found.counts(), found.kind(),
				new Page<>(hits, page, PAGE_SIZE, found.total()));
		log.record(text, results.total(), found.step(), request.viewer());
		timed(sample, "search", found.step());
		return results;
	}

	@Override
	public List<Suggestion> suggest(String typed, int limit) {
		Timer.Sample sample = Timer.start(meters);
		String text = SearchText.query(typed);
		if (!SearchText.searchable(text)) {
			timed(sample, "suggest", null);
			return List.of();
		}
		Parsed parsed = Parsed.of(text);
		MatchStep[] answered = new MatchStep[1];
		List<Suggestion> found = index.read(searcher -> {
			List<Suggestion> suggestions = new ArrayList<>();
			for (SearchKind kind : List.of(SearchKind.COURSE, SearchKind.TEACHER)) {
				for (MatchStep step : MatchStep.values()) {
					Query query = query(step, kind, parsed, null, null, Optional.empty());
					List<Document> documents = query == null ? List.of() : top(searcher, ranked(kind, query), 0, limit);
					documents.forEach(document -> suggestions.add(new Suggestion(kind, id(document),
							document.get(IndexFields.LABEL), document.get(IndexFields.DETAIL))));
					if (!documents.isEmpty()) {
						answered[0] = answered[0] == null || step.compareTo(answered[0]) < 0 ? step : answered[0];
						break;
					}
				}
			}
			return suggestions.size() > limit ? suggestions.subList(0, limit) : suggestions;
		});
		timed(sample, "suggest", answered[0]);
		return found;
	}

	/**
	 * Each kind goes down the ladder on its own: reviews that mention a nickname (数分)
	 * must not stop courses from being found by it as an abbreviation. The page lists the
	 * requested kind, else the first that found anything.
	 */
	private Found find(IndexSearcher searcher, Parsed parsed, Request request, int page) {
		Map<SearchKind, Integer> counts = new EnumMap<>(SearchKind.class);
		Map<SearchKind, MatchStep> steps = new EnumMap<>(SearchKind.class);
		Map<SearchKind, Query> queries = new EnumMap<>(SearchKind.class);
		for (SearchKind kind : SearchKind.values()) {
			for (MatchStep step : MatchStep.values()) {
				Query query = query(step, kind, parsed, request.department(), request.term(), request.viewer());
				int count = query == null ? 0 : count(searcher, query);
				if (count > 0) {
					counts.put(kind, count);
					steps.put(kind, step);
					queries.put(kind, query);
					break;
				}
			}
		}
		SearchKind kind = request.kind() != null ? request.kind() : steps.keySet().stream().findFirst().orElse(null);
		Query query = kind == null ? null : queries.get(kind);
		if (query == null) {
			return new Found(null, counts, kind, 0, List.of());
		}
		List<Document> documents = top(searcher, ranked(kind, query), (page - 1) * PAGE_SIZE, PAGE_SIZE);
		return new Found(steps.get(kind), counts, kind, counts.get(kind), documents);
	}

	private static Query query(MatchStep step, SearchKind kind, Parsed parsed, String department, String term,
			Optional<Person> viewer) {
		Query matching = LadderQueries.of(step, kind, parsed);
		if (matching == null) {
			return null;
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(matching, Occur.MUST)
			.add(new TermQuery(new Term(IndexFields.KIND, kind.name())), Occur.FILTER);
		if (department != null) {
			query.add(new TermQuery(new Term(IndexFields.DEPARTMENT, department)), Occur.FILTER);
		}
		if (term != null && kind != SearchKind.TEACHER) {
			query.add(new TermQuery(new Term(IndexFields.TERM, term)), Occur.FILTER);
		}
		if (kind == SearchKind.REVIEW) {
			query.add(ReadableReviews.by(viewer), Occur.FILTER);
		}
		return query.build();
	}

	/**
	 * Courses and teachers: relevance times their rank. Reviews: relevance alone, which
	 * lets Lucene skip blocks of documents that cannot make the page (a common word is in
	 * tens of thousands of reviews).
	 */
	private static Query ranked(SearchKind kind, Query query) {
		return kind == SearchKind.REVIEW ? query
				: FunctionScoreQuery.boostByValue(query, DoubleValuesSource.fromDoubleField(IndexFields.RANK));
	}

	/**
	 * What to mark in snippets: the query's bigrams and words (a one-character query:
	 * that character).
	 */
	private static List<String> highlighted(Parsed parsed) {
		return parsed.tokens();
	}

	private static int count(IndexSearcher searcher, Query query) {
		try {
			return searcher.search(query, new CappedCount(COUNT_LIMIT));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<Document> top(IndexSearcher searcher, Query query, int offset, int size) {
		try {
			int wanted = offset + size;
			ScoreDoc[] hits = searcher.search(query, new TopScoreDocCollectorManager(wanted, wanted)).scoreDocs;
			StoredFields stored = searcher.storedFields();
			List<Document> documents = new ArrayList<>();
			for (int i = offset; i < hits.length; i++) {
				documents.add(stored.document(hits[i].doc));
			}
			return documents;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static long id(Document document) {
		return document.getField(IndexFields.ID).numericValue().longValue();
	}

}
