package club.icourse.reviewapp.bench;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the JDBC driver is asked to execute on threads that are
 * serving a counted request ({@link #counting}), so that background jobs (the search
 * poller, scheduled clean-ups) and other engineers' use of the shared MariaDB server do
 * not pollute the figure.
 */
public final class StatementCounter {

	private static final ThreadLocal<Boolean> COUNTING = ThreadLocal.withInitial(() -> false);

	private final AtomicLong statements = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	/** Statements executed by counted requests so far. */
	public long statements() {
		return statements.get();
	}

	/** Counted requests so far. */
	public long requests() {
		return requests.get();
	}

	/** A request being served. */
	interface Served {

		void serve() throws IOException, ServletException;

	}

	void counting(Served request) throws IOException, ServletException {
		COUNTING.set(true);
		try {
			request.serve();
		}
		finally {
			COUNTING.set(false);
			requests.incrementAndGet();
		}
	}

	DataSource counted(DataSource dataSource) {
		return new DelegatingDataSource(dataSource) {

			@Override
			public Connection getConnection() throws SQLException {
				return proxy(Connection.class, super.getConnection());
			}

			@Override
			public Connection getConnection(String username, String password) throws SQLException {
				return proxy(Connection.class, super.getConnection(username, password));
			}

		};
	}

	private <T> T proxy(Class<T> type, Object target) {
		InvocationHandler handler = (proxy, method, arguments) -> {
			if (target instanceof Statement && method.getName().startsWith("execute") && COUNTING.get()) {
				statements.incrementAndGet();
			}
			Object result = invoke(method, target, arguments);
			if (result instanceof Statement && Statement.class.isAssignableFrom(method.getReturnType())) {
				return proxy(method.getReturnType(), result);
			}
			return result;
		};
		return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler));
	}

	private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}

}
