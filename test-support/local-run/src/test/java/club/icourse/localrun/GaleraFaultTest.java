package club.icourse.localrun;

import static club.icourse.localrun.Cluster.form;
import static club.icourse.localrun.Cluster.submit;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.testsupport.galera.GaleraCluster;
import club.icourse.testsupport.galera.GaleraNode;
import club.icourse.testsupport.mail.TestMailServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.htmlunit.FailingHttpStatusCodeException;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The product on the three-node Galera cluster (one instance of each app: instances'
 * failures are CrashSafetyTest's), both apps on the multi-host address in Connector/J's
 * sequential mode (every instance writes through the first live node in the same order,
 * so nodes do not conflict), under a steady mix of writes: reviews, comments,
 * registrations, sign-in-with codes exchanged for tokens and their refresh tokens
 * rotated, and page reads. First the node the apps write through is killed with SIGKILL,
 * then the node they moved to is stopped gracefully. Each time: every write acknowledged
 * to a client is on the surviving nodes, every answer that was not a success was a 503
 * (never a 500) and none came later than {@link #SERVING_AGAIN} after the fault, each
 * confirmation mail went out exactly once, and the node comes back by incremental
 * transfer (IST) holding every acknowledged write.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraFaultTest {

	/**
	 * How soon after losing a node the apps answer every request again: no failure comes
	 * later. The survivors go on without a SIGKILLed node after about 6 s (Galera's
	 * evs.suspect_timeout, 5 s, then a new primary view); a gracefully stopped node
	 * leaves at once. Measured on a 2-core machine at load 30-57: the last failure 3.7 s
	 * after a kill, 1.1 s after a graceful stop.
	 */
	static final Duration SERVING_AGAIN = Duration.ofSeconds(10);

	/**
	 * The longest a request caught by the loss may take: none hangs on the lost node
	 * (connectTimeout, socketTimeout and the pool's validation timeout in both apps'
	 * application.yml). Measured at that load, where one page alone takes 2-5 s: 13.3 s
	 * (a registration, which hashes a password) after a kill, 2.9 s after a stop.
	 */
	static final Duration NO_REQUEST_LONGER = Duration.ofSeconds(20);

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

	private static final Pattern TOKEN_FIELD = Pattern.compile("\"(access_token|refresh_token)\"\\s*:\\s*\"([^\"]+)\"");

	private static GaleraCluster galera;

	private static Cluster product;

	private static long reviewToComment;

	@BeforeAll
	static void startTheProductOnTheCluster() throws Exception {
		galera = GaleraCluster.shared();
		galera.awaitSynced(PATIENCE);
		product = Cluster.start(galera.node(1).server(), galera::jdbcUrl, 1);
		try (WebClient student = product.signedIn("student@mail.ustc.edu.cn", "198.51.100.60")) {
			long course = product.newCourse();
			HtmlPage page = student.getPage(product.reviewPublic + "/courses/" + course + "/review");
			submit(form(page, "/review"), Map.of("content", "评论区在这里 " + UUID.randomUUID()));
			reviewToComment = Long
				.parseLong(column(galera.node(1), product.reviewDb, "SELECT id FROM review WHERE course_id = " + course)
					.getFirst());
		}
	}

	@Test
	@Order(1)
	void killingTheNodeTheAppsWriteThroughLosesNoAcknowledgedWrite() throws Exception {
		survives(1, () -> galera.kill(1), "killed");
	}

	@Test
	@Order(2)
	void stoppingTheNodeTheyMovedToLosesNoAcknowledgedWriteEither() throws Exception {
		survives(2, () -> galera.stop(2), "stopped");
	}

	private void survives(int lost, Fault fault, String how) throws Exception {
		String run = how + "-" + UUID.randomUUID().toString().substring(0, 6);
		Writes writes = new Writes();
		List<Long> courses = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			courses.add(product.newCourse());
		}
		AtomicInteger clientAddresses = new AtomicInteger();
		try (WebClient student = product.signedIn("student@mail.ustc.edu.cn", "198.51.100.61");
				WebClient teacher = product.signedIn("teacher@ustc.edu.cn", "198.51.100.62");
				WebClient tokenBrowser = product.signedIn("teacher@ustc.edu.cn", "198.51.100.63");
				// A browser of its own for each worker: HtmlUnit's WebClient is not
				// thread-safe
				// (two threads loading pages into its one window may each get the
				// other's).
				WebClient reader = product.signedIn("student@mail.ustc.edu.cn", "198.51.100.64")) {
			tokenBrowser.getOptions().setRedirectEnabled(false);
			tokenBrowser.getOptions().setThrowExceptionOnFailingStatusCode(false);
			writes.start("review", i -> {
				String content = "Galera " + run + " 点评 #" + i;
				HtmlPage page = student.getPage(product.reviewPublic + "/courses/" + courses.get(i) + "/review");
				HtmlPage answer = submit(form(page, "/review"), Map.of("content", content));
				return shown(answer, content);
			});
			writes.start("comment", i -> {
				String content = "Galera " + run + " comment #" + i;
				HtmlPage page = teacher.getPage(product.reviewPublic + "/reviews/" + reviewToComment);
				HtmlPage answer = submit(form(page, "/reviews/" + reviewToComment + "/comments"),
						Map.of("content", content));
				return shown(answer, content);
			});
			writes.start("registration", i -> {
				String email = "galera-" + run + "-" + i + "@mail.ustc.edu.cn";
				int address = clientAddresses.incrementAndGet();
				try (WebClient visitor = Cluster.browser("203.0." + (address / 200) + "." + (address % 200 + 1))) {
					HtmlPage page = visitor.getPage(product.authPublic + "/register");
					HtmlPage answer = submit(form(page, "/register"), Map.of("email", email, "username",
							"galera-" + run + "-" + i, "password", "correct horse battery " + i));
					return answer.getUrl().getPath().equals("/register/sent") ? email : null;
				}
			});
			writes.start("tokens", i -> refreshedGrant(tokenBrowser));
			writes.start("reading", i -> {
				Page page = reader.getPage(product.reviewPublic + "/courses/" + courses.get(i % courses.size()));
				return page.getWebResponse().getStatusCode() == 200 ? "read" : null;
			});

			writes.awaitEachSucceeded(2, PATIENCE);
			Instant faultAt = Instant.now();
			fault.run();
			System.out.println("Galera node " + lost + " " + how + " at " + faultAt);
			writes.awaitEachSucceededAfter(faultAt.plus(SERVING_AGAIN), 2, PATIENCE);
			writes.stop();

			System.out.println("Answers other than success after node " + lost + " was " + how + ": "
					+ writes.failures.stream().map(f -> f.describe(faultAt)).toList());
			System.out.println("Node " + lost + " " + how + ": " + writes.measured(faultAt));
			assertThat(writes.caughtBy(faultAt))
				.as("requests under way when node " + lost + " was " + how + ": none may hang")
				.allSatisfy(operation -> assertThat(operation.end).as(operation.describe(faultAt))
					.isBefore(faultAt.plus(NO_REQUEST_LONGER)));
			assertThat(writes.failures).as("answers other than success: 503, or a page that did not acknowledge")
				.allSatisfy(failure -> assertThat(failure.status).as(failure.describe(faultAt)).isIn(200, 503))
				.allSatisfy(failure -> assertThat(failure.at).as(failure.describe(faultAt))
					.isBefore(faultAt.plus(SERVING_AGAIN)));
		}

		List<GaleraNode> survivors = galera.nodes().stream().filter(GaleraNode::isRunning).toList();
		for (GaleraNode survivor : survivors) {
			holdsEveryAcknowledgedWrite(survivor, writes);
		}
		confirmationsSentOnce(survivors.getFirst(), run, writes.acknowledged("registration"));

		int logBefore = galera.node(lost).errorLog().length();
		galera.rejoin(lost);
		assertThat(galera.node(lost).errorLog().substring(logBefore)).as("node " + lost + "'s log of its rejoin")
			.contains("IST received");
		holdsEveryAcknowledgedWrite(galera.node(lost), writes);
	}

	/**
	 * What was written, when the answer shows it; a refusal naming the page otherwise.
	 */
	private static String shown(HtmlPage answer, String content) throws Refused {
		if (answer.asNormalizedText().contains(content)) {
			return content;
		}
		throw new Refused(answer.getWebResponse().getStatusCode(),
				"not shown on " + answer.getUrl() + ": " + answer.getTitleText());
	}

	/**
	 * A sign-in-with code exchanged for tokens and the refresh token rotated once: the
	 * last refresh token, which must be the one stored.
	 */
	private static String refreshedGrant(WebClient browser) throws Exception {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String redirect = product.reviewPublic + "/login/oauth2/code/icourse";
		Page authorize = browser
			.getPage(product.authPublic + "/oauth2/authorize?response_type=code&client_id=review-app"
					+ "&scope=openid&state=s&code_challenge_method=S256&code_challenge=" + challenge + "&redirect_uri="
					+ URLEncoder.encode(redirect, StandardCharsets.UTF_8));
		String location = String.valueOf(authorize.getWebResponse().getResponseHeaderValue("Location"));
		Matcher code = CODE.matcher(location);
		if (authorize.getWebResponse().getStatusCode() != 302 || !location.startsWith(redirect) || !code.find()) {
			throw new Refused(authorize.getWebResponse().getStatusCode(), "authorize -> " + location);
		}
		Map<String, String> tokens = token("grant_type=authorization_code&code=" + code.group(1) + "&code_verifier="
				+ verifier + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8));
		return token("grant_type=refresh_token&refresh_token=" + tokens.get("refresh_token")).get("refresh_token");
	}

	private static Map<String, String> token(String form) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(product.authPublic + "/oauth2/token"))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString(("review-app:" + Cluster.REVIEW_APP_SECRET).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new Refused(response.statusCode(), "token -> " + response.body());
		}
		Matcher fields = TOKEN_FIELD.matcher(response.body());
		Map<String, String> tokens = new HashMap<>();
		while (fields.find()) {
			tokens.put(fields.group(1), fields.group(2));
		}
		return tokens;
	}

	private static void holdsEveryAcknowledgedWrite(GaleraNode node, Writes writes) throws SQLException {
		String review = product.reviewDb;
		String auth = product.authDb;
		assertThat(column(node, review, "SELECT content FROM review WHERE content LIKE 'Galera %'"))
			.as("acknowledged reviews on " + node)
			.containsAll(writes.acknowledged("review"));
		assertThat(column(node, review, "SELECT content FROM review_comment WHERE content LIKE 'Galera %'"))
			.as("acknowledged comments on " + node)
			.containsAll(writes.acknowledged("comment"));
		assertThat(column(node, auth, "SELECT email FROM account WHERE email LIKE 'galera-%'"))
			.as("acknowledged registrations on " + node)
			.containsAll(writes.acknowledged("registration"));
		assertThat(column(node, auth,
				"SELECT LOWER(HEX(refresh_token_hash)) FROM oauth2_authorization WHERE refresh_token_hash IS NOT NULL"))
			.as("the last refresh token of each acknowledged grant on " + node)
			.containsAll(writes.acknowledged("tokens").stream().map(GaleraFaultTest::sha256Hex).toList());
	}

	/**
	 * Exactly one confirmation mail to each acknowledged registration, once the outbox on
	 * a surviving node says every one of them was sent: a mail whose sending was not
	 * recorded would go out again when its lease ran out.
	 */
	private static void confirmationsSentOnce(GaleraNode survivor, String run, Set<String> registered)
			throws Exception {
		Instant deadline = Instant.now().plus(PATIENCE);
		String unsent = "SELECT recipient FROM mail_outbox WHERE recipient LIKE 'galera-" + run
				+ "-%' AND sent_at IS NULL";
		while (!column(survivor, product.authDb, unsent).isEmpty()) {
			assertThat(Instant.now()).as("mail still unsent: " + column(survivor, product.authDb, unsent))
				.isBefore(deadline);
			Thread.sleep(500);
		}
		TestMailServer mail = TestMailServer.shared();
		for (String email : registered) {
			assertThat(mail.messagesTo(email)).as("confirmation mails to " + email).hasSize(1);
		}
	}

	private static String sha256Hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A query's first column on one node, after the node applied all it received. */
	private static List<String> column(GaleraNode node, String database, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = node.connect(); Statement statement = connection.createStatement()) {
			statement.execute("SET SESSION wsrep_sync_wait = 1");
			connection.setCatalog(database);
			try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					values.add(rows.getString(1));
				}
			}
		}
		return values;
	}

	@FunctionalInterface
	interface Fault {

		void run() throws Exception;

	}

	/**
	 * One kind of write, done again and again; returns what was acknowledged, or null.
	 */
	@FunctionalInterface
	interface Write {

		String run(int iteration) throws Exception;

	}

	/** An answer other than a success. */
	record Failure(String kind, Instant at, int status, String what) {

		String describe(Instant faultAt) {
			return kind + " " + Duration.between(faultAt, at).toMillis() + " ms after the fault: " + status + " "
					+ what;
		}

	}

	/** One request (or short exchange) of a worker, successful or not. */
	record Operation(String kind, Instant start, Instant end, boolean succeeded) {

		String describe(Instant faultAt) {
			return kind + " from " + Duration.between(faultAt, start).toMillis() + " ms to "
					+ Duration.between(faultAt, end).toMillis() + " ms after the fault, "
					+ (succeeded ? "succeeded" : "failed");
		}

	}

	/** A refusal an endpoint answered, with its status. */
	static final class Refused extends Exception {

		final int status;

		Refused(int status, String what) {
			super(what);
			this.status = status;
		}

	}

	/** Workers writing steadily; what each got acknowledged, and every failure. */
	static final class Writes {

		private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();

		private final Map<String, List<Instant>> successes = new ConcurrentHashMap<>();

		final List<Failure> failures = new CopyOnWriteArrayList<>();

		private final List<Operation> operations = new CopyOnWriteArrayList<>();

		private final List<Thread> workers = new ArrayList<>();

		private volatile boolean stopping;

		void start(String kind, Write write) {
			acknowledged.put(kind, ConcurrentHashMap.newKeySet());
			successes.put(kind, new CopyOnWriteArrayList<>());
			workers.add(Thread.ofPlatform().name("galera-" + kind).start(() -> {
				for (int i = 0; !stopping; i++) {
					Instant start = Instant.now();
					boolean succeeded = false;
					try {
						String done = write.run(i);
						if (done == null) {
							failures.add(new Failure(kind, Instant.now(), 200, "not shown after writing"));
						}
						else {
							acknowledged.get(kind).add(done);
							successes.get(kind).add(Instant.now());
							succeeded = true;
						}
					}
					catch (FailingHttpStatusCodeException e) {
						failures.add(new Failure(kind, Instant.now(), e.getStatusCode(), e.getMessage()));
					}
					catch (Refused e) {
						failures.add(new Failure(kind, Instant.now(), e.status, e.getMessage()));
					}
					catch (Exception | AssertionError e) {
						failures.add(new Failure(kind, Instant.now(), 0, e.toString()));
					}
					operations.add(new Operation(kind, start, Instant.now(), succeeded));
				}
			}));
		}

		/** The requests under way when the fault came. */
		List<Operation> caughtBy(Instant faultAt) {
			return operations.stream().filter(o -> o.start.isBefore(faultAt) && o.end.isAfter(faultAt)).toList();
		}

		/**
		 * The figures of a fault: how long the requests it caught took, when the last
		 * failure came, and when each kind of write first succeeded when started after
		 * it.
		 */
		String measured(Instant faultAt) {
			String caught = caughtBy(faultAt).stream()
				.map(o -> o.kind + " " + Duration.between(o.start, o.end).toMillis() + " ms"
						+ (o.succeeded ? "" : " (failed)"))
				.collect(Collectors.joining(", "));
			String lastFailure = failures.stream()
				.map(f -> f.at)
				.filter(at -> at.isAfter(faultAt))
				.max(Instant::compareTo)
				.map(at -> Duration.between(faultAt, at).toMillis() + " ms")
				.orElse("none");
			String firstSuccess = operations.stream()
				.filter(o -> o.succeeded && o.start.isAfter(faultAt))
				.collect(Collectors.groupingBy(Operation::kind,
						Collectors.mapping(o -> Duration.between(faultAt, o.end).toMillis(),
								Collectors.minBy(Long::compare))))
				.entrySet()
				.stream()
				.map(e -> e.getKey() + " " + e.getValue().orElseThrow() + " ms")
				.collect(Collectors.joining(", "));
			return "requests under way at the fault took [" + caught + "]; last failure after it: " + lastFailure
					+ "; first success started after it, done at: [" + firstSuccess + "]";
		}

		Set<String> acknowledged(String kind) {
			return Set.copyOf(acknowledged.get(kind));
		}

		void awaitEachSucceeded(int times, Duration timeout) throws InterruptedException {
			awaitEachSucceededAfter(Instant.MIN, times, timeout);
		}

		/**
		 * Waits until every kind of write succeeded this many times after the instant.
		 */
		void awaitEachSucceededAfter(Instant after, int times, Duration timeout) throws InterruptedException {
			Instant deadline = Instant.now().plus(timeout);
			while (true) {
				Map<String, Long> counts = successes.entrySet()
					.stream()
					.collect(Collectors.toMap(Map.Entry::getKey,
							e -> e.getValue().stream().filter(at -> at.isAfter(after)).count()));
				if (counts.values().stream().allMatch(count -> count >= times) && Instant.now().isAfter(after)) {
					return;
				}
				if (Instant.now().isAfter(deadline)) {
					throw new AssertionError("Successes after " + after + " within " + timeout + ": " + counts
							+ "; failures: " + failures);
				}
				Thread.sleep(200);
			}
		}

		void stop() throws InterruptedException {
			stopping = true;
			for (Thread worker : workers) {
				worker.join(Duration.ofMinutes(2));
			}
		}

	}

}
