package club.icourse.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Signing out at the provider sends each signed-in site a logout token that any OIDC
 * library accepts.
 */
@AuthServerTest
class BackChannelLogoutTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Test
	void signingOutSendsTheSiteAValidLogoutTokenForItsSubject() throws Exception {
		CompletableFuture<String> received = new CompletableFuture<>();
		HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		site.createContext("/backchannel-logout", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			received.complete(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		site.start();
		try {
			Person person = TestAccounts.registerAndConfirm(port);
			TestSite client = new TestSite(clients, port, URI.create("http://127.0.0.1:9/bc/callback"), true,
					"http://127.0.0.1:" + site.getAddress().getPort() + "/backchannel-logout");
			OIDCTokenResponse tokens;
			String sessionCookie;
			try (Browser browser = new Browser(port)) {
				browser.signIn(person.email(), person.password());
				sessionCookie = browser.client().getCookieManager().getCookie(Browser.SESSION_COOKIE).getValue();
				CodeVerifier verifier = new CodeVerifier();
				tokens = (OIDCTokenResponse) client.redeem(client.code(browser, verifier, new Nonce()), verifier)
					.toSuccessResponse();
				browser.client().getOptions().setRedirectEnabled(true);
				browser.signOut();
			}

			String logoutToken = received.get(20, TimeUnit.SECONDS);
			String issuer = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getIssuer();
			LogoutTokenClaimsSet claims = new LogoutTokenValidator(new Issuer(issuer), new ClientID(client.clientId),
					JWSAlgorithm.RS256, client.endpoint("/oauth2/jwks").toURL())
				.validate(JWTParser.parse(logoutToken));
			assertThat(claims.getSubject().getValue())
				.isEqualTo(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject());
			// The browser session: named in the ID token, and the same in the logout
			// token.
			String sid = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getStringClaim("sid");
			assertThat(sid).isNotBlank().doesNotContain(sessionCookie);
			assertThat(claims.getSessionID().getValue()).isEqualTo(sid);
		}
		finally {
			site.stop(0);
		}
	}

	@Test
	void discoverySaysLogoutTokensNameTheSession() throws Exception {
		String discovery = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/.well-known/openid-configuration"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(discovery).contains("\"backchannel_logout_supported\":true",
				"\"backchannel_logout_session_supported\":true");
	}

}
