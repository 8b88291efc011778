package club.icourse.auth.oauth;

import static club.icourse.db.auth.Tables.OAUTH2_AUTHORIZATION;
import static club.icourse.db.auth.Tables.SPENT_REFRESH_TOKEN;
import static org.jooq.impl.DSL.greatest;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Service;

/**
 * The framework never deletes authorizations: expired codes and tokens, abandoned consent
 * states and unused pushed requests would pile up. Rows whose every token expired a day
 * ago, and rows that never got a token within a day, go (with their spent refresh
 * tokens), and a client's own tokens (client_credentials) as soon as they expired, and so
 * do spent refresh tokens of live grants older than any refresh token's lifetime (they
 * can no longer be told from random strings). One instance at a time: two would compete
 * for the same rows.
 */
@Service
class ExpiredGrantCleanup {

	static final Duration GRACE = Duration.ofDays(1);
	static final Duration SPENT_TOKEN_MEMORY = Duration.ofDays(90);

	private static final int BATCH = 1000;

	private static final Field<LocalDateTime> NEVER = DSL.inline(LocalDateTime.of(1970, 1, 1, 0, 0));

	private final DSLContext dsl;

	private final Clock clock;

	ExpiredGrantCleanup(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${icourse.oidc.cleanup-interval:1h}",
			initialDelayString = "${icourse.oidc.cleanup-interval:1h}")
	@SchedulerLock(name = "oauth.expired-grant-cleanup")
	void run() {
		while (deleteBatch() == BATCH) {
			// keep going, a short batch at a time
		}
		dsl.deleteFrom(SPENT_REFRESH_TOKEN)
			.where(SPENT_REFRESH_TOKEN.SPENT_AT
				.lt(LocalDateTime.ofInstant(clock.instant().minus(SPENT_TOKEN_MEMORY), ZoneOffset.UTC)))
			.execute();
	}

	int deleteBatch() {
		LocalDateTime before = LocalDateTime.ofInstant(clock.instant().minus(GRACE), ZoneOffset.UTC);
		Field<LocalDateTime> lastExpiry = greatest(
				DSL.coalesce(OAUTH2_AUTHORIZATION.AUTHORIZATION_CODE_EXPIRES_AT, NEVER),
				DSL.coalesce(OAUTH2_AUTHORIZATION.ACCESS_TOKEN_EXPIRES_AT, NEVER),
				DSL.coalesce(OAUTH2_AUTHORIZATION.REFRESH_TOKEN_EXPIRES_AT, NEVER),
				DSL.coalesce(OAUTH2_AUTHORIZATION.OIDC_ID_TOKEN_EXPIRES_AT, NEVER));
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		List<String> ids = dsl.select(OAUTH2_AUTHORIZATION.ID)
			.from(OAUTH2_AUTHORIZATION)
			.where(OAUTH2_AUTHORIZATION.CREATED_AT.lt(before).and(lastExpiry.lt(before)))
			// A client's own token (client_credentials) has nothing to keep once expired.
			.or(OAUTH2_AUTHORIZATION.AUTHORIZATION_GRANT_TYPE.eq(AuthorizationGrantType.CLIENT_CREDENTIALS.getValue())
				.and(OAUTH2_AUTHORIZATION.ACCESS_TOKEN_EXPIRES_AT.lt(now)))
			.limit(BATCH)
			.fetch(OAUTH2_AUTHORIZATION.ID);
		if (!ids.isEmpty()) {
			dsl.deleteFrom(SPENT_REFRESH_TOKEN).where(SPENT_REFRESH_TOKEN.AUTHORIZATION_ID.in(ids)).execute();
			dsl.deleteFrom(OAUTH2_AUTHORIZATION).where(OAUTH2_AUTHORIZATION.ID.in(ids)).execute();
		}
		return ids.size();
	}

}
