package club.icourse.reviewapp.search;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.bench.TenTimesICourse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.search.Query;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On demand only (docs/search.md): fills the test database with ten times iCourse's size
 * (140,000 courses, 170,000 reviews), rebuilds the index from it, and measures searches
 * over HTTP.
 * {@code ./mvnw -pl review-app -am verify -Dtest=SearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dsearch.benchmark=true}
 */
@ReviewAppTest
@EnabledIfSystemProperty(named = "search.benchmark", matches = "true")
class SearchBenchmark {

	@Autowired
	DSLContext dsl;

	@Autowired
	SearchIndexer indexer;

	@Autowired
	SearchIndex index;

	@Autowired
	CatalogueSearch search;

	@Autowired
	SearchSource source;

	@LocalServerPort
	int port;

	private final Random random = new Random(42);

	@Test
	void searchAtTenTimesICourseSize() throws Exception {
		long started = System.nanoTime();
		List<String> courseNames = new TenTimesICourse(dsl, random).fill();
		System.out.printf("%nGenerated %,d courses, %,d reviews in %d s%n", TenTimesICourse.COURSES,
				TenTimesICourse.REVIEWS, (System.nanoTime() - started) / 1_000_000_000);

		started = System.nanoTime();
		source.courses(null, course -> {
		});
		source.reviews(null, review -> {
		});
		System.out.printf("Reading courses and reviews alone: %,d ms%n", (System.nanoTime() - started) / 1_000_000);
		started = System.nanoTime();
		indexer.build();
		long buildMillis = (System.nanoTime() - started) / 1_000_000;
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("Index build: %,d ms, %,d documents, index %,d MB, JVM heap used after GC %,d MB%n",
				buildMillis, index.documents(), index.bytes() >> 20,
				(runtime.totalMemory() - runtime.freeMemory()) >> 20);

		List<String> queries = queries(courseNames);
		List<Long> service = new ArrayList<>();
		for (String query : queries) {
			long before = System.nanoTime();
			search.search(new CatalogueSearch.Request(query, null, null, null, 1, Optional.empty()));
			service.add(System.nanoTime() - before);
		}
		report("Search service alone (warming up)", service, queries.size());
		service.clear();
		for (String query : queries) {
			long before = System.nanoTime();
			search.search(new CatalogueSearch.Request(query, null, null, null, 1, Optional.empty()));
			service.add(System.nanoTime() - before);
		}
		List<String> slowest = new ArrayList<>(queries);
		List<Long> times = new ArrayList<>(service);
		slowest.sort((a, b) -> Long.compare(times.get(queries.indexOf(b)), times.get(queries.indexOf(a))));
		System.out.println("Slowest: " + slowest.subList(0, 12)
			.stream()
			.map(q -> q + " " + times.get(queries.indexOf(q)) / 1_000_000 + "ms")
			.toList());
		report("Search service alone", service, queries.size());
		stepCosts(queries);
		// A browser keeps its session cookie; without it every request would start a new
		// session.
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		for (String query : queries.subList(0, 300)) {
			get(http, query);
		}
		List<Long> nanos = new ArrayList<>();
		for (int round = 0; round < 4; round++) {
			Collections.shuffle(queries, random);
			for (String query : queries) {
				long before = System.nanoTime();
				get(http, query);
				nanos.add(System.nanoTime() - before);
			}
		}
		report("Search over HTTP", nanos, queries.size());
		List<Long> empty = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			long before = System.nanoTime();
			get(http, "");
			empty.add(System.nanoTime() - before);
		}
		report("The page without a search (empty query), for comparison", empty, 1);
		System.out.printf("Machine load average while measuring (1, 5, 15 min): %s%n%n",
				Files.readString(Path.of("/proc/loadavg")).strip());
	}

	/**
	 * Where the search spends its time: each kind's query at each step, counted as the
	 * search counts it.
	 */
	private void stepCosts(List<String> queries) {
		Map<String, Long> costs = new TreeMap<>();
		index.read(searcher -> {
			for (String typed : queries) {
				String text = SearchText.query(typed);
				if (!SearchText.searchable(text)) {
					continue;
				}
				LadderQueries.Parsed parsed = LadderQueries.Parsed.of(text);
				for (SearchKind kind : SearchKind.values()) {
					for (MatchStep step : MatchStep.values()) {
						Query query = LadderQueries.of(step, kind, parsed);
						if (query != null) {
							long before = System.nanoTime();
							try {
								searcher.search(query, new CappedCount(1_000));
							}
							catch (IOException e) {
								throw new UncheckedIOException(e);
							}
							costs.merge(kind + " " + step, System.nanoTime() - before, Long::sum);
						}
					}
				}
			}
			return null;
		});
		costs.forEach((step, nanos) -> System.out.printf("  %-24s %,8.1f ms in all%n", step, nanos / 1e6));
	}

	private static void report(String what, List<Long> nanos, int distinct) {
		Collections.sort(nanos);
		System.out.printf(
				"%s, %,d requests of %,d distinct queries: median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				what, nanos.size(), distinct, nanos.get(nanos.size() / 2) / 1e6, nanos.get(nanos.size() * 9 / 10) / 1e6,
				nanos.get(nanos.size() * 99 / 100) / 1e6, nanos.getLast() / 1e6);
	}

	private void get(HttpClient http, String query) throws Exception {
		HttpResponse<Void> response = http.send(HttpRequest
			.newBuilder(URI
				.create("http://127.0.0.1:" + port + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() != 200) {
			throw new AssertionError(query + " answered " + response.statusCode());
		}
	}

	/**
	 * A mix: names and parts of names, codes and code prefixes, teachers, pinyin,
	 * abbreviations, typos, review text.
	 */
	private List<String> queries(List<String> courseNames) {
		List<String> queries = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String name = courseNames.get(random.nextInt(courseNames.size()));
			queries.add(name);
			queries.add(name.substring(0, Math.min(4, name.length())));
			queries.add(name.substring(0, 1) + name.substring(2, 3));
			queries.add(name.substring(0, 2) + "错" + name.substring(3));
			queries.add(TenTimesICourse.LETTERS[random.nextInt(TenTimesICourse.LETTERS.length)]
					+ (1000 + random.nextInt(4000)) / (random.nextBoolean() ? 1 : 10));
			queries.add(TenTimesICourse.teacherName(random.nextInt(TenTimesICourse.TEACHERS)));
			queries.add(TenTimesICourse.PHRASES[random.nextInt(TenTimesICourse.PHRASES.length)].substring(0, 4));
		}
		queries.addAll(List.of("zhangwei", "shuxue", "sxfx", "wangfang", "lijing", "jisuanji", "zhang san", "liangzi",
				"jsj", "*:*", "a~", "!!!", "数学 物理 化学 生物", "老师"));
		return queries;
	}

}
