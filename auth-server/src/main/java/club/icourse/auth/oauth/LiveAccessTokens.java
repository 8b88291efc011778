package club.icourse.auth.oauth;

import static club.icourse.db.auth.Tables.OAUTH2_AUTHORIZATION;

import club.icourse.auth.system.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

/**
 * Whether an access token is still live, read from the few columns that say so (found by
 * the token's hash), without reading and converting the whole stored grant. Revocation,
 * reuse detection and sign-out change those columns or delete the row, so every instance
 * sees them at the next request.
 */
@Repository
class LiveAccessTokens {

	/** The framework writes this flag into the token's metadata when it revokes it. */
	private static final Field<String> INVALIDATED = DSL.field("JSON_VALUE({0}, '$.\"metadata.token.invalidated\"')",
			SQLDataType.VARCHAR, OAUTH2_AUTHORIZATION.ACCESS_TOKEN_METADATA);

	private final DSLContext dsl;

	private final Clock clock;

	LiveAccessTokens(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	/**
	 * @param withIdToken whether the grant also holds an ID token (OpenID Connect
	 * UserInfo wants one)
	 */
	record LiveAccessToken(String authorizationId, String registeredClientId, String principalName, Set<String> scopes,
			Instant issuedAt, Instant expiresAt, boolean withIdToken) {
	}

	Optional<LiveAccessToken> find(String tokenValue) {
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		return dsl
			.select(OAUTH2_AUTHORIZATION.ID, OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID,
					OAUTH2_AUTHORIZATION.PRINCIPAL_NAME, OAUTH2_AUTHORIZATION.ACCESS_TOKEN_VALUE,
					OAUTH2_AUTHORIZATION.ACCESS_TOKEN_SCOPES, OAUTH2_AUTHORIZATION.ACCESS_TOKEN_ISSUED_AT,
					OAUTH2_AUTHORIZATION.ACCESS_TOKEN_EXPIRES_AT, INVALIDATED,
					OAUTH2_AUTHORIZATION.OIDC_ID_TOKEN_HASH.isNotNull())
			.from(OAUTH2_AUTHORIZATION)
			.where(OAUTH2_AUTHORIZATION.ACCESS_TOKEN_HASH.eq(Sha256.of(tokenValue)))
			.fetchOptional()
			.filter(row -> tokenValue.equals(row.value4()) && !invalidated(row.value8()) && row.value7() != null
					&& row.value7().isAfter(now))
			.map(row -> new LiveAccessToken(row.value1(), row.value2(), row.value3(), scopes(row.value5()),
					row.value6() == null ? null : row.value6().toInstant(ZoneOffset.UTC),
					row.value7().toInstant(ZoneOffset.UTC), Boolean.TRUE.equals(row.value9())));
	}

	/** MariaDB's JSON_VALUE answers a JSON true as 1. */
	private static boolean invalidated(String flag) {
		return "1".equals(flag) || "true".equals(flag);
	}

	private static Set<String> scopes(String delimited) {
		return StringUtils.hasText(delimited) ? new LinkedHashSet<>(Arrays.asList(delimited.split(","))) : Set.of();
	}

}
