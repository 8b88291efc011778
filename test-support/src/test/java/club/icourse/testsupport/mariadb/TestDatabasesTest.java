package club.icourse.testsupport.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class TestDatabasesTest {

	@Test
	void givesEachOwnerOneFreshUtf8DatabasePerRun() throws SQLException {
		String auth = TestDatabases.databaseFor("sample");

		assertThat(TestDatabases.databaseFor("sample")).isEqualTo(auth);
		assertThat(TestDatabases.databaseFor("other")).isNotEqualTo(auth);
		assertThat(auth).matches("icourse_test_sample_\\d+_[0-9a-f]{6}");
		try (var connection = TestMariaDb.server().connect();
				var statement = connection.createStatement();
				var rows = statement.executeQuery("SELECT DEFAULT_CHARACTER_SET_NAME, COUNT(*) OVER ()"
						+ " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + auth + "'")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("utf8mb4");
		}
	}

	@Test
	void refusesNamesThatCouldBreakOutOfAnIdentifier() {
		Assertions.assertThatThrownBy(() -> DatabaseNames.requireSafe("x`; DROP DATABASE y"))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
