package club.icourse.mail;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.testsupport.mariadb.MariaDbServer;
import club.icourse.testsupport.mariadb.TestDatabases;
import club.icourse.testsupport.mariadb.TestMariaDb;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jooq.Field;
import org.junit.jupiter.api.Test;

/**
 * The outbox table this module defines ({@code mail_outbox.sql}) is the one both apps'
 * migrations create, column for column and index for index, on the real engine; and the
 * hand-written {@link OutboxTable} names only its columns.
 */
class OutboxSchemaTest {

	private final MariaDbServer server = TestMariaDb.server();

	@Test
	void bothAppsMigrateTheTableThisModuleDefines() throws Exception {
		String canonical = TestDatabases.databaseFor("outbox");
		try (Connection connection = connect(canonical); Statement statement = connection.createStatement()) {
			statement.execute(definition());
		}
		List<String> expected = describe(canonical);
		assertThat(expected).isNotEmpty();

		for (String app : List.of("auth", "review")) {
			String database = TestDatabases.databaseFor(app);
			Flyway.configure()
				.dataSource(server.jdbcUrl(database), server.user(), server.password())
				.locations("classpath:db/migration/" + app)
				.load()
				.migrate();
			assertThat(describe(database)).as("mail_outbox as %s's migrations create it", app)
				.containsExactlyElementsOf(expected);
		}
	}

	@Test
	void outboxTableNamesOnlyColumnsOfTheTable() throws Exception {
		String definition = definition();
		List<Field<?>> fields = List.of(OutboxTable.ID, OutboxTable.RECIPIENT, OutboxTable.SUBJECT,
				OutboxTable.TEXT_BODY, OutboxTable.HTML_BODY, OutboxTable.CREATED_AT, OutboxTable.ATTEMPTS,
				OutboxTable.NEXT_ATTEMPT_AT, OutboxTable.SENT_AT, OutboxTable.FAILED_AT, OutboxTable.LAST_ERROR);
		assertThat(definition).contains("CREATE TABLE " + OutboxTable.MAIL_OUTBOX.getName() + " (");
		assertThat(fields)
			.allSatisfy(field -> assertThat(definition).containsPattern("\n\\s+" + field.getName() + " "));
	}

	private static String definition() throws IOException {
		try (InputStream in = OutboxSchemaTest.class.getResourceAsStream("mail_outbox.sql")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
	}

	/** Every column and index of the outbox table, one line each, in order. */
	private List<String> describe(String database) throws SQLException {
		List<String> lines = new ArrayList<>();
		try (Connection connection = connect(database)) {
			query(connection, """
					SELECT column_name, column_type, is_nullable, column_default, extra, collation_name
					FROM information_schema.columns
					WHERE table_schema = ? AND table_name = 'mail_outbox'
					ORDER BY ordinal_position""", database, lines, "column");
			query(connection, """
					SELECT index_name, non_unique, seq_in_index, column_name
					FROM information_schema.statistics
					WHERE table_schema = ? AND table_name = 'mail_outbox'
					ORDER BY index_name, seq_in_index""", database, lines, "index");
			query(connection, """
					SELECT engine, table_collation
					FROM information_schema.tables
					WHERE table_schema = ? AND table_name = 'mail_outbox'""", database, lines, "table");
		}
		return lines;
	}

	private static void query(Connection connection, String sql, String database, List<String> lines, String kind)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, database);
			try (ResultSet rows = statement.executeQuery()) {
				int columns = rows.getMetaData().getColumnCount();
				while (rows.next()) {
					StringBuilder line = new StringBuilder(kind);
					for (int i = 1; i <= columns; i++) {
						line.append(' ').append(rows.getString(i));
					}
					lines.add(line.toString());
				}
			}
		}
	}

}
