package club.icourse.web.sqlcount;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tallies the SQL of each request (outermost filter, so the browser session's writes are
 * included) and keeps the last few tallies for tests; the totals are meters
 * ({@code icourse.sql}, by kind) for the benchmark, read through
 * {@code /actuator/metrics}.
 */
public final class RequestSqlCounts extends OncePerRequestFilter {

	private static final int KEPT = 500;

	private final LinkedBlockingDeque<SqlTally> recent = new LinkedBlockingDeque<>();

	private final Counter requests;

	private final Counter statements;

	private final Counter rows;

	private final Counter commits;

	private final Counter autocommitWrites;

	RequestSqlCounts(MeterRegistry meters) {
		this.requests = meters.counter("icourse.sql", "kind", "requests");
		this.statements = meters.counter("icourse.sql", "kind", "statements");
		this.rows = meters.counter("icourse.sql", "kind", "rows");
		this.commits = meters.counter("icourse.sql", "kind", "commits");
		this.autocommitWrites = meters.counter("icourse.sql", "kind", "autocommit_writes");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CountingDataSource.start();
		try {
			chain.doFilter(request, response);
		}
		finally {
			SqlTally tally = CountingDataSource.stop().finish(request.getMethod(), request.getRequestURI());
			this.requests.increment();
			this.statements.increment(tally.statements());
			this.rows.increment(tally.rows());
			this.commits.increment(tally.commits());
			this.autocommitWrites.increment(tally.autocommitWrites());
			this.recent.addLast(tally);
			while (this.recent.size() > KEPT) {
				this.recent.pollFirst();
			}
		}
	}

	/** Requests tallied so far. */
	public long requests() {
		return (long) this.requests.count();
	}

	/** Statements executed by the requests tallied so far. */
	public long statements() {
		return (long) this.statements.count();
	}

	/** Forgets the tallies so far. */
	public void clear() {
		this.recent.clear();
	}

	/**
	 * The tally of the next finished request to this path. The answer can reach a client
	 * a moment before its request is tallied, so this waits for it.
	 */
	public SqlTally next(String path, Duration wait) throws InterruptedException {
		long until = System.nanoTime() + wait.toNanos();
		while (System.nanoTime() < until) {
			for (SqlTally tally : new ArrayList<>(this.recent)) {
				if (tally.path().equals(path)) {
					this.recent.remove(tally);
					return tally;
				}
			}
			Thread.sleep(10);
		}
		throw new AssertionError("No request to " + path + " was tallied; seen: " + all());
	}

	List<SqlTally> all() {
		return new ArrayList<>(this.recent);
	}

}
