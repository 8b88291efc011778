package club.icourse.reviewapp.search;

import club.icourse.reviewapp.course.Page;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.search.LadderQueries.Parsed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Search on the embedded Lucene index. Steps from strict to loose ({@link MatchStep}); the first that finds anything,
 * with the filters and read rules applied, answers. Within a step: BM25 over weighted fields, multiplied by a small
 * boost for the normalized rating and review count.
 */
@Component
class LuceneCatalogueSearch implements CatalogueSearch {

    static final int PAGE_SIZE = 20;
    /** Deep pages cost a search of everything before them; nobody reads page 50 of a search. */
    static final int MAX_PAGE = 50;
    /** Counts per kind stop here: the pages reach no further. */
    static final int COUNT_LIMIT = PAGE_SIZE * MAX_PAGE;

    private final SearchIndex index;
    private final ReviewHits reviews;
    private final QueryLog log;

    LuceneCatalogueSearch(SearchIndex index, ReviewHits reviews, QueryLog log) {
        this.index = index;
        this.reviews = reviews;
        this.log = log;
    }

    private record Found(MatchStep step, Map<SearchKind, Integer> counts, SearchKind kind, int total, List<Document> page) {
    }

    @Override
    public Results search(Request request) {
        String text = SearchText.query(request.query());
        int page = Math.max(1, Math.min(MAX_PAGE, request.page()));
        if (!SearchText.searchable(text)) {
            return new Results(text, null, new EnumMap<>(SearchKind.class), request.kind(), new Page<>(List.of(), 1, PAGE_SIZE, 0));
        }
        Parsed parsed = Parsed.of(text);
        Found found = index.read(searcher -> find(searcher, parsed, request, page));
        List<Hit> hits = found.kind() == SearchKind.REVIEW
                ? reviews.readable(found.page().stream().map(LuceneCatalogueSearch::id).toList(), request.viewer(), highlighted(parsed))
                : found.page().stream().map(document -> new Hit(id(document), document.get(IndexFields.LABEL),
                        document.get(IndexFields.DETAIL), found.kind() == SearchKind.COURSE ? IndexDocuments.summary(document) : null,
                        0, List.of())).toList();
        Results results = new Results(text, found.step(), found.counts(), found.kind(), new Page<>(hits, page, PAGE_SIZE, found.total()));
        log.record(text, results.total(), found.step(), request.viewer());
        return results;
    }

    @Override
    public List<Suggestion> suggest(String typed, int limit) {
        String text = SearchText.query(typed);
        if (!SearchText.searchable(text)) {
            return List.of();
        }
        Parsed parsed = Parsed.of(text);
        return index.read(searcher -> {
            for (MatchStep step : MatchStep.values()) {
                List<Suggestion> suggestions = new ArrayList<>();
                for (SearchKind kind : List.of(SearchKind.COURSE, SearchKind.TEACHER)) {
                    Query query = query(step, kind, parsed, null, null, Optional.empty());
                    if (query != null) {
                        for (Document document : top(searcher, ranked(kind, query), 0, limit)) {
                            suggestions.add(new Suggestion(kind, id(document), document.get(IndexFields.LABEL), document.get(IndexFields.DETAIL)));
                        }
                    }
                }
                if (!suggestions.isEmpty()) {
                    return suggestions.size() > limit ? suggestions.subList(0, limit) : suggestions;
                }
            }
            return List.of();
        });
    }

    private Found find(IndexSearcher searcher, Parsed parsed, Request request, int page) {
        for (MatchStep step : MatchStep.values()) {
            Map<SearchKind, Query> queries = new EnumMap<>(SearchKind.class);
            Map<SearchKind, Integer> counts = new EnumMap<>(SearchKind.class);
            for (SearchKind kind : SearchKind.values()) {
                Query query = query(step, kind, parsed, request.department(), request.term(), request.viewer());
                if (query != null) {
                    queries.put(kind, query);
                    counts.put(kind, count(searcher, query));
                }
            }
            if (counts.values().stream().anyMatch(count -> count > 0)) {
                SearchKind kind = request.kind() != null ? request.kind()
                        : counts.entrySet().stream().filter(entry -> entry.getValue() > 0).findFirst().orElseThrow().getKey();
                Query query = queries.get(kind);
                List<Document> documents = query == null ? List.of() : top(searcher, ranked(kind, query), (page - 1) * PAGE_SIZE, PAGE_SIZE);
                return new Found(step, counts, kind, counts.getOrDefault(kind, 0), documents);
            }
        }
        return new Found(null, new EnumMap<>(SearchKind.class), request.kind(), 0, List.of());
    }

    private static Query query(MatchStep step, SearchKind kind, Parsed parsed, String department, String term,
                               Optional<Person> viewer) {
        Query matching = LadderQueries.of(step, kind, parsed);
        if (matching == null) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(matching, Occur.MUST)
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
     * Courses and teachers: relevance times their rank. Reviews: relevance alone, which lets Lucene skip blocks of
     * documents that cannot make the page (a common word is in tens of thousands of reviews).
     */
    private static Query ranked(SearchKind kind, Query query) {
        return kind == SearchKind.REVIEW ? query
                : FunctionScoreQuery.boostByValue(query, DoubleValuesSource.fromDoubleField(IndexFields.RANK));
    }

    /** What to mark in snippets: the query's bigrams and words (a one-character query: that character). */
    private static List<String> highlighted(Parsed parsed) {
        return parsed.tokens();
    }

    private static int count(IndexSearcher searcher, Query query) {
        try {
            return searcher.search(query, new CappedCount(COUNT_LIMIT));
        } catch (IOException e) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long id(Document document) {
        return document.getField(IndexFields.ID).numericValue().longValue();
    }
}
