package club.icourse.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's journey across both apps, run from their jars: a new student registers at
 * iCourse ID, registers an app in the developer portal and uses it while it is pending;
 * an administrator approves it; a second student, who wrote a review on the review site,
 * signs in to the app, and the app reads that review through the review-data API with the
 * access token iCourse ID gave it.
 */
class DeveloperJourneyTest {

	private static final String CALLBACK = "http://127.0.0.1:9/journey/callback";

	private static final String PASSWORD = "correct horse battery";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aStudentsAppIsUsedWhilePendingApprovedAndReadsASecondStudentsReviews() throws Exception {
		String version = System.getProperty("project.version");
		Path root = Path.of("../..").toAbsolutePath().normalize();
		LocalProduct.Settings settings = new LocalProduct.Settings(
				Path.of("target/developer-journey-test").toAbsolutePath(),
				root.resolve("auth-server/target/auth-server-" + version + ".jar"),
				root.resolve("review-app/target/review-app-" + version + ".jar"), Ports.free(), Ports.free());
		try (LocalProduct product = LocalProduct.start(settings)) {
			String auth = product.authUrl();
			String review = product.reviewUrl();
			String name = "dev" + System.nanoTime() % 1_000_000_000L;
			String email = name + "@mail.ustc.edu.cn";

			String clientId;
			String secret;
			try (WebClient owner = LocalBrowsers.browser()) {
				registerAndConfirm(owner, auth, product.mailUrl(), email, name);
				HtmlPage registered = registerApp(owner, auth);
				assertThat(registered.asNormalizedText()).contains("Pending approval");
				clientId = registered.getHtmlElementById("client-id").asNormalizedText();
				secret = ((DomNode) registered.getHtmlElementById("new-secret").getFirstByXPath(".//code"))
					.asNormalizedText();

				String ownersToken = signInToTheApp(owner, auth, clientId, secret, "openid profile");
				assertThat(api(review + "/api/terms", ownersToken).statusCode())
					.as("its owner signs in to it while it is pending")
					.isEqualTo(200);
			}
			HttpResponse<String> courses = api(review + "/api/courses?limit=1", tokenForItself(auth, clientId, secret));
			assertThat(courses.statusCode()).as("the app reads public data with a token for itself").isEqualTo(200);
			assertThat(courses.headers().firstValue("RateLimit-Remaining")).isPresent();
			long course = firstId(courses.body());

			try (WebClient student = LocalBrowsers.browser()) {
				LocalBrowsers.signInAtTheReviewSite(student, review);
				writeAReview(student, review, course);

				student.getOptions().setRedirectEnabled(false);
				WebResponse refused = student.loadWebResponse(
						new WebRequest(authorizationRequest(auth, clientId, "openid reviews.read", "x").toURL()));
				assertThat(refused.getStatusCode()).as("not yet approved: a page, no code").isEqualTo(403);
				assertThat(refused.getResponseHeaderValue("Location")).isNull();
			}

			// An administrator approves it. The local run's demo admin must first set up
			// a second
			// factor to use the console, so the approval goes through the admin API
			// (docs/admin-api.md),
			// as an operator's script would; the console's queue is
			// DeveloperPortalTest's.
			String adminToken = accessToken(http.send(HttpRequest.newBuilder(URI.create(auth + "/oauth2/token"))
				.header("Authorization", basic("admin-cli", LocalProduct.ADMIN_CLI_SECRET))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=icourse.admin"))
				.build(), HttpResponse.BodyHandlers.ofString()));
			HttpResponse<String> approved = http
				.send(HttpRequest.newBuilder(URI.create(auth + "/api/admin/developer-apps/" + clientId + "/approve"))
					.header("Authorization", "Bearer " + adminToken)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"journey test\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(approved.statusCode()).as(approved.body()).isBetween(200, 299);

			try (WebClient student = LocalBrowsers.browser()) {
				signIn(student, auth, "student@mail.ustc.edu.cn", LocalProduct.DEMO_PASSWORD);
				String token = signInToTheApp(student, auth, clientId, secret, "openid reviews.read");
				HttpResponse<String> own = api(review + "/api/me/reviews", token);
				assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
				assertThat(own.body()).contains("\"courseId\":" + course, "Journey review");
				assertThat(api(review + "/api/me", token).body()).contains("\"username\":\"demo-student\"");
			}
		}
	}

	/** Registers with a school address and confirms it by the mailed link. */
	private void registerAndConfirm(WebClient browser, String auth, String mailUrl, String email, String username)
			throws Exception {
		HtmlPage form = browser.getPage(auth + "/register");
		HtmlForm register = form.getHtmlElementById("register-form");
		register.getInputByName("email").setValue(email);
		register.getInputByName("username").setValue(username);
		register.getInputByName("password").setValue(PASSWORD);
		((HtmlButton) register.getFirstByXPath(".//button[@type='submit']")).click();
		String link = null;
		for (int i = 0; i < 100 && link == null; i++) {
			link = confirmationLink(get(mailUrl), email);
			if (link == null) {
				// The outbox delivers within moments; poll the mail catcher until then.
				LockSupport.parkNanos(200_000_000L);
			}
		}
		assertThat(link).as("the confirmation mail").isNotNull();
		HtmlPage confirm = browser.getPage(link.replace("&amp;", "&"));
		HtmlForm confirmForm = confirm.getForms()
			.stream()
			.filter(f -> f.getActionAttribute().contains("/confirm"))
			.findFirst()
			.orElseThrow();
		((HtmlButton) confirmForm.getFirstByXPath(".//button[@type='submit']")).click();
		signIn(browser, auth, email, PASSWORD);
	}

	private static String confirmationLink(String mailPage, String email) {
		for (String article : mailPage.split("<article>")) {
			if (article.contains(email)) {
				Matcher link = Pattern.compile("href=\"([^\"]*confirm[^\"]*)\"").matcher(article);
				if (link.find()) {
					return link.group(1);
				}
			}
		}
		return null;
	}

	private static HtmlPage registerApp(WebClient owner, String auth) throws IOException {
		HtmlPage page = owner.getPage(auth + "/developers/new");
		HtmlForm app = page.getHtmlElementById("app-form");
		app.getInputByName("name").setValue("Timetable helper");
		app.getInputByName("homepageUri").setValue("https://timetable.example");
		app.getInputByName("policyUri").setValue("https://timetable.example/privacy");
		app.getInputByName("tosUri").setValue("https://timetable.example/terms");
		app.getTextAreaByName("redirectUris").setText(CALLBACK);
		app.getInputByValue("profile").setChecked(true);
		app.getInputByValue("reviews.read").setChecked(true);
		return ((HtmlButton) app.getFirstByXPath(".//button[@type='submit']")).click();
	}

	/**
	 * The app's sign-in for a person signed in at iCourse ID in this browser:
	 * authorization code with PKCE, through the consent page; returns the access token.
	 */
	private String signInToTheApp(WebClient browser, String auth, String clientId, String secret, String scope)
			throws Exception {
		String verifier = random();
		String challenge = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		browser.getOptions().setRedirectEnabled(false);
		WebResponse answer = browser
			.loadWebResponse(new WebRequest(authorizationRequest(auth, clientId, scope, challenge).toURL()));
		String location = answer.getResponseHeaderValue("Location");
		assertThat(location).as(answer.getContentAsString()).isNotNull();
		if (URI.create(location).getPath().equals("/oauth2/consent")) {
			browser.getOptions().setRedirectEnabled(true);
			HtmlPage consent = browser.getPage(location.startsWith("http") ? location : auth + location);
			browser.getOptions().setRedirectEnabled(false);
			// the answer is the redirect to the site: a 302 is what we want to read here
			browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
			location = ((HtmlButton) consent.getHtmlElementById("allow").getFirstByXPath(".//button")).click()
				.getWebResponse()
				.getResponseHeaderValue("Location");
			browser.getOptions().setThrowExceptionOnFailingStatusCode(true);
		}
		browser.getOptions().setRedirectEnabled(true);
		assertThat(location).startsWith(CALLBACK);
		Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
		assertThat(code.find()).as(location).isTrue();
		return accessToken(http.send(HttpRequest.newBuilder(URI.create(auth + "/oauth2/token"))
			.header("Authorization", basic(clientId, secret))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("grant_type=authorization_code&code=" + code.group(1) + "&redirect_uri="
						+ URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + "&code_verifier=" + verifier))
			.build(), HttpResponse.BodyHandlers.ofString()));
	}

	private String tokenForItself(String auth, String clientId, String secret) throws Exception {
		return accessToken(http.send(HttpRequest.newBuilder(URI.create(auth + "/oauth2/token"))
			.header("Authorization", basic(clientId, secret))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString()));
	}

	private static String accessToken(HttpResponse<String> tokens) {
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		Matcher accessToken = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(tokens.body());
		assertThat(accessToken.find()).isTrue();
		return accessToken.group(1);
	}

	private static String basic(String clientId, String secret) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	private static URI authorizationRequest(String auth, String clientId, String scope, String challenge) {
		return URI.create(auth + "/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
				+ URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + "&scope="
				+ URLEncoder.encode(scope, StandardCharsets.UTF_8) + "&state=" + random() + "&code_challenge="
				+ challenge + "&code_challenge_method=S256");
	}

	/** Signs in at iCourse ID, unless this browser is signed in there already. */
	private static void signIn(WebClient browser, String auth, String email, String password) throws IOException {
		HtmlPage login = browser.getPage(auth + "/login");
		Optional<HtmlForm> found = login.getForms()
			.stream()
			.filter(f -> f.getActionAttribute().endsWith("/login") && f.getInputsByName("password").size() == 1)
			.findFirst();
		if (found.isEmpty()) {
			return;
		}
		HtmlForm form = found.get();
		form.getInputByName("username").setValue(email);
		form.getInputByName("password").setValue(password);
		((HtmlButton) form.getFirstByXPath(".//button[@type='submit']")).click();
	}

	private static void writeAReview(WebClient browser, String review, long course) throws IOException {
		HtmlPage page = browser.getPage(review + "/courses/" + course + "/review");
		HtmlForm form = page.getHtmlElementById("review-form");
		form.getTextAreaByName("content").setText("Journey review: clear lectures.");
		HtmlPage published = ((HtmlButton) form.getFirstByXPath(".//button[@type='submit' and not(@name)]")).click();
		assertThat(published.getWebResponse().getStatusCode()).as(published.asNormalizedText()).isEqualTo(200);
	}

	private HttpResponse<String> api(String url, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static long firstId(String part) {
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(part);
		assertThat(id.find()).as("a course in " + part).isTrue();
		return Long.parseLong(id.group(1));
	}

	private String get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private static String random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
