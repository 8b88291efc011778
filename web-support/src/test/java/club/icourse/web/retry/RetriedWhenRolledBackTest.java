package club.icourse.web.retry;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.testsupport.mariadb.MariaDbServer;
import club.icourse.testsupport.mariadb.TestMariaDb;
import club.icourse.web.WebSupportAutoConfiguration;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two transactions that lock two rows in opposite orders deadlock on the real MariaDB:
 * the one the database rolls back runs again and both complete, as a Galera certification
 * conflict (the same error at commit) does. Inside a caller's transaction nothing is
 * retried, and a connection lost during a commit is answered, not retried.
 */
class RetriedWhenRolledBackTest {

	private static final MariaDbServer server = TestMariaDb.server();

	private static final String database = "retry_" + UUID.randomUUID().toString().substring(0, 8);

	private static AnnotationConfigApplicationContext context;

	/** Both calls at once (the common pool may have one thread on a small machine). */
	private static final ExecutorService twoThreads = Executors.newFixedThreadPool(2);

	@BeforeAll
	static void start() throws Exception {
		server.createDatabase(database);
		context = new AnnotationConfigApplicationContext(Setup.class);
		context.getBean(JdbcTemplate.class).execute("CREATE TABLE counter (id INT PRIMARY KEY, n INT NOT NULL)");
	}

	@AfterAll
	static void stop() throws Exception {
		twoThreads.shutdownNow();
		context.close();
		server.dropDatabase(database);
	}

	@Test
	void theTransactionTheDatabaseRolledBackForADeadlockRunsAgain() throws Exception {
		reset();
		Counters counters = context.getBean(Counters.class);
		CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);
		CompletableFuture<Void> forwards = CompletableFuture
			.runAsync(() -> counters.incrementBoth(1, 2, bothHoldTheirFirstRow), twoThreads);
		CompletableFuture<Void> backwards = CompletableFuture
			.runAsync(() -> counters.incrementBoth(2, 1, bothHoldTheirFirstRow), twoThreads);

		CompletableFuture.allOf(forwards, backwards).get(30, TimeUnit.SECONDS);

		assertThat(counters.attempts()).as("two calls, one of them run twice").isEqualTo(3);
		assertThat(values()).containsExactly(2, 2);
	}

	@Test
	void insideACallersTransactionTheDeadlockReachesTheCaller() throws Exception {
		reset();
		Counters counters = context.getBean(Counters.class);
		TransactionTemplate outer = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);
		CompletableFuture<Void> forwards = CompletableFuture.runAsync(
				() -> outer.executeWithoutResult(status -> counters.incrementBoth(1, 2, bothHoldTheirFirstRow)),
				twoThreads);
		CompletableFuture<Void> backwards = CompletableFuture.runAsync(
				() -> outer.executeWithoutResult(status -> counters.incrementBoth(2, 1, bothHoldTheirFirstRow)),
				twoThreads);

		CompletableFuture.allOf(forwards, backwards).handle((done, failed) -> null).get(30, TimeUnit.SECONDS);

		List<Throwable> failures = Stream.of(forwards, backwards)
			.filter(CompletableFuture::isCompletedExceptionally)
			.map(CompletableFuture::exceptionNow)
			.toList();
		assertThat(failures).hasSize(1);
		assertThat(DatabaseFailures.isDeadlock(failures.getFirst())).as(failures.getFirst().toString()).isTrue();
		assertThat(counters.attempts()).as("each call once").isEqualTo(2);
		assertThat(values()).as("the loser's changes undone").containsExactlyInAnyOrder(1, 1);
	}

	@Test
	void aConnectionLostDuringACommitIsNotKnownToHaveRolledBack() {
		var lostInCommit = new SQLTransientConnectionException(
				"Driver has reconnect connection after a "
						+ "communications failure with address=(host=127.0.0.1)(port=3311) during a COMMIT statement",
				"25S03");
		var lostBefore = new SQLTransientConnectionException(
				"Driver has reconnect connection after a communications "
						+ "link failure with address=(host=127.0.0.1)(port=3311). In progress transaction was lost",
				"25S03");
		assertThat(DatabaseFailures.isPassing(lostInCommit)).isTrue();
		assertThat(DatabaseFailures.rolledBackTransaction(lostInCommit)).isFalse();
		assertThat(DatabaseFailures.rolledBackTransaction(lostBefore)).isTrue();
		assertThat(DatabaseFailures.isPassing(new IllegalArgumentException("bad input"))).isFalse();
	}

	private static void reset() {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		jdbc.update("DELETE FROM counter");
		jdbc.update("INSERT INTO counter VALUES (1, 0), (2, 0)");
		context.getBean(Counters.class).resetAttempts();
	}

	private static List<Integer> values() {
		return context.getBean(JdbcTemplate.class).queryForList("SELECT n FROM counter ORDER BY id", Integer.class);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	@Import(WebSupportAutoConfiguration.class)
	static class Setup {

		@Bean
		DataSource dataSource() {
			return new SimpleDriverDataSource(new org.mariadb.jdbc.Driver(), server.jdbcUrl(database), server.user(),
					server.password());
		}

		@Bean
		JdbcTransactionManager transactionManager(DataSource dataSource) {
			return new JdbcTransactionManager(dataSource);
		}

		@Bean
		JdbcTemplate jdbcTemplate(DataSource dataSource) {
			return new JdbcTemplate(dataSource);
		}

		@Bean
		Counters counters(JdbcTemplate jdbc) {
			return new Counters(jdbc);
		}

	}

	static class Counters {

		private final AtomicInteger attempts = new AtomicInteger();

		private final JdbcTemplate jdbc;

		Counters(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		public int attempts() {
			return attempts.get();
		}

		public void resetAttempts() {
			attempts.set(0);
		}

		/**
		 * Locks the first row, waits (first attempt only) until the other call holds its
		 * own, then updates the second.
		 */
		@Transactional
		@RetriedWhenRolledBack
		public void incrementBoth(int first, int second, CyclicBarrier barrier) {
			boolean firstAttempt = attempts.incrementAndGet() <= 2;
			jdbc.update("UPDATE counter SET n = n + 1 WHERE id = ?", first);
			if (firstAttempt) {
				try {
					barrier.await(10, TimeUnit.SECONDS);
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}
			jdbc.update("UPDATE counter SET n = n + 1 WHERE id = ?", second);
		}

	}

}
