package club.icourse.reviewapp.system;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.scheduling.BrowserSessionCleanup;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Expired browser sessions are deleted by the shared, locked job (Spring Session's own
 * per-instance one is off).
 */
@ReviewAppTest
class BrowserSessionCleanupTest {

	@Autowired
	BrowserSessionCleanup cleanup;

	@Autowired
	DSLContext dsl;

	@Test
	void expiredSessionsAreDeletedAndLiveOnesKept() {
		long now = System.currentTimeMillis();
		String expired = session(now - 7_200_000, now - 3_600_000);
		String live = session(now, now + 1_800_000);

		cleanup.deleteExpiredSessions();

		assertThat(dsl.fetch("SELECT PRIMARY_ID FROM SPRING_SESSION WHERE PRIMARY_ID IN (?, ?)", expired, live)
			.getValues(0, String.class)).containsExactly(live);
		assertThat(dsl.fetchCount(dsl.selectFrom("SPRING_SESSION_ATTRIBUTES").where("SESSION_PRIMARY_ID = ?", expired)))
			.isZero();
	}

	private String session(long lastAccess, long expiry) {
		String id = UUID.randomUUID().toString();
		dsl.execute(
				"INSERT INTO SPRING_SESSION (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL, "
						+ "EXPIRY_TIME) VALUES (?, ?, ?, ?, 1800, ?)",
				id, UUID.randomUUID().toString(), lastAccess, lastAccess, expiry);
		dsl.execute(
				"INSERT INTO SPRING_SESSION_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES) VALUES (?, 'x', ?)",
				id, new byte[] { 1 });
		return id;
	}

}
