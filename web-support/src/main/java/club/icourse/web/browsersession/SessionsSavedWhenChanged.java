package club.icourse.web.browsersession;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's store, writing a browser session only when it changed. Spring Session
 * sets the last access at every request, and so wrote the session at every request, the
 * token paths included (a write transaction of its own). Here attributes, id and timeout
 * are written as soon as they change (Spring Session's own save mode: a set attribute is
 * a change); the last access alone only once it moved by {@link #LAST_ACCESS_STEP}, so an
 * idle session ends at most that much sooner than its timeout says. Within one request a
 * session is read once ({@link OneSessionReadPerRequest}).
 */
final class SessionsSavedWhenChanged implements FindByIndexNameSessionRepository<SessionsSavedWhenChanged.Tracked> {

	static final Duration LAST_ACCESS_STEP = Duration.ofMinutes(1);

	private final FindByIndexNameSessionRepository<Session> sessions;

	@SuppressWarnings("unchecked")
	SessionsSavedWhenChanged(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
	}

	@Override
	public Tracked createSession() {
		return new Tracked(this.sessions.createSession(), null);
	}

	@Override
	public void save(Tracked session) {
		if (session.needsSave()) {
			this.sessions.save(session.session);
			session.saved();
		}
	}

	@Override
	public Tracked findById(String id) {
		Map<String, Tracked> read = OneSessionReadPerRequest.sessionsRead();
		Tracked known = read == null ? null : read.get(id);
		if (known != null && known.getId().equals(id)) {
			return known;
		}
		if (known != null) {
			// Renamed in this request (a sign-in changes the session id): nothing is
			// stored under the old id once the session is saved, which is when Spring
			// Session's filter asks again whether the requested id is still valid.
			return null;
		}
		Session found = this.sessions.findById(id);
		Tracked session = found == null ? null : new Tracked(found, found.getLastAccessedTime());
		if (read != null && session != null) {
			read.put(id, session);
		}
		return session;
	}

	@Override
	public void deleteById(String id) {
		Map<String, Tracked> read = OneSessionReadPerRequest.sessionsRead();
		if (read != null) {
			read.remove(id);
		}
		this.sessions.deleteById(id);
	}

	@Override
	public Map<String, Tracked> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Tracked> found = new LinkedHashMap<>();
		this.sessions.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new Tracked(session, session.getLastAccessedTime())));
		return found;
	}

	/** A stored session, and what of it the store does not have yet. */
	static final class Tracked implements Session {

		private final Session session;

		/** The last access the store has; null for a session never stored. */
		private Instant storedLastAccess;

		private boolean changed;

		Tracked(Session session, Instant storedLastAccess) {
			this.session = session;
			this.storedLastAccess = storedLastAccess;
		}

		boolean needsSave() {
			return this.changed || this.storedLastAccess == null
					|| !this.session.getLastAccessedTime().isBefore(this.storedLastAccess.plus(LAST_ACCESS_STEP));
		}

		void saved() {
			this.changed = false;
			this.storedLastAccess = this.session.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.changed = true;
			this.session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.changed = true;
			this.session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.session.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
