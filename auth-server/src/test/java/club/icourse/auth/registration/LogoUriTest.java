package club.icourse.auth.registration;

import static club.icourse.db.auth.Tables.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerTest;
import club.icourse.auth.TestAccounts;
import club.icourse.auth.audit.Actor;
import club.icourse.auth.developers.DeveloperApps;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A {@code logo_uri} from dynamic registration is kept and returned as registered, but
 * never fetched (docs/dynamic-registration.md says why): the server behind it gets no
 * request, the app has no logo, so the consent page and the portal show none, until the
 * owner uploads one in the portal.
 */
@AuthServerTest
class LogoUriTest {

	@LocalServerPort
	int port;

	@Autowired
	InitialAccessTokens tokens;

	@Autowired
	DeveloperApps apps;

	@Autowired
	DSLContext dsl;

	@Test
	void theLogoUriIsNeverFetchedAndNoLogoIsShown() throws Exception {
		String email = TestAccounts.registerAndConfirm(port).email();
		var owner = dsl.select(ACCOUNT.SUBJECT, ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.EMAIL.eq(email)).fetchSingle();
		AtomicInteger requests = new AtomicInteger();
		byte[] png = png();
		HttpServer logoServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		logoServer.createContext("/", exchange -> {
			requests.incrementAndGet();
			exchange.getResponseHeaders().add("Content-Type", "image/png");
			exchange.sendResponseHeaders(200, png.length);
			exchange.getResponseBody().write(png);
			exchange.close();
		});
		logoServer.start();
		try {
			String logoUri = "http://127.0.0.1:" + logoServer.getAddress().getPort() + "/logo.png";
			IssuedToken token = tokens.issue(
					InitialAccessTokens.Request.forOwner(owner.value1(), Duration.ofHours(1), 1, "logo_uri test"),
					Actor.SYSTEM);
			HttpResponse<String> registered = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connect/register"))
					.header("Authorization", "Bearer " + token.value())
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("""
							{"redirect_uris": ["https://logo.example/cb"], "logo_uri": "%s"}""".formatted(logoUri)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
			Map<String, Object> client = JSONObjectUtils.parse(registered.body());
			assertThat(client).as("kept and returned as registered").containsEntry("logo_uri", logoUri);
			String clientId = (String) client.get("client_id");

			assertThat(requests.get()).as("requests to the logo_uri").isZero();
			assertThat(apps.find(clientId).orElseThrow().hasLogo()).isFalse();
			assertThat(apps.logo(clientId)).isEmpty();

			apps.changeLogo(clientId, owner.value2(), png);
			assertThat(apps.find(clientId).orElseThrow().hasLogo()).as("uploaded by the owner").isTrue();
			assertThat(requests.get()).isZero();
		}
		finally {
			logoServer.stop(0);
		}
	}

	private static byte[] png() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

}
