package club.icourse.localrun;

import club.icourse.testsupport.mariadb.EmbeddedMariaDb;
import club.icourse.testsupport.mariadb.MariaDbServer;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole product running on this machine: embedded MariaDB, mail catcher, auth-server
 * and review-app.
 */
final class LocalProduct implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofMinutes(3);

	/**
	 * The demo accounts auth-server creates in the local profile (student, teacher,
	 * administrator) share it.
	 */
	static final String DEMO_PASSWORD = "icourse-demo";

	private static final Duration GRACE = Duration.ofSeconds(30);

	/**
	 * @param dataDirectory where the database keeps its files between runs
	 */
	record Settings(Path dataDirectory, Path authJar, Path reviewJar, int authPort, int reviewPort) {
	}

	private final EmbeddedMariaDb database;

	private final MailCatcher mail;

	private AppProcess auth;

	private AppProcess review;

	private LocalProduct(EmbeddedMariaDb database, MailCatcher mail) {
		this.database = database;
		this.mail = mail;
	}

	static LocalProduct start(Settings settings) throws InterruptedException {
		EmbeddedMariaDb database = EmbeddedMariaDb.start(settings.dataDirectory().resolve("mariadb"),
				Ports.preferredOrFree(3307));
		LocalProduct product = new LocalProduct(database,
				MailCatcher.start(Ports.preferredOrFree(2525), Ports.preferredOrFree(8025)));
		try {
			product.createDatabases();
			product.auth = AppProcess.start("auth", settings.authJar(), settings.authPort(),
					product.authEnvironment(settings.authPort(), settings.reviewPort()));
			product.review = AppProcess.start("review", settings.reviewJar(), settings.reviewPort(),
					product.reviewEnvironment(settings.authPort(), settings.reviewPort()));
			product.auth.awaitHealthy(STARTUP);
			product.review.awaitHealthy(STARTUP);
			return product;
		}
		catch (RuntimeException | InterruptedException e) {
			product.close();
			throw e;
		}
	}

	private void createDatabases() {
		try {
			database.server().createDatabase("auth");
			database.server().createDatabase("review");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create the databases", e);
		}
	}

	/** Local only: production takes its secrets from its own environment. */
	static final String REVIEW_APP_SECRET = "review-app-local-secret";
	static final String DEMO_SITE_SECRET = "demo-site-local-secret";
	static final String DEMO_SITE_REDIRECT = "http://127.0.0.1:8090/callback";
	static final String ADMIN_CLI_SECRET = "admin-cli-local-secret";

	private Map<String, String> authEnvironment(int authPort, int reviewPort) {
		Map<String, String> environment = new HashMap<>(common("auth"));
		environment.put("PUBLIC_URL", "http://127.0.0.1:" + authPort);
		environment.put("KEY_ENCRYPTION_SECRET", "bG9jYWwtcnVuLWtleS1lbmNyeXB0aW9uLXNlY3JldDE=");
		environment.put("ICOURSE_DEMO_PASSWORD", DEMO_PASSWORD);
		environment.put("REVIEW_APP_URL", "http://127.0.0.1:" + reviewPort);
		environment.put("REVIEW_APP_CLIENT_SECRET", REVIEW_APP_SECRET);
		environment.put("DEMO_SITE_CLIENT_SECRET", DEMO_SITE_SECRET);
		environment.put("ADMIN_CLI_CLIENT_SECRET", ADMIN_CLI_SECRET);
		// The memory settings docs/operations.md documents (under 512 MB resident).
		environment.put("JAVA_TOOL_OPTIONS", "-Xms64m -Xmx192m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m "
				+ "-XX:MaxMetaspaceSize=160m -Xss512k -XX:+ExitOnOutOfMemoryError");
		environment.put("MALLOC_ARENA_MAX", "2");
		return environment;
	}

	private Map<String, String> reviewEnvironment(int authPort, int reviewPort) {
		Map<String, String> environment = new HashMap<>(common("review"));
		environment.put("PUBLIC_URL", "http://127.0.0.1:" + reviewPort);
		environment.put("AUTH_SERVER_URL", "http://127.0.0.1:" + authPort);
		environment.put("OIDC_CLIENT_SECRET", REVIEW_APP_SECRET);
		return environment;
	}

	private Map<String, String> common(String databaseName) {
		MariaDbServer server = database.server();
		return Map.of("SPRING_PROFILES_ACTIVE", "local", "DB_URL", server.jdbcUrl(databaseName), "DB_USER",
				server.user(), "DB_PASSWORD", server.password(), "SMTP_HOST", "127.0.0.1", "SMTP_PORT",
				String.valueOf(mail.smtpPort()));
	}

	String authUrl() {
		return auth.url();
	}

	String reviewUrl() {
		return review.url();
	}

	String mailUrl() {
		return mail.pageUrl();
	}

	String banner() {
		return """

				============================================================
				 iCourse is running
				   Course reviews     %s
				   iCourse ID (auth)  %s
				   Mail catcher       %s  (SMTP 127.0.0.1:%d)
				   MariaDB            127.0.0.1:%d, user root, no password, databases auth and review
				 Demo accounts (password %s):
				   student@mail.ustc.edu.cn   a student
				   teacher@ustc.edu.cn        a teacher
				   admin@ustc.edu.cn          an administrator
				 Demo third-party site for "sign in with iCourse ID" (see docs/third-party-sign-in.md):
				   issuer %s, client id demo-site, secret %s, redirect URI %s
				 Admin console %s/admin (as admin@ustc.edu.cn); admin API client for scripts
				   (client credentials, see docs/admin-api.md): client id admin-cli, secret %s
				 Data are kept in .local/ between runs. Press Ctrl-C to stop.
				============================================================
				""".formatted(reviewUrl(), authUrl(), mailUrl(), mail.smtpPort(), database.server().port(),
				DEMO_PASSWORD, authUrl(), DEMO_SITE_SECRET, DEMO_SITE_REDIRECT, authUrl(), ADMIN_CLI_SECRET);
	}

	/**
	 * Stops the apps first (gracefully), then the mail catcher and the database they
	 * used.
	 */
	@Override
	public void close() {
		if (review != null) {
			review.stop(GRACE);
		}
		if (auth != null) {
			auth.stop(GRACE);
		}
		mail.close();
		database.close();
	}

}
