package club.icourse.scheduling;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Deletes expired browser sessions, on one instance at a time. Spring Session's own
 * cleanup, which every instance would run every minute, is switched off
 * ({@code spring.session.jdbc.cleanup-cron: "-"} in each app).
 */
public class BrowserSessionCleanup {

	private final ObjectProvider<JdbcIndexedSessionRepository> sessions;

	BrowserSessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
		this.sessions = sessions;
	}

	@Scheduled(fixedDelayString = "${icourse.sessions.cleanup-interval:5m}",
			initialDelayString = "${icourse.sessions.cleanup-interval:5m}")
	@SchedulerLock(name = "sessions.expired-cleanup")
	public void deleteExpiredSessions() {
		sessions.ifAvailable(JdbcIndexedSessionRepository::cleanUpExpiredSessions);
	}

}
