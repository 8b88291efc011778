package club.icourse.auth.oauth;

import static club.icourse.db.auth.Tables.OAUTH2_AUTHORIZATION;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.system.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

/**
 * Whether an access token is still live, read from the few columns that say so (found by
 * the token's hash), with the account it names, in one statement, without reading and
 * converting the whole stored grant. Revocation, reuse detection and sign-out change
 * those columns or delete the row, so every instance sees them at the next request.
 */
@Repository
class LiveAccessTokens {

	/** The framework writes this flag into the token's metadata when it revokes it. */
	private static final Field<String> INVALIDATED = DSL.field("JSON_VALUE({0}, '$.\"metadata.token.invalidated\"')",
			SQLDataType.VARCHAR, OAUTH2_AUTHORIZATION.ACCESS_TOKEN_METADATA);

	private final JdbcOperations jdbc;

	private final Clock clock;

	/** Rendered once: rendering the query at every call cost as much as running it. */
	private final String byHash;

	LiveAccessTokens(DSLContext dsl, JdbcOperations jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.byHash = dsl.select(OAUTH2_AUTHORIZATION.ID, OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID,
				OAUTH2_AUTHORIZATION.PRINCIPAL_NAME, OAUTH2_AUTHORIZATION.ACCESS_TOKEN_VALUE,
				OAUTH2_AUTHORIZATION.ACCESS_TOKEN_SCOPES, OAUTH2_AUTHORIZATION.ACCESS_TOKEN_EXPIRES_AT,
				INVALIDATED.as("invalidated"), OAUTH2_AUTHORIZATION.OIDC_ID_TOKEN_HASH.isNotNull().as("with_id_token"))
			.select(AccountRepository.joinedColumns())
			.from(AccountRepository.joinLiveAccount(OAUTH2_AUTHORIZATION, OAUTH2_AUTHORIZATION.PRINCIPAL_NAME))
			.where(OAUTH2_AUTHORIZATION.ACCESS_TOKEN_HASH.eq(DSL.param("hash", byte[].class)))
			.getSQL();
	}

	/**
	 * @param withIdToken whether the grant also holds an ID token (OpenID Connect
	 * UserInfo wants one)
	 * @param account the person's live account, read in the same statement (empty once
	 * deleted)
	 */
	record LiveAccessToken(String authorizationId, String registeredClientId, String principalName, Set<String> scopes,
			Instant expiresAt, boolean withIdToken, Optional<Account> account) {
	}

	/** One indexed lookup: the token's live columns and the account they name. */
	Optional<LiveAccessToken> find(String tokenValue) {
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		List<LiveAccessToken> found = jdbc.query(byHash, (row, number) -> {
			LocalDateTime expiresAt = row.getObject("access_token_expires_at", LocalDateTime.class);
			if (!tokenValue.equals(row.getString("access_token_value")) || invalidated(row.getString("invalidated"))
					|| expiresAt == null || !expiresAt.isAfter(now)) {
				return null;
			}
			return new LiveAccessToken(row.getString("id"), row.getString("registered_client_id"),
					row.getString("principal_name"), scopes(row.getString("access_token_scopes")),
					expiresAt.toInstant(ZoneOffset.UTC), row.getBoolean("with_id_token"),
					AccountRepository.joinedAccount(row));
		}, (Object) Sha256.of(tokenValue));
		return found.stream().filter(Objects::nonNull).findFirst();
	}

	/** MariaDB's JSON_VALUE answers a JSON true as 1. */
	private static boolean invalidated(String flag) {
		return "1".equals(flag) || "true".equals(flag);
	}

	private static Set<String> scopes(String delimited) {
		return StringUtils.hasText(delimited) ? new LinkedHashSet<>(Arrays.asList(delimited.split(","))) : Set.of();
	}

}
