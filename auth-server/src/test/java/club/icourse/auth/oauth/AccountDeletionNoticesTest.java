package club.icourse.auth.oauth;

import static club.icourse.db.auth.Tables.LOGOUT_DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.Browser;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Deleting an account tells every site it signed in to that registered a back-channel
 * logout URI, durably: a logout token without sid that carries the RISC account-purged
 * event, retried until the site takes it (docs/account-deletion.md).
 */
@AuthServerTest
class AccountDeletionNoticesTest {

	@LocalServerPort
	int port;

	@Autowired
	RegisteredClientRepository clients;

	@Autowired
	DSLContext dsl;

	@Autowired
	LogoutDeliverySender sender;

	@Test
	void deletingAnAccountQueuesAPurgeTokenPerBackChannelSiteAndRetriesUntilTheSiteTakesIt() throws Exception {
		AtomicInteger posts = new AtomicInteger();
		CompletableFuture<String> received = new CompletableFuture<>();
		HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		site.createContext("/backchannel-logout", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (posts.incrementAndGet() == 1) {
				exchange.sendResponseHeaders(503, -1);
			}
			else {
				received.complete(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8));
				exchange.sendResponseHeaders(200, -1);
			}
			exchange.close();
		});
		site.start();
		try {
			Person person = TestAccounts.registerAndConfirm(port);
			TestSite told = new TestSite(clients, port, URI.create("http://127.0.0.1:9/told/callback"), false,
					"http://127.0.0.1:" + site.getAddress().getPort() + "/backchannel-logout");
			TestSite untold = new TestSite(clients, port, URI.create("http://127.0.0.1:9/untold/callback"), true);
			String pairwiseSubject;
			String issuer;
			try (Browser browser = new Browser(port)) {
				browser.signIn(person.email(), person.password());
				OIDCTokenResponse tokens = ThirdPartySignIn.signInAllowing(browser, told);
				pairwiseSubject = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject();
				issuer = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getIssuer();
				ThirdPartySignIn.signInAllowing(browser, untold);

				browser.submit(browser.open("/account"), "/account/delete", "password", person.password());
			}

			assertThat(dsl.fetchCount(LOGOUT_DELIVERY, LOGOUT_DELIVERY.CLIENT_ID.eq(told.clientId)))
				.as("one delivery for the site with a back-channel URI")
				.isEqualTo(1);
			assertThat(dsl.fetchCount(LOGOUT_DELIVERY, LOGOUT_DELIVERY.CLIENT_ID.eq(untold.clientId)))
				.as("none for a site without one")
				.isZero();

			sender.sendDue();
			assertThat(posts.get()).as("the first attempt is refused").isEqualTo(1);
			var row = dsl.selectFrom(LOGOUT_DELIVERY).where(LOGOUT_DELIVERY.CLIENT_ID.eq(told.clientId)).fetchSingle();
			assertThat(row.getDeliveredAt()).as("a refused token is not delivered").isNull();
			assertThat(row.getLastError()).contains("503");
			assertThat(row.getNextAttemptAt()).as("it is tried again later").isAfter(row.getCreatedAt());

			// Its retry comes due.
			dsl.update(LOGOUT_DELIVERY)
				.set(LOGOUT_DELIVERY.NEXT_ATTEMPT_AT, row.getCreatedAt())
				.where(LOGOUT_DELIVERY.ID.eq(row.getId()))
				.execute();
			sender.sendDue();
			String logoutToken = received.get(20, TimeUnit.SECONDS);
			assertThat(dsl.selectFrom(LOGOUT_DELIVERY).where(LOGOUT_DELIVERY.ID.eq(row.getId())).fetchSingle())
				.satisfies(delivered -> {
					assertThat(delivered.getDeliveredAt()).isNotNull();
					assertThat(delivered.getAttempts()).isEqualTo(2);
				});

			LogoutTokenClaimsSet claims = new LogoutTokenValidator(new Issuer(issuer), new ClientID(told.clientId),
					JWSAlgorithm.RS256, told.endpoint("/oauth2/jwks").toURL())
				.validate(JWTParser.parse(logoutToken));
			assertThat(claims.getSubject().getValue()).as("the site's pairwise subject").isEqualTo(pairwiseSubject);
			assertThat(claims.getSessionID()).as("no sid: every session of the person ends").isNull();
			assertThat(JSONObjectUtils.getJSONObject(claims.toJSONObject(), "events")).containsOnlyKeys(
					"http://schemas.openid.net/event/backchannel-logout",
					"https://schemas.openid.net/secevent/risc/event-type/account-purged");

			sender.sendDue();
			assertThat(posts.get()).as("a delivered token is not sent again").isEqualTo(2);
		}
		finally {
			site.stop(0);
		}
	}

}
