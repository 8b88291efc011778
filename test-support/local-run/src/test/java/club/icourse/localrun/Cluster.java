package club.icourse.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.testsupport.mail.TestMailServer;
import club.icourse.testsupport.mariadb.MariaDbServer;
import club.icourse.testsupport.mariadb.TestMariaDb;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * The product as production runs it, shrunk onto this machine: two instances of each app,
 * from their jars, on one database, each app behind a round-robin balancer. Started once
 * per test run (it takes a minute on a small machine) and shared by the tests that need
 * it; each test leaves every instance running when it is done.
 */
final class Cluster {

	enum App {

		AUTH, REVIEW

	}

	static final String PASSWORD = "cluster-demo-password";
	static final String ADMIN_CLI_SECRET = "cluster-admin-secret";

	static final String REVIEW_APP_SECRET = "cluster-review-secret";

	private static final Duration STARTUP = Duration.ofMinutes(8);

	private static final AtomicInteger courses = new AtomicInteger();

	private static Cluster shared;

	/** Where the tests read and write the apps' data directly. */
	final MariaDbServer server;

	final String authDb;

	final String reviewDb;

	final String authPublic;

	final String reviewPublic;

	final RoundRobinProxy authProxy;

	final RoundRobinProxy reviewProxy;

	/** When the second instances were started, after the first ones were up. */
	final LocalDateTime secondStartedAt;

	/**
	 * When the site-wide figures were last refreshed once all four instances were up (a
	 * start-up job of each).
	 */
	final LocalDateTime siteFiguresRefreshedAt;

	private final AppProcess[] auth = new AppProcess[2];

	private final AppProcess[] review = new AppProcess[2];

	/** The product on the test MariaDB server. */
	static synchronized Cluster shared() throws Exception {
		if (shared == null) {
			MariaDbServer server = TestMariaDb.server();
			shared = start(server, server::jdbcUrl);
		}
		return shared;
	}

	/**
	 * The product on another database: the apps connect with the URL {@code appUrls}
	 * gives for a database name, the tests look at the data through {@code server}.
	 * Stopped when the JVM exits.
	 */
	static Cluster start(MariaDbServer server, UnaryOperator<String> appUrls) throws Exception {
		return start(server, appUrls, 2);
	}

	/**
	 * As {@link #start(MariaDbServer, UnaryOperator)}, with one or two instances of each
	 * app: one where the database, not the instances, is what a test is about.
	 */
	static Cluster start(MariaDbServer server, UnaryOperator<String> appUrls, int instances) throws Exception {
		Cluster cluster = new Cluster(server, appUrls, instances);
		Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "cluster-shutdown"));
		return cluster;
	}

	private Cluster(MariaDbServer server, UnaryOperator<String> appUrls, int instances) throws Exception {
		this.server = server;
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		authDb = "icourse_cluster_auth_" + suffix;
		reviewDb = "icourse_cluster_review_" + suffix;
		server.createDatabase(authDb);
		server.createDatabase(reviewDb);
		String version = System.getProperty("project.version");
		Path root = Path.of("../..").toAbsolutePath().normalize();
		Path authJar = root.resolve("auth-server/target/auth-server-" + version + ".jar");
		Path reviewJar = root.resolve("review-app/target/review-app-" + version + ".jar");
		int authProxyPort = Ports.free();
		int reviewProxyPort = Ports.free();
		authPublic = "http://127.0.0.1:" + authProxyPort;
		reviewPublic = "http://127.0.0.1:" + reviewProxyPort;
		TestMailServer mail = TestMailServer.shared();

		Map<String, String> common = Map.of("DB_USER", server.user(), "DB_PASSWORD", server.password(), "SMTP_HOST",
				mail.host(), "SMTP_PORT", String.valueOf(mail.port()), "SERVER_FORWARD_HEADERS_STRATEGY", "native",
				// Mail claimed by a killed instance waits out this lease (2 minutes in
				// production) before another sends it.
				"ICOURSE_MAIL_LEASE", "10s");
		Map<String, String> authSettings = new HashMap<>(common);
		authSettings.putAll(Map.of("DB_URL", appUrls.apply(authDb), "PUBLIC_URL", authPublic, "KEY_ENCRYPTION_SECRET",
				"Y2x1c3Rlci1rZXktZW5jcnlwdGlvbi1zZWNyZXQtMzI=", "REVIEW_APP_URL", reviewPublic,
				"REVIEW_APP_CLIENT_SECRET", REVIEW_APP_SECRET, "ADMIN_CLI_CLIENT_SECRET", ADMIN_CLI_SECRET,
				"ACTUATOR_ENDPOINTS", "health,info,metrics"));
		Map<String, String> firstAuth = new HashMap<>(authSettings);
		// The demo accounts give the tests confirmed people; the first instance makes
		// them.
		firstAuth.putAll(Map.of("SPRING_PROFILES_ACTIVE", "local", "ICOURSE_DEMO_PASSWORD", PASSWORD));
		Map<String, String> reviewSettings = new HashMap<>(common);
		reviewSettings.putAll(Map.of("DB_URL", appUrls.apply(reviewDb), "PUBLIC_URL", reviewPublic, "AUTH_SERVER_URL",
				authPublic, "OIDC_CLIENT_SECRET", REVIEW_APP_SECRET, "ACTUATOR_ENDPOINTS", "health,info,metrics"));

		try {
			auth[0] = AppProcess.start("auth-1", authJar, Ports.free(), firstAuth);
			review[0] = AppProcess.start("review-1", reviewJar, Ports.free(), reviewSettings);
			auth[0].awaitHealthy(STARTUP);
			review[0].awaitHealthy(STARTUP);
			secondStartedAt = LocalDateTime.now(ZoneOffset.UTC);
			if (instances > 1) {
				auth[1] = AppProcess.start("auth-2", authJar, Ports.free(), authSettings);
				review[1] = AppProcess.start("review-2", reviewJar, Ports.free(), reviewSettings);
				auth[1].awaitHealthy(STARTUP);
				review[1].awaitHealthy(STARTUP);
			}
			siteFiguresRefreshedAt = siteFiguresRefreshedAt();
		}
		catch (Exception | Error e) {
			// No shutdown hook knows these instances yet: they would outlive the tests.
			for (AppProcess app : new AppProcess[] { auth[0], auth[1], review[0], review[1] }) {
				if (app != null) {
					app.stop(Duration.ofSeconds(20));
				}
			}
			throw e;
		}
		authProxy = RoundRobinProxy.start(authProxyPort, urls(auth));
		reviewProxy = RoundRobinProxy.start(reviewProxyPort, urls(review));
	}

	private static List<String> urls(AppProcess[] instances) {
		return Stream.of(instances).filter(Objects::nonNull).map(AppProcess::url).toList();
	}

	private LocalDateTime siteFiguresRefreshedAt() throws SQLException {
		List<String> refreshed = column(reviewDb, "SELECT refreshed_at FROM site_figure WHERE name = 'average_rating'");
		return refreshed.isEmpty() ? null : Timestamp.valueOf(refreshed.getFirst()).toLocalDateTime();
	}

	AppProcess instance(App app, int index) {
		return instances(app)[index];
	}

	/**
	 * Stops one instance the way an orchestrator does (SIGTERM, then a grace period) and
	 * starts it again.
	 */
	void restart(App app, int index) throws InterruptedException {
		AppProcess[] instances = instances(app);
		instances[index].stop(Duration.ofSeconds(45));
		instances[index] = instances[index].startAgain();
		instances[index].awaitHealthy(STARTUP);
	}

	/** Kills one instance with SIGKILL, mid-whatever it is doing. */
	void kill(App app, int index) throws InterruptedException {
		instances(app)[index].kill();
	}

	/** Starts a killed instance again. */
	void startAgain(App app, int index) throws InterruptedException {
		AppProcess[] instances = instances(app);
		instances[index] = instances[index].startAgain();
		instances[index].awaitHealthy(STARTUP);
	}

	private AppProcess[] instances(App app) {
		return app == App.AUTH ? auth : review;
	}

	/**
	 * Waits until the instance is handling a POST, as its own metrics tell (the tests
	 * expose them on the app port).
	 */
	static void awaitPostInFlight(AppProcess instance) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest active = HttpRequest
			.newBuilder(URI.create(instance.url() + "/actuator/metrics/http.server.requests.active?tag=method:POST"))
			.build();
		Pattern activeTasks = Pattern.compile("\"ACTIVE_TASKS\",\"value\":([0-9.]+)");
		Instant deadline = Instant.now().plusSeconds(10);
		while (Instant.now().isBefore(deadline)) {
			Matcher measured = activeTasks.matcher(http.send(active, HttpResponse.BodyHandlers.ofString()).body());
			if (measured.find() && Double.parseDouble(measured.group(1)) >= 1) {
				return;
			}
			Thread.onSpinWait();
		}
		throw new AssertionError("No POST reached " + instance.url() + " within 10 s");
	}

	/**
	 * A browser without scripts, in English, whose requests seem to come from the given
	 * client address.
	 */
	static WebClient browser(String clientAddress) {
		WebClient browser = new WebClient();
		browser.getOptions().setJavaScriptEnabled(false);
		browser.getOptions().setCssEnabled(false);
		browser.addRequestHeader("Accept-Language", "en");
		browser.addRequestHeader("X-Forwarded-For", clientAddress);
		return browser;
	}

	/**
	 * A browser signed in to the review app, through both balancers, as a demo person
	 * (student, teacher, admin).
	 */
	WebClient signedIn(String demoEmail, String clientAddress) throws IOException {
		WebClient browser = browser(clientAddress);
		HtmlPage login = browser.getPage(reviewPublic + "/oauth2/authorization/icourse");
		assertThat(login.getUrl().toString()).startsWith(authPublic + "/login");
		HtmlPage home = submit(form(login, "/login"), Map.of("username", demoEmail, "password", PASSWORD));
		assertThat(home.getUrl().toString()).as(home.asNormalizedText()).startsWith(reviewPublic);
		assertThat(home.asNormalizedText()).contains("Sign out");
		return browser;
	}

	/**
	 * A new course with one term, straight into the database (as the catalogue import
	 * would make it).
	 */
	long newCourse() throws SQLException {
		String name = "集群测试课" + courses.incrementAndGet();
		try (Connection connection = connect(reviewDb)) {
			long id;
			try (PreparedStatement course = connection.prepareStatement(
					"INSERT INTO course (name, teacher_key, created_at) VALUES (?, 'cluster', ?)",
					Statement.RETURN_GENERATED_KEYS)) {
				course.setString(1, name);
				course.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
				course.executeUpdate();
				try (ResultSet keys = course.getGeneratedKeys()) {
					keys.next();
					id = keys.getLong(1);
				}
			}
			try (Statement statements = connection.createStatement()) {
				statements.executeUpdate("INSERT INTO course_term (course_id, term, term_order, course_code) VALUES ("
						+ id + ", '2025-spring', 20251, 'CLUSTER" + id + "')");
				statements.executeUpdate("INSERT INTO course_stats (course_id) VALUES (" + id + ")");
			}
			return id;
		}
	}

	/**
	 * The first column of every row a query of one of the cluster's databases answers, as
	 * text.
	 */
	List<String> column(String database, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = connect(database);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	Connection connect(String database) throws SQLException {
		Connection connection = server.connect();
		connection.setCatalog(database);
		return connection;
	}

	static HtmlForm form(HtmlPage page, String actionEnding) {
		return page.getForms()
			.stream()
			.filter(f -> f.getActionAttribute().replaceFirst("\\?.*", "").endsWith(actionEnding))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No form posting to " + actionEnding + " on " + page.getUrl()));
	}

	static HtmlPage submit(HtmlForm form, Map<String, String> fields) throws IOException {
		for (Map.Entry<String, String> field : fields.entrySet()) {
			if (!form.getTextAreasByName(field.getKey()).isEmpty()) {
				form.getTextAreaByName(field.getKey()).setText(field.getValue());
			}
			else {
				form.getInputByName(field.getKey()).setValue(field.getValue());
			}
		}
		return ((HtmlButton) form.getFirstByXPath(".//button[@type='submit']")).click();
	}

	private void close() {
		authProxy.close();
		reviewProxy.close();
		List<Thread> stopping = new ArrayList<>();
		for (AppProcess app : Stream.of(auth[0], auth[1], review[0], review[1]).filter(Objects::nonNull).toList()) {
			stopping.add(Thread.ofPlatform().start(() -> app.stop(Duration.ofSeconds(20))));
		}
		for (Thread thread : stopping) {
			try {
				thread.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		try {
			server.dropDatabase(authDb);
			server.dropDatabase(reviewDb);
		}
		catch (SQLException | RuntimeException e) {
			System.err.println("Could not drop the cluster's databases: " + e.getMessage());
		}
	}

}
