package club.icourse.testsupport.mariadb;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uniquely named databases for one test run (one JVM), created on first use and dropped
 * when the JVM exits. The name carries its creation time, so databases left behind by a
 * killed run are dropped by a later one.
 */
public final class TestDatabases {

	private static final Logger log = LoggerFactory.getLogger(TestDatabases.class);

	private static final String PREFIX = "icourse_test_";

	private static final Pattern TEST_DATABASE = Pattern.compile(PREFIX + "[a-z0-9]+_(\\d+)_[0-9a-f]+");

	private static final Duration LEFTOVER_AGE = Duration.ofHours(6);

	private static final Map<String, String> created = new LinkedHashMap<>();

	private static boolean leftoversDropped;

	private TestDatabases() {
	}

	/**
	 * The database of this run for the given owner ("auth", "review"), created empty on
	 * first call.
	 */
	public static synchronized String databaseFor(String owner) {
		String existing = created.get(owner);
		if (existing != null) {
			return existing;
		}
		MariaDbServer server = TestMariaDb.server();
		try {
			dropLeftoversOnce(server);
			String name = DatabaseNames
				.requireSafe(PREFIX + owner + "_" + Instant.now().getEpochSecond() + "_" + randomSuffix());
			server.createDatabase(name);
			if (created.isEmpty()) {
				Runtime.getRuntime().addShutdownHook(new Thread(() -> dropAll(server), "drop-test-databases"));
			}
			created.put(owner, name);
			log.info("Test database for {}: {} on the {}", owner, name, server);
			return name;
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create a test database on the " + server, e);
		}
	}

	private static String randomSuffix() {
		byte[] bytes = new byte[3];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static void dropLeftoversOnce(MariaDbServer server) throws SQLException {
		if (leftoversDropped) {
			return;
		}
		leftoversDropped = true;
		long cutoff = Instant.now().minus(LEFTOVER_AGE).getEpochSecond();
		List<String> leftovers = new ArrayList<>();
		try (var connection = server.connect();
				var statement = connection.createStatement();
				var rows = statement.executeQuery("SHOW DATABASES LIKE 'icourse\\_test\\_%'")) {
			while (rows.next()) {
				Matcher matcher = TEST_DATABASE.matcher(rows.getString(1));
				if (matcher.matches() && Long.parseLong(matcher.group(1)) < cutoff) {
					leftovers.add(rows.getString(1));
				}
			}
		}
		for (String leftover : leftovers) {
			server.dropDatabase(leftover);
		}
	}

	private static synchronized void dropAll(MariaDbServer server) {
		for (String name : created.values()) {
			try {
				server.dropDatabase(name);
			}
			catch (SQLException e) {
				// The server may already be gone (an embedded one stops in its own
				// shutdown hook); a later run drops it.
				log.debug("Could not drop test database {}: {}", name, e.getMessage());
			}
		}
	}

}
