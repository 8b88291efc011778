package club.icourse.reviewapp.people;

import static org.assertj.core.api.Assertions.assertThat;

import static club.icourse.db.review.Tables.PERSON;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signing in starts an OpenID Connect authorization request to iCourse ID, with PKCE, and
 * records who signed in.
 */
@ReviewAppTest
class SignInTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Test
	void theSignInLinkSendsThePersonToTheProviderWithPkce() throws Exception {
		HttpResponse<String> home = get("/");
		assertThat(home.body()).contains("/oauth2/authorization/icourse");

		HttpResponse<String> redirect = get("/oauth2/authorization/icourse");
		assertThat(redirect.statusCode()).isEqualTo(302);
		URI authorize = URI.create(redirect.headers().firstValue("Location").orElseThrow());
		assertThat(authorize.getPath()).isEqualTo("/oauth2/authorize");
		assertThat(authorize.getQuery()).contains("client_id=review-app", "code_challenge_method=S256",
				"code_challenge=", "scope=openid profile email school", "nonce=", "state=");
	}

	@Test
	void signingInRecordsThePersonByIssuerAndSubjectAndFollowsTheirRoles() throws Exception {
		Identity student = Identity.student("stu-" + System.nanoTime() % 100000);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			assertThat(browser.signIn(student).asNormalizedText()).contains(student.username(), "Sign out");
			assertThat(browser.status("/admin/catalogue")).as("a student is no administrator").isEqualTo(403);
		}
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(student);
		}
		assertThat(dsl.fetchCount(PERSON, PERSON.SUBJECT.eq(student.subject())))
			.as("one person, however often they sign in")
			.isEqualTo(1);

		Identity admin = Identity.admin("adm-" + System.nanoTime() % 100000);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(admin);
			assertThat(browser.status("/admin/catalogue")).as("an administrator at the provider is one here")
				.isNotEqualTo(403);
		}
	}

	@Test
	void everyPagesHeaderSaysWhoIsSignedInAndWhetherTheyAdministerEvenAMissingPage() throws Exception {
		Identity student = Identity.student("hdr-" + System.nanoTime() % 100000);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(student);
			for (String path : new String[] { "/", "/courses", "/search?q=abc", "/courses/987654321" }) {
				HtmlPage page = browser.open(path);
				assertThat(page.getAnchorByHref("/people/" + student.username()).asNormalizedText()).as(path)
					.isEqualTo(student.username());
				assertThat(page.getHtmlElementById("site-nav").asNormalizedText()).as(path)
					.contains("Sign out")
					.doesNotContain("Sign in", "Admin");
			}
		}
		Identity admin = Identity.admin("hda-" + System.nanoTime() % 100000);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(admin);
			assertThat(browser.open("/courses/987654321").getAnchorByHref("/admin/reports").asNormalizedText())
				.isEqualTo("Admin");
		}
		try (ReviewBrowser visitor = new ReviewBrowser(port)) {
			assertThat(visitor.open("/courses").getHtmlElementById("site-nav").asNormalizedText()).contains("Sign in")
				.doesNotContain("Sign out");
		}
	}

	@Test
	void signingOutHereSignsThePersonOutAtTheProviderTooAndComesBackHere() throws Exception {
		Identity student = Identity.student("out-" + System.nanoTime() % 100000);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			HtmlPage home = browser.signIn(student);
			browser.client().getOptions().setRedirectEnabled(false);
			WebResponse signedOut = browser.client().loadWebResponse(browser.form(home, "/logout").getWebRequest(null));
			assertThat(signedOut.getStatusCode()).isEqualTo(302);
			URI logout = URI.create(signedOut.getResponseHeaderValue("Location"));
			assertThat(logout.getPath()).isEqualTo("/connect/logout");
			assertThat(logout.getQuery()).contains("id_token_hint=ey",
					"post_logout_redirect_uri=" + browser.url("/").toString().replace("localhost", "127.0.0.1"));
			browser.client().getOptions().setRedirectEnabled(true);
			assertThat(browser.open("/").asNormalizedText()).doesNotContain(student.username());
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Accept-Language", "en")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
