package club.icourse.testsupport.mariadb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where a MariaDB server answers and how to sign in to it as an administrator.
 *
 * @param description what kind of server this is, for logs ("service", "embedded")
 */
public record MariaDbServer(String host, int port, String user, String password, String description) {

	public String jdbcUrl(String database) {
		return "jdbc:mariadb://" + host + ":" + port + "/" + database;
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl("") + "?connectTimeout=3000", user, password);
	}

	/**
	 * Creates the database if it is missing, in the character set and collation every
	 * migration expects.
	 */
	public void createDatabase(String name) throws SQLException {
		DatabaseNames.requireSafe(name);
		try (var connection = connect(); var statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS `" + name + "`"
					+ " CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci");
		}
	}

	public void dropDatabase(String name) throws SQLException {
		DatabaseNames.requireSafe(name);
		try (var connection = connect(); var statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
		}
	}

	@Override
	public String toString() {
		return description + " MariaDB at " + host + ":" + port;
	}
}
