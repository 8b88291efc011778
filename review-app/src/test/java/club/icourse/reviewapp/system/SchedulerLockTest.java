package club.icourse.reviewapp.system;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.scheduling.SchedulingAutoConfiguration;
import club.icourse.testsupport.mariadb.MariaDbServer;
import club.icourse.testsupport.mariadb.TestDatabases;
import club.icourse.testsupport.mariadb.TestMariaDb;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.flywaydb.core.Flyway;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.Driver;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Two instances of the app (two Spring contexts with the apps' scheduling configuration,
 * each its own lock provider) on one migrated database race to run the same locked job:
 * it runs once.
 */
class SchedulerLockTest {

	static final AtomicInteger runs = new AtomicInteger();

	private final List<AnnotationConfigApplicationContext> instances = new ArrayList<>();

	@AfterEach
	void stopInstances() {
		instances.forEach(AnnotationConfigApplicationContext::close);
	}

	@Test
	void aLockedJobRunsOnceWhenTwoInstancesRaceForIt() throws Exception {
		String database = TestDatabases.databaseFor("locks");
		MariaDbServer server = TestMariaDb.server();
		Flyway.configure()
			.dataSource(server.jdbcUrl(database), server.user(), server.password())
			.locations("classpath:db/migration/review")
			.load()
			.migrate();
		SlowJob first = instance(server, database);
		SlowJob second = instance(server, database);
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> calls = new ArrayList<>();
			for (SlowJob job : List.of(first, second)) {
				calls.add(threads.submit(() -> {
					start.await();
					job.run();
					return null;
				}));
			}
			for (Future<?> call : calls) {
				call.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(runs).hasValue(1);
		// The lock outlives the run (at least a minute): a timer firing on the other
		// instance just after is skipped too.
		second.run();
		assertThat(runs).hasValue(1);
		try (Connection connection = server.connect()) {
			assertThat(
					DSL.using(connection)
						.fetchValue("SELECT COUNT(*) FROM `" + database
								+ "`.shedlock WHERE name = 'test.slow-job' AND lock_until > UTC_TIMESTAMP(3)"))
				.isEqualTo(1L);
		}
	}

	private SlowJob instance(MariaDbServer server, String database) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(DataSource.class, () -> new SimpleDriverDataSource(new Driver(), server.jdbcUrl(database),
				server.user(), server.password()));
		context.register(SchedulingAutoConfiguration.class, SlowJob.class);
		context.refresh();
		instances.add(context);
		return context.getBean(SlowJob.class);
	}

	static class SlowJob {

		@SchedulerLock(name = "test.slow-job")
		void run() throws InterruptedException {
			runs.incrementAndGet();
			// Long enough for the other instance to try while this one holds the lock.
			Thread.sleep(1000);
		}

	}

}
