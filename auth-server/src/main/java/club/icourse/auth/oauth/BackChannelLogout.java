package club.icourse.auth.oauth;

import static club.icourse.db.auth.Tables.OAUTH2_AUTHORIZATION;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect Back-Channel Logout 1.0, which the framework does not offer as a
 * provider: when a person signs out here, every client they signed in to from this
 * browser session (its grants carry the session's sid) that registered a back-channel
 * logout URI receives a signed logout token with their subject and that sid, server to
 * server, so that it ends its own session too. Deliveries run in parallel; the sign-out
 * waits for them a moment (so that the sites are usually signed out when the page comes
 * back) but never longer: a client that does not answer gets its token in the background.
 */
@Component
public class BackChannelLogout implements LogoutHandler {

	private static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

	private static final Logger log = LoggerFactory.getLogger(BackChannelLogout.class);

	private static final Duration WAIT = Duration.ofSeconds(2);

	private final DSLContext dsl;

	private final RegisteredClientRepository clients;

	private final JwtEncoder tokens;

	private final IdentityClaims claims;

	private final OidcProperties properties;

	private final Clock clock;

	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(3))
		.build();

	BackChannelLogout(DSLContext dsl, RegisteredClientRepository clients, JwtEncoder tokens, IdentityClaims claims,
			OidcProperties properties, Clock clock) {
		this.dsl = dsl;
		this.clients = clients;
		this.tokens = tokens;
		this.claims = claims;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return;
		}
		HttpSession session = request.getSession(false);
		if (session == null) {
			return;
		}
		String sid = BrowserSessionOfGrant.sid(session.getId());
		String issuer = issuer(request);
		List<String> clientIds = dsl.selectDistinct(OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID)
			.from(OAUTH2_AUTHORIZATION)
			.where(OAUTH2_AUTHORIZATION.PRINCIPAL_NAME.eq(authentication.getName()))
			.and(OAUTH2_AUTHORIZATION.ATTRIBUTES.contains("\"" + sid + "\""))
			.fetch(OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID);
		List<CompletableFuture<Void>> deliveries = new ArrayList<>();
		for (String id : clientIds) {
			RegisteredClient client = clients.findById(id);
			Object uri = client == null ? null
					: client.getClientSettings().getSetting(ClientOptions.BACKCHANNEL_LOGOUT_URI);
			if (uri instanceof String logoutUri && !logoutUri.isBlank()) {
				String token = logoutToken(issuer, client, authentication.getName(), sid);
				deliveries
					.add(CompletableFuture.runAsync(() -> deliver(client.getClientId(), logoutUri, token), senders));
			}
		}
		try {
			CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new))
				.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException slow) {
			log.info("Back-channel logout still under way after {}", WAIT);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private String logoutToken(String issuer, RegisteredClient client, String accountSubject, String sid) {
		Instant now = clock.instant();
		JwtClaimsSet logoutClaims = JwtClaimsSet.builder()
			.issuer(issuer)
			.audience(List.of(client.getClientId()))
			.subject(claims.subject(accountSubject, client))
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofMinutes(2)))
			.id(UUID.randomUUID().toString())
			.claim("sid", sid)
			.claim("events", Map.of(EVENT, Map.of()))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt").build();
		return tokens.encode(JwtEncoderParameters.from(header, logoutClaims)).getTokenValue();
	}

	private void deliver(String clientId, String logoutUri, String token) {
		try {
			HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(logoutUri))
				.timeout(Duration.ofSeconds(5))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.discarding());
			if (answer.statusCode() >= 300) {
				log.warn("Back-channel logout at client {} answered {}", clientId, answer.statusCode());
			}
		}
		catch (Exception e) {
			log.warn("Back-channel logout at client {} failed: {}", clientId, e.toString());
		}
	}

	private String issuer(HttpServletRequest request) {
		if (properties.issuer() != null && !properties.issuer().isBlank()) {
			return properties.issuer();
		}
		String port = (request.getScheme().equals("http") && request.getServerPort() == 80)
				|| (request.getScheme().equals("https") && request.getServerPort() == 443) ? ""
						: ":" + request.getServerPort();
		return request.getScheme() + "://" + request.getServerName() + port;
	}

}
