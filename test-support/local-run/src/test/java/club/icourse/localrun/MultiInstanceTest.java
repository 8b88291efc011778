package club.icourse.localrun;

import static club.icourse.localrun.Cluster.form;
import static club.icourse.localrun.Cluster.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Two instances of each app on one database, behind round-robin balancers: one person's
 * consecutive requests land on alternate instances and everything still works, because
 * nothing an instance keeps in memory is needed by another (sessions, authorization
 * codes, tokens, keys and rate limits live in MariaDB), and a scheduled job that must run
 * once does.
 */
class MultiInstanceTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aPersonServedByAlternateInstancesSignsInAndPostsAReviewAndTheInstancesShareEverything() throws Exception {
		Cluster cluster = Cluster.shared();
		long course = cluster.newCourse();
		int authServed = cluster.authProxy.served(0) + cluster.authProxy.served(1);
		try (WebClient browser = cluster.signedIn("student@mail.ustc.edu.cn", "198.51.100.10")) {
			HtmlPage reviewForm = browser.getPage(cluster.reviewPublic + "/courses/" + course + "/review");
			HtmlPage coursePage = submit(form(reviewForm, "/review"), Map.of("content", "两个实例轮流处理，仍然写成了这条点评"));
			assertThat(coursePage.asNormalizedText()).contains("两个实例轮流处理，仍然写成了这条点评", "demo-student");
			for (int page = 0; page < 4; page++) {
				assertThat(browser.<HtmlPage>getPage(cluster.reviewPublic + "/").asNormalizedText())
					.as("signed in on either instance")
					.contains("demo-student");
			}
		}
		assertThat(cluster.authProxy.served(0) + cluster.authProxy.served(1) - authServed)
			.as("the sign-in took several requests to the identity provider, so both instances served it")
			.isGreaterThan(2);
		assertThat(List.of(cluster.authProxy.served(0), cluster.authProxy.served(1), cluster.reviewProxy.served(0),
				cluster.reviewProxy.served(1)))
			.as("every instance served")
			.allMatch(count -> count > 0);

		assertThat(firstRefusedSignIn(cluster, "198.51.100.11"))
			.as("the sign-in limit (10 a minute per address) counts both instances' sign-ins")
			.isBetween(9, 11);

		String token = clientCredentialsToken(cluster.instance(Cluster.App.AUTH, 0).url());
		assertThat(introspect(cluster.instance(Cluster.App.AUTH, 1).url(), token))
			.as("a token from one instance is known to the other")
			.contains("\"active\":true");

		assertThat(cluster.siteFiguresRefreshedAt).as("the start-up refresh ran, on the first instance only")
			.isNotNull()
			.isBefore(cluster.secondStartedAt);
	}

	/**
	 * Failed sign-ins through the balancer from one address until one is refused; the
	 * number of the refused one.
	 */
	private static int firstRefusedSignIn(Cluster cluster, String clientAddress) throws Exception {
		try (WebClient browser = Cluster.browser(clientAddress)) {
			browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
			for (int attempt = 1; attempt <= 20; attempt++) {
				HtmlPage login = browser.getPage(cluster.authPublic + "/login");
				if (login.getWebResponse().getStatusCode() == 429) {
					return attempt;
				}
				HtmlPage answer = submit(form(login, "/login"),
						Map.of("username", "nobody-" + attempt + "-" + clientAddress, "password", "wrong password"));
				if (answer.getWebResponse().getStatusCode() == 429) {
					return attempt;
				}
			}
			return 0;
		}
	}

	private String clientCredentialsToken(String authUrl) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(authUrl + "/oauth2/token"))
			.header("Authorization", basic())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=icourse.admin"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

	private String introspect(String authUrl, String token) throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create(authUrl + "/oauth2/introspect"))
				.header("Authorization", basic())
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("token=" + token))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString(("admin-cli:" + Cluster.ADMIN_CLI_SECRET).getBytes(StandardCharsets.UTF_8));
	}

}
