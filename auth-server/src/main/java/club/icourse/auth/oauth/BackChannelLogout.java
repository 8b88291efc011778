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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Service;

/**
 * OpenID Connect Back-Channel Logout 1.0, which the framework does not offer as a
 * provider: when a person signs out here, every client they signed in to from this
 * browser session (its grants carry the session's sid) that registered a back-channel
 * logout URI receives a signed logout token with their subject and that sid, server to
 * server, so that it ends its own session too. Deliveries run in parallel; the sign-out
 * waits for them a moment (so that the sites are usually signed out when the page comes
 * back) but never longer: a client that does not answer gets its token in the background.
 */
@Service
public class BackChannelLogout implements LogoutHandler {

	private static final Logger log = LoggerFactory.getLogger(BackChannelLogout.class);

	private static final Duration WAIT = Duration.ofSeconds(2);

	private final DSLContext dsl;

	private final RegisteredClientRepository clients;

	private final LogoutTokens logoutTokens;

	private final IdentityClaims claims;

	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(3))
		.build();

	BackChannelLogout(DSLContext dsl, RegisteredClientRepository clients, LogoutTokens logoutTokens,
			IdentityClaims claims) {
		this.dsl = dsl;
		this.clients = clients;
		this.logoutTokens = logoutTokens;
		this.claims = claims;
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
		String issuer = logoutTokens.issuer(request);
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
				String token = logoutTokens.sign(issuer, client.getClientId(),
						claims.subject(authentication.getName(), client), sid,
						List.of(LogoutTokens.BACKCHANNEL_LOGOUT));
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

}
