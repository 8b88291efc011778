package club.icourse.scheduling;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Scheduled jobs. Every instance runs the schedule; a job annotated with
 * {@code @SchedulerLock} runs only on the instance that takes its lock (a row of the
 * {@code shedlock} table of the app's database), and is skipped on the others while it is
 * held. The lock is held at least a minute, so instances that start together, or whose
 * timers meet, do not run the job one after the other; it is released after 30 minutes at
 * the latest should its instance die while holding it.
 */
@AutoConfiguration
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M", defaultLockAtLeastFor = "PT1M")
public class SchedulingAutoConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

	@Bean
	BrowserSessionCleanup browserSessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
		return new BrowserSessionCleanup(sessions);
	}

}
