package club.icourse.web.sqlcount;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts, on the thread of a request being tallied, every statement executed and every
 * commit, through JDBC proxies around the pool's connections. Threads without a tally
 * (scheduled jobs, the outbox) are not counted and pay only a thread-local read.
 */
final class CountingDataSource extends DelegatingDataSource {

	private static final ThreadLocal<SqlTally.Running> CURRENT = new ThreadLocal<>();

	CountingDataSource(DataSource target) {
		super(target);
	}

	static void start() {
		CURRENT.set(new SqlTally.Running());
	}

	static SqlTally.Running stop() {
		SqlTally.Running tally = CURRENT.get();
		CURRENT.remove();
		return tally;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return counting(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return counting(super.getConnection(username, password));
	}

	private static Connection counting(Connection connection) {
		return (Connection) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new ConnectionHandler(connection));
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}

	private static final class ConnectionHandler implements InvocationHandler {

		private final Connection target;

		/** A write since the last commit or rollback, outside autocommit. */
		private boolean wrote;

		ConnectionHandler(Connection target) {
			this.target = target;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			Object result = CountingDataSource.invoke(this.target, method, args);
			SqlTally.Running tally = CURRENT.get();
			String name = method.getName();
			if (name.equals("commit") || name.equals("rollback")) {
				if (tally != null && name.equals("commit")) {
					// a transaction that only read commits too, but writes nothing
					if (this.wrote) {
						tally.commits++;
					}
					tally.sql.add(this.wrote ? "commit" : "commit (read only)");
				}
				this.wrote = false;
			}
			else if (result instanceof Statement statement) {
				String sql = (args != null && args.length > 0 && args[0] instanceof String text) ? text : null;
				Class<?> type = result instanceof CallableStatement ? CallableStatement.class
						: result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
				return Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] { type },
						new StatementHandler(statement, this, sql));
			}
			return result;
		}

	}

	private record RowsHandler(ResultSet target) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			Object result = CountingDataSource.invoke(this.target, method, args);
			SqlTally.Running tally = CURRENT.get();
			if (tally != null && method.getName().equals("next") && Boolean.TRUE.equals(result)) {
				tally.rows++;
			}
			return result;
		}

	}

	private record StatementHandler(Statement target, ConnectionHandler connection,
			String preparedSql) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			SqlTally.Running tally = CURRENT.get();
			if (tally != null && method.getName().startsWith("execute")) {
				tally.statements++;
				String sql = (args != null && args.length > 0 && args[0] instanceof String text) ? text
						: this.preparedSql;
				tally.sql.add(sql == null ? "?" : sql.substring(0, Math.min(sql.length(), 160)));
				if (isWrite(sql)) {
					if (this.connection.target.getAutoCommit()) {
						tally.autocommitWrites++;
					}
					else {
						this.connection.wrote = true;
					}
				}
			}
			Object result = CountingDataSource.invoke(this.target, method, args);
			if (tally != null && result instanceof ResultSet rows) {
				return Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
						new Class<?>[] { ResultSet.class }, new RowsHandler(rows));
			}
			return result;
		}

		private static boolean isWrite(String sql) {
			if (sql == null) {
				return false;
			}
			String start = sql.stripLeading().toLowerCase(Locale.ROOT);
			return start.startsWith("insert") || start.startsWith("update") || start.startsWith("delete")
					|| start.startsWith("replace") || start.startsWith("merge");
		}

	}

}
