package club.icourse.testsupport.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The fallback for machines without a MariaDB service, and the store of the local run.
 */
class EmbeddedMariaDbTest {

	@Test
	void keepsDataAcrossARestartOnTheSameDirectory() throws SQLException {
		Path directory = Path.of("target", "embedded-mariadb-test").toAbsolutePath();
		try (EmbeddedMariaDb first = EmbeddedMariaDb.start(directory, 0)) {
			MariaDbServer server = first.server();
			server.dropDatabase("kept");
			server.createDatabase("kept");
			try (var connection = server.connect(); var statement = connection.createStatement()) {
				statement.execute("CREATE TABLE kept.note (text VARCHAR(20))");
				statement.execute("INSERT INTO kept.note VALUES ('数学分析 📐')");
			}
		}

		try (EmbeddedMariaDb second = EmbeddedMariaDb.start(directory, 0);
				var connection = second.server().connect();
				var statement = connection.createStatement();
				var rows = statement.executeQuery("SELECT text FROM kept.note")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("数学分析 📐");
		}
	}

}
