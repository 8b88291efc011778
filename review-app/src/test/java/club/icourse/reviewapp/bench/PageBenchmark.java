package club.icourse.reviewapp.bench;

import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.REVIEW_COMMENT;
import static club.icourse.db.review.Tables.REVIEW_UPVOTE;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.NginxInFront;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.search.IndexRebuild;
import club.icourse.web.sqlcount.RequestSqlCounts;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * On demand only ({@code scripts/bench-pages.sh}, docs/performance.md): fills the test
 * database with ten times iCourse's size, then loads each page with wrk (16 connections)
 * after a warm-up, anonymous and signed in, and prints requests per second, latency
 * percentiles, the app's CPU per request and the SQL statements one request of the page
 * executes; then the visitors' pages again through nginx with docker/'s configuration and
 * page cache, as production serves them. A JFR profile of each page's run lands in
 * {@code target/bench-pages-*.jfr}.
 */
@ReviewAppTest
// Building the index streams 140,000 courses from MariaDB; on a busy machine reading them
// can take longer than the server waits to write (60 s by default). Every request's SQL
// is counted (web-support's sqlcount).
@TestPropertySource(properties = { "spring.datasource.hikari.connection-init-sql=SET SESSION net_write_timeout = 600",
		"icourse.sql-count.enabled=true" })
@EnabledIfSystemProperty(named = "page.benchmark", matches = "true")
class PageBenchmark {

	private static final int SECONDS = Integer.getInteger("page.benchmark.seconds", 15);

	private static final int WARM_UP_SECONDS = Integer.getInteger("page.benchmark.warm-up", 5);

	private static final int CONNECTIONS = Integer.getInteger("page.benchmark.connections", 16);

	private static final int POPULAR_REVIEWS = 40;

	private static final Path REPORT = Path.of("target", "bench-pages.md");

	/** A page as wrk measured it. */
	record Figures(String page, boolean signedIn, double requestsPerSecond, double p50, double p99, long errors,
			double cpuMillisPerRequest, double requestThreadsCpuMillis, double statementsPerRequest, String load) {
	}

	/**
	 * A visitor's page through nginx's page cache: how many of the requests reached the
	 * app, and what nginx's cache answered before the run.
	 */
	record ThroughNginx(String page, double requestsPerSecond, double p50, double p99, long errors, String cache,
			long rendered, long requests, double cpuMillisPerRequest, String load) {
	}

	@Autowired
	DSLContext dsl;

	@Autowired
	ApplicationContext context;

	@Autowired
	RequestSqlCounts counter;

	@LocalServerPort
	int port;

	@Test
	void pagesAtTenTimesICourseSize() throws Exception {
		long started = System.nanoTime();
		TenTimesICourse data = new TenTimesICourse(dsl, new Random(42));
		data.fill();
		long popular = popularCourse(data);
		System.out.printf("%nGenerated %,d courses, %,d reviews in %d s%n", TenTimesICourse.COURSES,
				TenTimesICourse.REVIEWS, (System.nanoTime() - started) / 1_000_000_000);
		IndexRebuild.rebuild(context);

		String session = signIn();
		upvoteAsReader(popular);
		List<String[]> pages = List.of(new String[] { "home", "/" }, new String[] { "course list", "/courses" },
				new String[] { "course page", "/courses/" + popular },
				new String[] { "teacher page", "/teachers/" + data.teacher(0) },
				new String[] { "search results", "/search?q=" + URLEncoder.encode("数学", StandardCharsets.UTF_8) });
		for (String[] page : pages) {
			wrk(appBase(), page[1], null, WARM_UP_SECONDS * 2);
			wrk(appBase(), page[1], session, WARM_UP_SECONDS);
		}
		List<Figures> figures = new ArrayList<>();
		for (boolean signedIn : new boolean[] { false, true }) {
			for (String[] page : pages) {
				figures.add(measure(page[0], page[1], signedIn ? session : null));
				// Written after each page: a slow page can take minutes to work off its
				// queue.
				Files.createDirectories(REPORT.getParent());
				Files.writeString(REPORT, table(figures));
			}
		}
		List<ThroughNginx> throughNginx = new ArrayList<>();
		if (NginxInFront.available()) {
			try (NginxInFront nginx = NginxInFront.start(port)) {
				for (String[] page : pages) {
					throughNginx.add(measureThrough(nginx, page[0], page[1]));
					Files.writeString(REPORT, table(figures) + nginxTable(throughNginx));
				}
			}
		}
		else {
			System.out.println("No nginx at " + NginxInFront.NGINX + " (-Dpage.benchmark.nginx=...): pages measured "
					+ "at the app only");
		}
		System.out.println(table(figures) + nginxTable(throughNginx));
		System.out.println(mostUpvotedPlan());
	}

	/**
	 * One course with many reviews, comments and upvotes, as a popular course has in
	 * course-selection week.
	 */
	private long popularCourse(TenTimesICourse data) {
		long course = data.course(0);
		LocalDateTime now = LocalDateTime.now();
		for (int i = 0; i < POPULAR_REVIEWS; i++) {
			String text = data.review();
			byte rating = (byte) (1 + i % 10);
			dsl.insertInto(REVIEW)
				.set(REVIEW.COURSE_ID, course)
				.set(REVIEW.AUTHOR_ID, data.person(1_000 + i))
				.set(REVIEW.TERM, "2025-spring")
				.set(REVIEW.RATING, rating)
				.set(REVIEW.DIFFICULTY, (byte) 2)
				.set(REVIEW.HOMEWORK, (byte) 2)
				.set(REVIEW.GRADING, (byte) 2)
				.set(REVIEW.GAIN, (byte) 2)
				.set(REVIEW.CONTENT, text)
				.set(REVIEW.CONTENT_HTML, "<p>" + text + "</p>")
				.set(REVIEW.ANONYMOUS, i % 7 == 0)
				.set(REVIEW.STUDENTS_ONLY, i % 5 == 0)
				.set(REVIEW.CREATED_AT, now.minusHours(i))
				.set(REVIEW.UPDATED_AT, now.minusHours(i))
				.onDuplicateKeyIgnore()
				.execute();
		}
		List<Long> reviews = dsl.select(REVIEW.ID).from(REVIEW).where(REVIEW.COURSE_ID.eq(course)).fetch(REVIEW.ID);
		for (long review : reviews) {
			for (int j = 0; j < 3; j++) {
				dsl.insertInto(REVIEW_COMMENT)
					.set(REVIEW_COMMENT.REVIEW_ID, review)
					.set(REVIEW_COMMENT.AUTHOR_ID, data.person(2_000 + j))
					.set(REVIEW_COMMENT.CONTENT, TenTimesICourse.PHRASES[j])
					.set(REVIEW_COMMENT.CREATED_AT, now)
					.execute();
			}
			for (int j = 0; j < 5; j++) {
				dsl.insertInto(REVIEW_UPVOTE)
					.set(REVIEW_UPVOTE.REVIEW_ID, review)
					.set(REVIEW_UPVOTE.PERSON_ID, data.person(3_000 + j))
					.set(REVIEW_UPVOTE.CREATED_AT, now)
					.execute();
			}
		}
		dsl.update(REVIEW)
			.set(REVIEW.COMMENT_COUNT, 3)
			.set(REVIEW.UPVOTE_COUNT, 5)
			.where(REVIEW.ID.in(reviews))
			.execute();
		return course;
	}

	/**
	 * Signs in through the app's real OpenID Connect login; answers the session cookie.
	 */
	private String signIn() throws IOException {
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(Identity.student("benchreader"));
			return "icourse_session=" + browser.client().getCookieManager().getCookie("icourse_session").getValue();
		}
	}

	/** The signed-in reader has upvoted some of the popular course's reviews. */
	private void upvoteAsReader(long course) {
		long reader = dsl.select(PERSON.ID)
			.from(PERSON)
			.where(PERSON.USERNAME.eq("benchreader"))
			.fetchSingle()
			.value1();
		List<Long> reviews = dsl.select(REVIEW.ID)
			.from(REVIEW)
			.where(REVIEW.COURSE_ID.eq(course))
			.limit(POPULAR_REVIEWS / 4)
			.fetch(REVIEW.ID);
		for (long review : reviews) {
			dsl.insertInto(REVIEW_UPVOTE)
				.set(REVIEW_UPVOTE.REVIEW_ID, review)
				.set(REVIEW_UPVOTE.PERSON_ID, reader)
				.set(REVIEW_UPVOTE.CREATED_AT, LocalDateTime.now())
				.execute();
		}
	}

	private Figures measure(String name, String path, String session) throws Exception {
		String body = statements(path, session, 1).body();
		if (session != null) {
			assertThat(body).as(path + " signed in").contains("benchreader");
		}
		Sql sql = statements(path, session, 20);
		long cpuBefore = processCpu();
		long threadsBefore = requestThreadsCpu();
		Wrk wrk;
		// Where a page's CPU goes: jfr view hot-methods target/bench-pages-home.jfr
		try (Recording profile = new Recording(Configuration.getConfiguration("profile"))) {
			profile.setDestination(Path.of("target",
					"bench-pages-" + name.replace(' ', '-') + (session == null ? "" : "-signed-in") + ".jfr"));
			profile.start();
			wrk = wrk(appBase(), path, session, SECONDS);
			profile.stop();
		}
		long cpu = processCpu() - cpuBefore;
		long threads = requestThreadsCpu() - threadsBefore;
		return new Figures(name, session != null, wrk.requestsPerSecond(), wrk.p50(), wrk.p99(), wrk.errors(),
				cpu / 1e6 / wrk.requests(), threads / 1e6 / wrk.requests(), sql.perRequest(), load());
	}

	/**
	 * A visitor's page as production serves it: through nginx and its page cache, after a
	 * warm-up that fills it.
	 */
	private ThroughNginx measureThrough(NginxInFront nginx, String name, String path) throws Exception {
		wrk(nginx.base(), path, null, WARM_UP_SECONDS);
		String cache = nginx.cacheStatus(path);
		long renderedBefore = counter.requests();
		long cpuBefore = processCpu();
		Wrk wrk = wrk(nginx.base(), path, null, SECONDS);
		long cpu = processCpu() - cpuBefore;
		return new ThroughNginx(name, wrk.requestsPerSecond(), wrk.p50(), wrk.p99(), wrk.errors(), cache,
				counter.requests() - renderedBefore, wrk.requests(), cpu / 1e6 / wrk.requests(), load());
	}

	private static long processCpu() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * CPU time of the threads that serve requests (Tomcat's), without the JIT compiler's
	 * and the garbage collector's: on a loaded machine the JIT is still compiling during
	 * a short run, so this moves less between runs than the process's CPU.
	 */
	private static long requestThreadsCpu() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long total = 0;
		for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (thread != null && thread.getThreadName().startsWith("http-nio")) {
				total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
			}
		}
		return total;
	}

	private static String load() throws IOException {
		return Files.readString(Path.of("/proc/loadavg")).strip();
	}

	/**
	 * How MariaDB reads the statistics page's most upvoted reviews (an index in that
	 * order, review V30, rather than a sort of every review).
	 */
	private String mostUpvotedPlan() {
		return "Most upvoted reviews (statistics page), EXPLAIN:\n"
				+ dsl.fetch("EXPLAIN " + dsl.renderInlined(dsl.select(REVIEW.ID)
					.from(REVIEW)
					.where(REVIEW.HIDDEN.isFalse())
					.and(REVIEW.BLOCKED.isFalse())
					.and(REVIEW.STUDENTS_ONLY.isFalse())
					.and(REVIEW.UPVOTE_COUNT.gt(0))
					.orderBy(REVIEW.UPVOTE_COUNT.desc(), REVIEW.CREATED_AT.asc())
					.limit(10))).format();
	}

	record Sql(double perRequest, String body) {
	}

	/**
	 * The statements one request executes, averaged over the given number of requests
	 * sent one after the other (nothing else is served meanwhile).
	 */
	private Sql statements(String path, String session, int requests) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long before = counter.statements();
		long requestsBefore = counter.requests();
		String body = null;
		for (int i = 0; i < requests; i++) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
			if (session != null) {
				request.header("Cookie", session);
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			body = response.body();
		}
		long served = counter.requests() - requestsBefore;
		return new Sql((double) (counter.statements() - before) / served, body);
	}

	/** errors: answers other than 2xx and 3xx, and requests that timed out or failed. */
	record Wrk(double requestsPerSecond, long requests, double p50, double p99, long errors) {
	}

	private String appBase() {
		return "http://127.0.0.1:" + port;
	}

	private Wrk wrk(String base, String path, String session, int seconds) throws Exception {
		List<String> command = new ArrayList<>(
				List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--timeout", "10s", "--latency", "-H",
						"Accept-Language: zh-CN", "-H", "Host: " + NginxInFront.REVIEW_HOST));
		if (session != null) {
			command.addAll(List.of("-H", "Cookie: " + session));
		}
		command.add(base + path);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		long errors = 0;
		Matcher failed = Pattern.compile("(?:Non-2xx or 3xx responses:|connect|read|write|timeout) (\\d+)")
			.matcher(output);
		while (failed.find()) {
			errors += Long.parseLong(failed.group(1));
		}
		if (errors > 0) {
			System.out.println(output);
		}
		drain(path, session);
		return new Wrk(number(output, "Requests/sec:\\s+([\\d.]+)"), (long) number(output, "(\\d+) requests in"),
				millis(output, "50%"), millis(output, "99%"), errors);
	}

	/**
	 * Waits until the app has worked off what wrk left queued (when pages are slower than
	 * the load, requests queue for database connections): until one request answers
	 * within 3 s (a single page can take a second on a machine loaded by other builds).
	 */
	private void drain(String path, String session) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (int attempt = 0; attempt < 60; attempt++) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(5));
			if (session != null) {
				request.header("Cookie", session);
			}
			long before = System.nanoTime();
			try {
				HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200 && System.nanoTime() - before < 3_000_000_000L) {
					return;
				}
			}
			catch (HttpTimeoutException e) {
				// still busy
			}
			Thread.sleep(2_000);
		}
	}

	private static double number(String output, String pattern) {
		Matcher matcher = Pattern.compile(pattern).matcher(output);
		assertThat(matcher.find()).as(output).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

	private static double millis(String output, String percentile) {
		Matcher matcher = Pattern.compile(percentile + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
		assertThat(matcher.find()).as(output).isTrue();
		double value = Double.parseDouble(matcher.group(1));
		return switch (matcher.group(2)) {
			case "us" -> value / 1000;
			case "s" -> value * 1000;
			default -> value;
		};
	}

	private static String table(List<Figures> figures) throws IOException {
		StringBuilder table = new StringBuilder();
		table.append("%nPages at ten times iCourse's size, %d connections, %d s each after warm-up, %s, %d cores%n%n"
			.formatted(CONNECTIONS, SECONDS, LocalDate.now(), Runtime.getRuntime().availableProcessors()));
		table.append(
				"| page | signed in | req/s | p50 | p99 | errors | app CPU per request | request threads' CPU per request "
						+ "| SQL per request | load average |\n");
		table.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
		for (Figures f : figures) {
			String[] load = f.load().split(" ");
			table.append("| %s | %s | %,.0f | %.1f ms | %.1f ms | %d | %.2f ms | %.2f ms | %.1f | %s %s %s |%n"
				.formatted(f.page(), f.signedIn() ? "yes" : "no", f.requestsPerSecond(), f.p50(), f.p99(), f.errors(),
						f.cpuMillisPerRequest(), f.requestThreadsCpuMillis(), f.statementsPerRequest(), load[0],
						load[1], load[2]));
		}
		return table.toString();
	}

	private static String nginxTable(List<ThroughNginx> rows) {
		if (rows.isEmpty()) {
			return "";
		}
		StringBuilder table = new StringBuilder();
		table.append("%nVisitors' pages through nginx (docker/nginx, its page cache), %d connections, %d s each%n%n"
			.formatted(CONNECTIONS, SECONDS));
		table.append("| page | req/s | p50 | p99 | errors | cache before the run | pages the app rendered "
				+ "| app CPU per request | load average |\n");
		table.append("|---|---:|---:|---:|---:|---|---:|---:|---|\n");
		for (ThroughNginx row : rows) {
			String[] load = row.load().split(" ");
			table.append("| %s | %,.0f | %.2f ms | %.2f ms | %d | %s | %d of %,d | %.3f ms | %s %s %s |%n".formatted(
					row.page(), row.requestsPerSecond(), row.p50(), row.p99(), row.errors(), row.cache(),
					row.rendered(), row.requests(), row.cpuMillisPerRequest(), load[0], load[1], load[2]));
		}
		return table.toString();
	}

}
