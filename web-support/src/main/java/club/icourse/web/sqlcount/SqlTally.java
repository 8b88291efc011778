package club.icourse.web.sqlcount;

import java.util.ArrayList;
import java.util.List;

/**
 * What one request sent to the database: statements, rows read, commits of transactions
 * that wrote, and writes made in autocommit mode (each of those commits on its own), and
 * the start of each statement's text.
 */
public record SqlTally(String method, String path, int statements, int rows, int commits, int autocommitWrites,
		List<String> sql) {

	/** Transactions that ended with a commit, whether explicit or implicit. */
	public int writeTransactions() {
		return this.commits + this.autocommitWrites;
	}

	static final class Running {

		int statements;

		int rows;

		int commits;

		int autocommitWrites;

		final List<String> sql = new ArrayList<>();

		SqlTally finish(String method, String path) {
			return new SqlTally(method, path, this.statements, this.rows, this.commits, this.autocommitWrites,
					List.copyOf(this.sql));
		}

	}

}
