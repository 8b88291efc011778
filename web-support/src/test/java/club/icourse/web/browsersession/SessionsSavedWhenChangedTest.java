package club.icourse.web.browsersession;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

/**
 * A session is written when its attributes, id or timeout changed, and for its last
 * access alone only once that moved by a step; nothing else is lost (Spring Session's
 * in-memory store stands in for the JDBC one: it keeps a copy of what was saved).
 */
class SessionsSavedWhenChangedTest {

	private final Store store = new Store();

	private final SessionsSavedWhenChanged sessions = new SessionsSavedWhenChanged(store);

	@Test
	void aNewSessionIsWritten() {
		SessionsSavedWhenChanged.Tracked session = sessions.createSession();
		sessions.save(session);
		assertThat(store.findById(session.getId())).isNotNull();
	}

	@Test
	void aLastAccessAloneIsWrittenOnlyOnceItMovedByAStep() {
		Instant start = stored("a");
		SessionsSavedWhenChanged.Tracked session = sessions.findById("a");
		session.setLastAccessedTime(start.plus(SessionsSavedWhenChanged.LAST_ACCESS_STEP).minusSeconds(1));
		sessions.save(session);
		assertThat(store.findById("a").getLastAccessedTime()).isEqualTo(start);

		session.setLastAccessedTime(start.plus(SessionsSavedWhenChanged.LAST_ACCESS_STEP));
		sessions.save(session);
		assertThat(store.findById("a").getLastAccessedTime())
			.isEqualTo(start.plus(SessionsSavedWhenChanged.LAST_ACCESS_STEP));
	}

	@Test
	void anAttributeTheIdAndTheTimeoutAreWrittenAtOnce() {
		stored("a");
		SessionsSavedWhenChanged.Tracked session = sessions.findById("a");
		session.setAttribute("colour", "green");
		sessions.save(session);
		assertThat(store.findById("a").<String>getAttribute("colour")).isEqualTo("green");

		session = sessions.findById("a");
		session.removeAttribute("colour");
		sessions.save(session);
		assertThat(store.findById("a").<String>getAttribute("colour")).isNull();

		session = sessions.findById("a");
		session.setMaxInactiveInterval(Duration.ofMinutes(5));
		sessions.save(session);
		assertThat(store.findById("a").getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(5));

		session = sessions.findById("a");
		String newId = session.changeSessionId();
		sessions.save(session);
		assertThat(store.findById(newId)).isNotNull();
	}

	@Test
	void aSessionSavedOnceIsNotWrittenAgainUnchanged() {
		stored("a");
		SessionsSavedWhenChanged.Tracked session = sessions.findById("a");
		session.setAttribute("colour", "green");
		sessions.save(session);
		store.saves = 0;
		sessions.save(session);
		assertThat(store.saves).isZero();
	}

	private Instant stored(String id) {
		MapSession session = new MapSession(id);
		Instant start = Instant.now();
		session.setLastAccessedTime(start);
		store.save(session);
		store.saves = 0;
		return start;
	}

	/** Spring Session's in-memory store, counting its writes. */
	private static final class Store extends MapSessionRepository
			implements FindByIndexNameSessionRepository<MapSession> {

		int saves;

		Store() {
			super(new HashMap<String, Session>());
		}

		@Override
		public void save(MapSession session) {
			saves++;
			super.save(session);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}

	}

}
