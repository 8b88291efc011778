package club.icourse.reviewapp.search;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.COURSE_TEACHER;
import static club.icourse.db.review.Tables.COURSE_TERM;
import static club.icourse.db.review.Tables.DEPARTMENT;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.TEACHER;

import club.icourse.reviewapp.ReviewAppTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;
import org.apache.lucene.search.Query;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
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

	private static final int COURSES = Integer.getInteger("search.benchmark.courses", 140_000);

	private static final int REVIEWS = Integer.getInteger("search.benchmark.reviews", 170_000);

	private static final int TEACHERS = COURSES / 5;

	private static final int PEOPLE = 20_000;

	private static final int CHUNK = 2_000;

	private static final String[] SUBJECTS = ("数学 物理 化学 生物 计算机 程序 设计 分析 代数 几何 统计 概率 力学 电磁 光学 热学 量子 "
			+ "信息 网络 系统 工程 材料 经济 管理 历史 文学 哲学 法律 心理 艺术 英语 日语 德语 电路 信号 控制 算法 数据 结构 人工 智能 "
			+ "机器 学习 天文 地球 环境 能源 医学 药学 建筑 金融 会计 社会 政治 新闻 传播 音乐 体育 逻辑 方程 函数 拓扑 数论 图论")
		.split(" ");

	private static final String[] KINDS = "导论 基础 原理 方法 实验 概论 专题 进阶 前沿 研讨 与应用 选讲".split(" ");

	private static final String[] SURNAMES = "张 王 李 赵 陈 刘 杨 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 单 曾 朴 解 乐 覃 查 区 翟 仇 欧阳 尉迟"
		.split(" ");

	private static final String[] GIVEN = "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 涛 明 超 秀 霞 平 刚 桂 英 华 玉 萍 红 文 晨 晓 东 嘉 志 航 天 临 恭"
		.split(" ");

	private static final String[] PHRASES = ("老师讲课非常清楚 作业量适中 期末考试很难 给分很好 推荐选修 实验报告很多 收获很大 点名很严 "
			+ "课程内容充实 助教很负责 上课节奏偏快 需要提前预习 板书工整 课件详细 小组讨论有意思 期中考试原题 平时分占比高 不建议水课 " + "数学要求高 编程作业难 阅读量大 论文要求严格")
		.split(" ");

	private static final String[] LETTERS = { "MATH", "PHYS", "CHEM", "CS", "EE", "HIST", "ECON", "LAW", "ART", "BIO" };

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
		List<String> courseNames = fill();
		System.out.printf("%nGenerated %,d courses, %,d reviews in %d s%n", COURSES, REVIEWS,
				(System.nanoTime() - started) / 1_000_000_000);

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
							catch (java.io.IOException e) {
								throw new java.io.UncheckedIOException(e);
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
			queries.add(LETTERS[random.nextInt(LETTERS.length)]
					+ (1000 + random.nextInt(4000)) / (random.nextBoolean() ? 1 : 10));
			queries.add(teacherName(random.nextInt(TEACHERS)));
			queries.add(PHRASES[random.nextInt(PHRASES.length)].substring(0, 4));
		}
		queries.addAll(List.of("zhangwei", "shuxue", "sxfx", "wangfang", "lijing", "jisuanji", "zhang san", "liangzi",
				"jsj", "*:*", "a~", "!!!", "数学 物理 化学 生物", "老师"));
		return queries;
	}

	private List<String> fill() {
		LocalDateTime now = LocalDateTime.now();
		List<Long> departments = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			departments.add(dsl.insertInto(DEPARTMENT)
				.set(DEPARTMENT.CODE, "B" + i)
				.set(DEPARTMENT.NAME, SUBJECTS[i] + "学院")
				.returningResult(DEPARTMENT.ID)
				.fetchSingle()
				.value1());
		}
		insert(TEACHER, List.of(TEACHER.IMPORT_KEY, TEACHER.NAME, TEACHER.DEPARTMENT_ID, TEACHER.CREATED_AT), TEACHERS,
				i -> new Object[] { "bench-" + i, teacherName(i), departments.get(i % 30), now });
		long firstTeacher = dsl.select(TEACHER.ID)
			.from(TEACHER)
			.where(TEACHER.IMPORT_KEY.eq("bench-0"))
			.fetchSingle()
			.value1();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < COURSES; i++) {
			names.add(SUBJECTS[random.nextInt(SUBJECTS.length)] + SUBJECTS[random.nextInt(SUBJECTS.length)]
					+ KINDS[random.nextInt(KINDS.length)]
					+ (random.nextInt(4) == 0 ? "(" + (char) ('A' + random.nextInt(3)) + ")" : ""));
		}
		insert(COURSE, List.of(COURSE.NAME, COURSE.TEACHER_KEY, COURSE.DEPARTMENT_ID, COURSE.CREATED_AT), COURSES,
				i -> new Object[] { names.get(i), "bench-" + i, departments.get(i % 30), now });
		long firstCourse = dsl.select(COURSE.ID)
			.from(COURSE)
			.where(COURSE.TEACHER_KEY.eq("bench-0"))
			.fetchSingle()
			.value1();
		insert(COURSE_TEACHER, List.of(COURSE_TEACHER.COURSE_ID, COURSE_TEACHER.TEACHER_ID, COURSE_TEACHER.POSITION),
				COURSES, i -> new Object[] { firstCourse + i, firstTeacher + (i * 7L) % TEACHERS, 0 });
		insert(COURSE_TERM,
				List.of(COURSE_TERM.COURSE_ID, COURSE_TERM.TERM, COURSE_TERM.TERM_ORDER, COURSE_TERM.COURSE_CODE),
				COURSES, i -> new Object[] { firstCourse + i, "2025-spring", 20251,
						LETTERS[i % LETTERS.length] + (1000 + i / 10) });
		insert(COURSE_STATS, List.of(COURSE_STATS.COURSE_ID, COURSE_STATS.REVIEW_COUNT, COURSE_STATS.NORMALIZED_RATING),
				COURSES, i -> new Object[] { firstCourse + i, random.nextInt(5), random.nextDouble() * 10 });
		insert(PERSON,
				List.of(PERSON.ISSUER, PERSON.SUBJECT, PERSON.USERNAME, PERSON.AFFILIATION, PERSON.CREATED_AT,
						PERSON.LAST_SEEN_AT),
				PEOPLE, i -> new Object[] { "http://bench", "bench-" + i, "bench" + i, "student", now, now });
		long firstPerson = dsl.select(PERSON.ID)
			.from(PERSON)
			.where(PERSON.SUBJECT.eq("bench-0"))
			.fetchSingle()
			.value1();
		insert(REVIEW,
				List.of(REVIEW.COURSE_ID, REVIEW.AUTHOR_ID, REVIEW.TERM, REVIEW.CONTENT, REVIEW.CONTENT_HTML,
						REVIEW.ANONYMOUS, REVIEW.STUDENTS_ONLY, REVIEW.HIDDEN, REVIEW.CREATED_AT, REVIEW.UPDATED_AT),
				REVIEWS, i -> {
					String text = review();
					// (author, course) pairs never repeat: i and i + k * PEOPLE differ in
					// course by k.
					return new Object[] { firstCourse + (i * 7L + i / PEOPLE) % COURSES, firstPerson + i % PEOPLE,
							"2025-spring", text, "<p>" + text + "</p>", i % 7 == 0, i % 5 == 0, i % 50 == 0, now, now };
				});
		return names;
	}

	private String review() {
		StringBuilder text = new StringBuilder();
		for (int j = 0; j < 4 + random.nextInt(8); j++) {
			text.append(PHRASES[random.nextInt(PHRASES.length)]).append(j % 3 == 2 ? "。" : "，");
		}
		return text.toString();
	}

	private static String teacherName(int i) {
		return SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length]
				+ (i % 3 == 0 ? "" : GIVEN[(i / 7) % GIVEN.length]);
	}

	private <R extends Record> void insert(Table<R> table, List<Field<?>> fields, int rows, IntFunction<Object[]> row) {
		for (int from = 0; from < rows; from += CHUNK) {
			var insert = dsl.insertInto(table, fields);
			for (int i = from; i < Math.min(rows, from + CHUNK); i++) {
				insert = insert.values(Arrays.asList(row.apply(i)));
			}
			insert.onDuplicateKeyIgnore().execute();
		}
	}

}
