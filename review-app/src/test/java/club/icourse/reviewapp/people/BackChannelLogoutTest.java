package club.icourse.reviewapp.people;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider;
import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * iCourse ID's back-channel logout tokens end the review-app sessions they name: with a
 * {@code sid}, only the sessions of that sign-in at the provider; with only {@code sub},
 * all of the person's sessions.
 */
@ReviewAppTest
class BackChannelLogoutTest {

	@LocalServerPort
	int port;

	@Test
	void aLogoutTokenWithASidEndsOnlyThatSignInAndOneWithOnlyTheSubjectEndsThemAll() throws Exception {
		FakeIdentityProvider provider = FakeIdentityProvider.shared();
		Identity student = Identity.student("bcl-" + System.nanoTime() % 100000);
		try (ReviewBrowser first = new ReviewBrowser(port);
				ReviewBrowser second = new ReviewBrowser(port);
				ReviewBrowser third = new ReviewBrowser(port)) {
			first.signIn(student);
			String firstSid = provider.lastSid(student);
			second.signIn(student);
			String secondSid = provider.lastSid(student);
			assertThat(firstSid).isNotEqualTo(secondSid);

			assertThat(sendLogoutToken(provider.logoutToken(student, firstSid))).isEqualTo(200);
			assertThat(signedIn(first, student)).as("the session with the token's sid ends").isFalse();
			assertThat(signedIn(second, student)).as("the session of another sign-in stays").isTrue();

			third.signIn(student);
			assertThat(sendLogoutToken(provider.logoutToken(student, null))).isEqualTo(200);
			assertThat(signedIn(third, student)).as("a token without sid ends every session").isFalse();
			assertThat(signedIn(second, student)).as("a token without sid ends every session").isFalse();
		}
	}

	private static boolean signedIn(ReviewBrowser browser, Identity identity) throws Exception {
		return browser.open("/").asNormalizedText().contains(identity.username());
	}

	private int sendLogoutToken(String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + port + "/logout/connect/back-channel/icourse"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
