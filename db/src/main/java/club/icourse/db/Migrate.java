package club.icourse.db;

import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the named databases and exits: the one-shot migration job that runs before the
 * app instances start (docker/compose.yaml), so that several instances never race to
 * migrate and each can start with {@code DB_MIGRATE=validate}.
 *
 * <p>
 * {@code java -cp app.jar club.icourse.db.Migrate auth review} migrates database
 * {@code auth} with the scripts under {@code db/migration/auth} as {@code AUTH_DB_URL},
 * {@code AUTH_DB_USER}, {@code AUTH_DB_PASSWORD}, then {@code review} likewise with the
 * {@code REVIEW_DB_*} variables. The JDBC driver comes from the app jar's class path.
 */
public final class Migrate {

	private Migrate() {
	}

	public static void main(String[] owners) {
		if (owners.length == 0) {
			System.err.println(
					"Usage: Migrate auth|review ... (with <OWNER>_DB_URL, <OWNER>_DB_USER, <OWNER>_DB_PASSWORD set)");
			System.exit(2);
		}
		for (String owner : owners) {
			String prefix = owner.toUpperCase(Locale.ROOT) + "_DB_";
			String url = required(prefix + "URL");
			MigrateResult result = Flyway.configure()
				.dataSource(url, required(prefix + "USER"), System.getenv().getOrDefault(prefix + "PASSWORD", ""))
				.locations("classpath:db/migration/" + owner)
				.load()
				.migrate();
			System.out.printf("%s: %d migration(s) applied, schema now at version %s%n", owner,
					result.migrationsExecuted,
					result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion);
		}
	}

	private static String required(String variable) {
		String value = System.getenv(variable);
		if (value == null || value.isBlank()) {
			System.err.println(variable + " is not set");
			System.exit(2);
		}
		return value;
	}

}
