package club.icourse.reviewapp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for iCourse ID in the review app's tests: a real OpenID Connect provider
 * over HTTP (authorization endpoint, token endpoint, signed ID tokens, JWKS, UserInfo),
 * so that signing in goes through the app's real OAuth2 login and its real mapping of
 * claims to people. Who signs in is chosen by first opening {@link #signInUrl} in the
 * same browser, which sets a cookie the authorization endpoint reads.
 */
public final class FakeIdentityProvider {

	/**
	 * The claims the provider asserts about a person; the language ({@code locale}) only
	 * when one is given.
	 */
	public record Identity(String subject, String username, String affiliation, List<String> roles, String locale) {

		public Identity(String subject, String username, String affiliation, List<String> roles) {
			this(subject, username, affiliation, roles, null);
		}

		/** The same person, who chose this language (a BCP 47 tag) at the provider. */
		public Identity speaking(String languageTag) {
			return new Identity(subject, username, affiliation, roles, languageTag);
		}

		public static Identity student(String username) {
			return new Identity(UUID.randomUUID().toString(), username, "student", List.of("USER"));
		}

		public static Identity teacher(String username) {
			return new Identity(UUID.randomUUID().toString(), username, "teacher", List.of("USER"));
		}

		public static Identity admin(String username) {
			return new Identity(UUID.randomUUID().toString(), username, "student", List.of("ADMIN", "USER"));
		}
	}

	private record PendingCode(Identity identity, String nonce, String sid) {
	}

	private static FakeIdentityProvider shared;

	private final HttpServer server;

	private final RSAKey key;

	private final Map<String, Identity> browsers = new ConcurrentHashMap<>();

	private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();

	private final Map<String, Identity> accessTokens = new ConcurrentHashMap<>();

	private final Map<String, String> lastSids = new ConcurrentHashMap<>();

	public static synchronized FakeIdentityProvider shared() {
		if (shared == null) {
			shared = new FakeIdentityProvider();
		}
		return shared;
	}

	private FakeIdentityProvider() {
		try {
			key = new RSAKeyGenerator(2048).keyID("fake").generate();
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/as", this::chooseIdentity);
		server.createContext("/oauth2/authorize", this::authorize);
		server.createContext("/oauth2/token", this::token);
		server.createContext("/oauth2/jwks",
				exchange -> send(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
		server.createContext("/userinfo", this::userInfo);
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/**
	 * Opening this URL in a browser makes the provider sign that browser in as the given
	 * person.
	 */
	public String signInUrl(Identity identity) {
		String ticket = UUID.randomUUID().toString();
		browsers.put(ticket, identity);
		return url() + "/as?ticket=" + ticket;
	}

	private void chooseIdentity(HttpExchange exchange) throws IOException {
		String ticket = query(exchange).get("ticket");
		exchange.getResponseHeaders().add("Set-Cookie", "fake_idp=" + ticket + "; Path=/");
		send(exchange, 200, "text/plain", "ok");
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> query = query(exchange);
		String ticket = cookie(exchange, "fake_idp").orElse(null);
		Identity identity = ticket == null ? null : browsers.get(ticket);
		if (identity == null) {
			send(exchange, 400, "text/plain", "no identity chosen for this browser");
			return;
		}
		String code = UUID.randomUUID().toString();
		// Each sign-in ticket is one provider session; its sid goes into the ID token.
		codes.put(code, new PendingCode(identity, query.get("nonce"), ticket));
		exchange.getResponseHeaders()
			.add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
					+ URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
		send(exchange, 302, "text/plain", "");
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		PendingCode pending = codes.remove(form.get("code"));
		if (pending == null) {
			send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
			return;
		}
		String accessToken = UUID.randomUUID().toString();
		accessTokens.put(accessToken, pending.identity());
		Date now = new Date();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(url())
			.audience("review-app")
			.subject(pending.identity().subject())
			.issueTime(now)
			.expirationTime(new Date(now.getTime() + 600_000))
			.claim("auth_time", now.getTime() / 1000)
			.claim("nonce", pending.nonce())
			.claim("sid", pending.sid());
		identityClaims(pending.identity()).forEach(claims::claim);
		lastSids.put(pending.identity().subject(), pending.sid());
		String idToken = sign(claims.build());
		send(exchange, 200, "application/json",
				"""
						{"access_token":"%s","token_type":"Bearer","expires_in":600,"scope":"openid profile email school","id_token":"%s"}"""
					.formatted(accessToken, idToken));
	}

	/** The sid of the ID token last issued to this person. */
	public String lastSid(Identity identity) {
		return lastSids.get(identity.subject());
	}

	/**
	 * A signed back-channel logout token for the review app naming the person and, unless
	 * null, one provider session.
	 */
	public String logoutToken(Identity identity, String sid) {
		return logoutToken(identity, sid, Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
	}

	/**
	 * The logout token iCourse ID sends when the person's account was deleted: no sid,
	 * and the RISC account-purged event besides the back-channel logout one.
	 */
	public String accountPurgedToken(Identity identity) {
		return logoutToken(identity, null, Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of(),
				"https://schemas.openid.net/secevent/risc/event-type/account-purged", Map.of()));
	}

	private String logoutToken(Identity identity, String sid, Map<String, Object> events) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(url())
			.audience("review-app")
			.subject(identity.subject())
			.issueTime(new Date())
			.jwtID(UUID.randomUUID().toString())
			.claim("events", events);
		if (sid != null) {
			claims.claim("sid", sid);
		}
		return sign(claims.build());
	}

	/**
	 * An access token as iCourse ID issues one (Spring Authorization Server's JWTs): its
	 * client in {@code aud}, {@code nbf}, {@code exp} ten minutes on, the granted scopes
	 * as a list; about the person it acts for ({@code sub}: the subject this site knows,
	 * as for every token carrying a review scope), or about the client itself when
	 * {@code person} is null (client credentials: {@code sub} is the client id).
	 */
	public String accessToken(String clientId, Identity person, String... scopes) {
		return signed(accessTokenClaims(clientId, person, Instant.now(), scopes).build());
	}

	/**
	 * The claims of {@link #accessToken}, issued at the given time, to change or sign.
	 */
	public JWTClaimsSet.Builder accessTokenClaims(String clientId, Identity person, Instant issuedAt,
			String... scopes) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(url())
			.subject(person == null ? clientId : person.subject())
			.audience(List.of(clientId))
			.notBeforeTime(Date.from(issuedAt))
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(issuedAt.plusSeconds(600)));
		if (scopes.length > 0) {
			claims.claim("scope", List.of(scopes));
		}
		return claims;
	}

	/** Signs the claims with this provider's published key. */
	public String signed(JWTClaimsSet claims) {
		return sign(claims);
	}

	private String sign(JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		return jwt.serialize();
	}

	private void userInfo(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		Identity identity = authorization == null ? null
				: accessTokens.get(authorization.replaceFirst("(?i)^Bearer ", ""));
		if (identity == null) {
			send(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
			return;
		}
		Map<String, Object> claims = new HashMap<>(identityClaims(identity));
		claims.put("sub", identity.subject());
		send(exchange, 200, "application/json", JSONObjectUtils.toJSONString(claims));
	}

	private static Map<String, Object> identityClaims(Identity identity) {
		Map<String, Object> claims = new HashMap<>(Map.of("preferred_username", identity.username(), "name",
				identity.username(), "email", identity.username() + "@mail.ustc.edu.cn", "email_verified", true,
				"school", "ustc", "affiliation", identity.affiliation(), "roles", identity.roles()));
		if (identity.locale() != null) {
			claims.put("locale", identity.locale());
		}
		return claims;
	}

	private static Optional<String> cookie(HttpExchange exchange, String name) {
		List<String> headers = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
		for (String header : headers) {
			for (String pair : header.split(";")) {
				String[] parts = pair.strip().split("=", 2);
				if (parts.length == 2 && parts[0].equals(name)) {
					return Optional.of(parts[1]);
				}
			}
		}
		return Optional.empty();
	}

	private static Map<String, String> query(HttpExchange exchange) {
		return parse(exchange.getRequestURI().getRawQuery());
	}

	private static Map<String, String> parse(String encoded) {
		Map<String, String> values = new HashMap<>();
		if (encoded != null) {
			for (String pair : encoded.split("&")) {
				String[] parts = pair.split("=", 2);
				values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
						parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
			}
		}
		return values;
	}

	private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(status, status == 302 ? -1 : bytes.length);
		if (status != 302) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

}
