package club.icourse.auth.oauth;

import static club.icourse.db.auth.Tables.OAUTH2_AUTHORIZATION;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.system.Sha256;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.impl.DSL;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The framework's JDBC authorization store, with two changes that keep its cost flat as
 * the table grows: tokens are found through the indexed SHA-256 of their value (migration
 * V10) rather than by comparing long values, and a save is one upsert, where the
 * framework first reads the whole row back to choose between insert and update. A token
 * lookup also reads the person's account, which the tokens issued next need for their
 * claims. The JSON columns are converted by {@link RecentGrantJson}, which remembers what
 * it converted last: a refresh or code exchange reads and writes back much of what the
 * request before it wrote.
 */
class HashedTokenAuthorizations extends JdbcOAuth2AuthorizationService {

	private static final String COLUMNS = "id, registered_client_id, principal_name, authorization_grant_type, "
			+ "authorized_scopes, attributes, state, authorization_code_value, authorization_code_issued_at, "
			+ "authorization_code_expires_at, authorization_code_metadata, access_token_value, access_token_issued_at, "
			+ "access_token_expires_at, access_token_metadata, access_token_type, access_token_scopes, "
			+ "oidc_id_token_value, oidc_id_token_issued_at, oidc_id_token_expires_at, oidc_id_token_metadata, "
			+ "refresh_token_value, refresh_token_issued_at, refresh_token_expires_at, refresh_token_metadata, "
			+ "user_code_value, user_code_issued_at, user_code_expires_at, user_code_metadata, device_code_value, "
			+ "device_code_issued_at, device_code_expires_at, device_code_metadata";

	private static final String UPSERT = "INSERT INTO oauth2_authorization (" + COLUMNS + ") VALUES ("
			+ String.join(", ", Collections.nCopies(33, "?")) + ") ON DUPLICATE KEY UPDATE "
			+ String.join(", ",
					List.of(COLUMNS.split(", "))
						.subList(1, 33)
						.stream()
						.map(column -> column + " = VALUES(" + column + ")")
						.toList());

	private static final String FOUND = HashedTokenAuthorizations.class.getName() + ".found";

	/** Which hash column finds which kind of token. */
	private static final Map<String, Field<byte[]>> HASH_COLUMNS = Map.of(OAuth2ParameterNames.CODE,
			OAUTH2_AUTHORIZATION.AUTHORIZATION_CODE_HASH, OAuth2ParameterNames.ACCESS_TOKEN,
			OAUTH2_AUTHORIZATION.ACCESS_TOKEN_HASH, OidcParameterNames.ID_TOKEN,
			OAUTH2_AUTHORIZATION.OIDC_ID_TOKEN_HASH, OAuth2ParameterNames.REFRESH_TOKEN,
			OAUTH2_AUTHORIZATION.REFRESH_TOKEN_HASH);

	/**
	 * Converted attributes and metadata values remembered: about five per grant (its
	 * attributes, its code's, access, refresh and ID token's metadata), a few KB each.
	 */
	private static final int REMEMBERED_JSON = 1024;

	private static final Param<byte[]> HASH = DSL.param("hash", byte[].class);

	/** The lookup by each kind of token, with the account of the grant's person. */
	private final Map<String, String> byToken = new HashMap<>();

	private final String byAnyToken;

	HashedTokenAuthorizations(JdbcOperations jdbc, RegisteredClientRepository clients, DSLContext dsl) {
		super(jdbc, clients);
		RecentGrantJson json = new RecentGrantJson(REMEMBERED_JSON);
		setAuthorizationRowMapper(new JsonMapperOAuth2AuthorizationRowMapper(clients, json));
		setAuthorizationParametersMapper(new JsonMapperOAuth2AuthorizationParametersMapper(json));
		HASH_COLUMNS.forEach((type, column) -> byToken.put(type, select(dsl, column.eq(HASH))));
		this.byAnyToken = select(dsl, DSL.or(HASH_COLUMNS.values().stream().map(column -> column.eq(HASH)).toList()));
	}

	private static String select(DSLContext dsl, Condition where) {
		return dsl.select(OAUTH2_AUTHORIZATION.fields())
			.select(AccountRepository.joinedColumns())
			.from(AccountRepository.joinLiveAccount(OAUTH2_AUTHORIZATION, OAUTH2_AUTHORIZATION.PRINCIPAL_NAME))
			.where(where)
			.getSQL();
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		forget();
		List<SqlParameterValue> values = getAuthorizationParametersMapper().apply(authorization);
		getJdbcOperations().update(UPSERT, bind(values));
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		forget();
		super.remove(authorization);
	}

	/**
	 * Within one request, the same token finds the grant read a moment before: a code
	 * exchange looks its code up twice (for PKCE, then for the grant).
	 */
	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(FOUND, RequestAttributes.SCOPE_REQUEST) instanceof Found found
				&& found.token().equals(token) && Objects.equals(found.type(), tokenType)) {
			return found.authorization();
		}
		OAuth2Authorization authorization = lookUp(token, tokenType);
		if (request != null && authorization != null) {
			request.setAttribute(FOUND, new Found(token, tokenType, authorization), RequestAttributes.SCOPE_REQUEST);
		}
		return authorization;
	}

	/**
	 * The grant of that id as this request read it from the store, if it did and has not
	 * saved it since.
	 */
	static Optional<OAuth2Authorization> readInThisRequest(String id) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(FOUND, RequestAttributes.SCOPE_REQUEST) instanceof Found found
				&& found.authorization().getId().equals(id)) {
			return Optional.of(found.authorization());
		}
		return Optional.empty();
	}

	private static void forget() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(FOUND, RequestAttributes.SCOPE_REQUEST);
		}
	}

	private record Found(String token, OAuth2TokenType type, OAuth2Authorization authorization) {
	}

	private OAuth2Authorization lookUp(String token, OAuth2TokenType tokenType) {
		if (tokenType == null) {
			byte[] hash = Sha256.of(token);
			OAuth2Authorization found = first(token, byAnyToken, hash, hash, hash, hash);
			// not a token: perhaps the state of a consent under way
			return found != null ? found : super.findByToken(token, new OAuth2TokenType(OAuth2ParameterNames.STATE));
		}
		String sql = byToken.get(tokenType.getValue());
		if (sql == null) {
			// state, user and device codes: the framework's own lookup
			return super.findByToken(token, tokenType);
		}
		return first(token, sql, Sha256.of(token));
	}

	/**
	 * The grant holding the token, if any; the account read with it stays known for the
	 * rest of the request ({@link AccountOfGrant}).
	 */
	private OAuth2Authorization first(String token, String sql, Object... hashes) {
		List<GrantAndAccount> found = getJdbcOperations().query(sql,
				(row, number) -> new GrantAndAccount(getAuthorizationRowMapper().mapRow(row, number),
						AccountRepository.joinedAccount(row)),
				hashes);
		if (found.isEmpty() || !holds(found.get(0).grant(), token)) {
			return null;
		}
		OAuth2Authorization grant = found.get(0).grant();
		AccountOfGrant.remember(grant.getPrincipalName(), found.get(0).account());
		return grant;
	}

	private record GrantAndAccount(OAuth2Authorization grant, Optional<Account> account) {
	}

	/** The hash matched; the value itself must too. */
	private static boolean holds(OAuth2Authorization authorization, String token) {
		for (Function<OAuth2Authorization, OAuth2Authorization.Token<? extends OAuth2Token>> kind : List.<Function<OAuth2Authorization, OAuth2Authorization.Token<? extends OAuth2Token>>>of(
				OAuth2Authorization::getAccessToken, OAuth2Authorization::getRefreshToken,
				a -> a.getToken(OAuth2AuthorizationCode.class), a -> a.getToken(OidcIdToken.class))) {
			OAuth2Authorization.Token<? extends OAuth2Token> held = kind.apply(authorization);
			if (held != null && token.equals(held.getToken().getTokenValue())) {
				return true;
			}
		}
		return false;
	}

	private static PreparedStatementSetter bind(List<SqlParameterValue> values) {
		return statement -> {
			int index = 1;
			for (SqlParameterValue value : values) {
				if (value.getSqlType() == Types.BLOB && value.getValue() instanceof String text) {
					statement.setBytes(index++, text.getBytes(StandardCharsets.UTF_8));
				}
				else if (value.getValue() instanceof Timestamp timestamp) {
					// The driver writes a Timestamp through a new SimpleDateFormat each
					// time (eight
					// per save); a LocalDateTime it writes directly. The same wall time:
					// the JVM's
					// zone is UTC (AuthServerApplication), as the driver's default
					// calendar.
					statement.setObject(index++, timestamp.toLocalDateTime());
				}
				else {
					StatementCreatorUtils.setParameterValue(statement, index++, value, value.getValue());
				}
			}
		};
	}

}
