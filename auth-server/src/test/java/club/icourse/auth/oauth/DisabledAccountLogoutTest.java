package club.icourse.auth.oauth;

import static club.icourse.db.auth.Tables.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Disabling an account in the admin console ends its session at a third-party site too:
 * the site gets a back-channel logout token for the person (no sid: every session), and
 * the tokens it holds stop working at once.
 */
@AuthServerTest
class DisabledAccountLogoutTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	DSLContext dsl;

	@Autowired
	LogoutDeliverySender sender;

	@Test
	void disablingAnAccountEndsItsSessionAtAThirdPartySite() throws Exception {
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
			Person admin = TestAccounts.registerAdmin(port, dsl);
			Person person = TestAccounts.registerAndConfirm(port);
			TestSite thirdParty = new TestSite(clients, port, URI.create("http://127.0.0.1:9/third/callback"), false,
					"http://127.0.0.1:" + site.getAddress().getPort() + "/backchannel-logout");
			OIDCTokenResponse tokens = ThirdPartySignIn.signInAllowing(port, thirdParty, person);
			String pairwiseSubject = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject();
			String issuer = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getIssuer();
			String subject = dsl.select(ACCOUNT.SUBJECT)
				.from(ACCOUNT)
				.where(ACCOUNT.EMAIL.eq(person.email()))
				.fetchSingle()
				.value1();

			try (Browser console = new Browser(port)) {
				console.signIn(admin.email(), admin.password());
				HtmlPage page = console.open("/admin/accounts/" + subject);
				((HtmlButton) page.getForms()
					.stream()
					.filter(form -> form.getActionAttribute().endsWith("/disable"))
					.findFirst()
					.orElseThrow()
					.getFirstByXPath(".//button")).click();
			}
			sender.sendDue();

			LogoutTokenClaimsSet claims = new LogoutTokenValidator(new Issuer(issuer),
					new ClientID(thirdParty.clientId), JWSAlgorithm.RS256, thirdParty.endpoint("/oauth2/jwks").toURL())
				.validate(JWTParser.parse(received.get(20, TimeUnit.SECONDS)));
			assertThat(claims.getSubject().getValue()).isEqualTo(pairwiseSubject);
			assertThat(claims.getSessionID()).as("every session of the person").isNull();
			assertThat(JSONObjectUtils.getJSONObject(claims.toJSONObject(), "events"))
				.containsOnlyKeys("http://schemas.openid.net/event/backchannel-logout");

			UserInfoResponse userInfo = UserInfoResponse.parse(
					new UserInfoRequest(thirdParty.endpoint("/userinfo"), tokens.getOIDCTokens().getBearerAccessToken())
						.toHTTPRequest()
						.send());
			assertThat(userInfo.indicatesSuccess()).as("the site's access token ended").isFalse();
			TokenResponse refreshed = TokenResponse
				.parse(new TokenRequest(thirdParty.endpoint("/oauth2/token"), thirdParty.authentication,
						new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()))
					.toHTTPRequest()
					.send());
			assertThat(refreshed.indicatesSuccess()).as("and its refresh token").isFalse();
		}
		finally {
			site.stop(0);
		}
	}

}
