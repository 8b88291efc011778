package club.icourse.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.testsupport.galera.GaleraCluster;
import club.icourse.testsupport.galera.GaleraNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What Galera asks of the schema, checked on the cluster itself: both databases migrate
 * through the apps' multi-host address (so through one node) and every node then has the
 * same tables, each an InnoDB table with a primary key. Galera replicates rows by their
 * key: a table without one is replicated slowly or inconsistently, and only InnoDB tables
 * are replicated at all.
 */
class GaleraSchemaTest {

	private static final String WITHOUT_PRIMARY_KEY = """
			SELECT t.table_name FROM information_schema.tables t
			WHERE t.table_schema = ? AND t.table_type = 'BASE TABLE' AND NOT EXISTS (
				SELECT 1 FROM information_schema.table_constraints c
				WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
					AND c.constraint_type = 'PRIMARY KEY')
			ORDER BY t.table_name""";

	private final GaleraCluster cluster = GaleraCluster.shared();

	@ParameterizedTest
	@ValueSource(strings = { "auth", "review" })
	void migrationsRunThroughOneNodeAndEveryNodeHasTheTablesEachWithAPrimaryKey(String owner) throws SQLException {
		String database = newDatabase(owner);
		Flyway.configure()
			.dataSource(cluster.jdbcUrl(database), "root", "")
			.locations("classpath:db/migration/" + owner)
			.load()
			.migrate();

		List<String> tables = tables(cluster.node(1), database, "SELECT table_name FROM information_schema.tables "
				+ "WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name");
		assertThat(tables).contains("flyway_schema_history", "SPRING_SESSION").hasSizeGreaterThan(5);
		for (GaleraNode node : cluster.nodes()) {
			assertThat(tables(node, database,
					"SELECT table_name FROM information_schema.tables "
							+ "WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name"))
				.as("the tables on " + node)
				.isEqualTo(tables);
			assertThat(tables(node, database, WITHOUT_PRIMARY_KEY)).as("tables without a primary key on " + node)
				.isEmpty();
			assertThat(tables(node, database,
					"SELECT table_name FROM information_schema.tables "
							+ "WHERE table_schema = ? AND table_type = 'BASE TABLE' AND engine <> 'InnoDB'"))
				.as("tables Galera does not replicate (not InnoDB) on " + node)
				.isEmpty();
		}
	}

	@Test
	void theCheckFindsATableWithoutAPrimaryKey() throws SQLException {
		String database = newDatabase("scratch");
		try (Connection connection = cluster.node(1).connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE " + database + ".keyed (id BIGINT PRIMARY KEY)");
			statement.execute("CREATE TABLE " + database + ".unkeyed (id BIGINT, UNIQUE KEY (id))");
		}
		assertThat(tables(cluster.node(2), database, WITHOUT_PRIMARY_KEY)).containsExactly("unkeyed");
	}

	/**
	 * LOCK TABLES is not replicated by Galera: it would lock one node only, and the
	 * migrations would seem to be protected when they are not.
	 */
	@Test
	void noMigrationLocksTables() throws IOException {
		Resource[] migrations = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:db/migration/**/*.sql");
		assertThat(migrations).hasSizeGreaterThan(10);
		Pattern lockTables = Pattern.compile("\\bLOCK\\s+TABLES?\\b", Pattern.CASE_INSENSITIVE);
		List<String> locking = new ArrayList<>();
		for (Resource migration : migrations) {
			if (lockTables.matcher(migration.getContentAsString(StandardCharsets.UTF_8)).find()) {
				locking.add(migration.getDescription());
			}
		}
		assertThat(locking).isEmpty();
	}

	private String newDatabase(String owner) throws SQLException {
		String database = "galera_" + owner + "_" + UUID.randomUUID().toString().substring(0, 8);
		cluster.node(1).server().createDatabase(database);
		return database;
	}

	/**
	 * The first column of a query about one database, after the node applied all it
	 * received.
	 */
	private static List<String> tables(GaleraNode node, String database, String sql) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = node.connect()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET SESSION wsrep_sync_wait = 1");
			}
			try (PreparedStatement query = connection.prepareStatement(sql)) {
				query.setString(1, database);
				try (ResultSet rows = query.executeQuery()) {
					while (rows.next()) {
						names.add(rows.getString(1));
					}
				}
			}
		}
		return names;
	}

}
