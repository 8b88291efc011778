package club.icourse.auth.ratelimit;

import static club.icourse.db.auth.Tables.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.auth.AuthServerApplication;
import club.icourse.auth.AuthServerTest;
import club.icourse.auth.AuthTestInfrastructure;
import club.icourse.auth.Browser;
import club.icourse.auth.Mailbox;
import static club.icourse.auth.Spellings.fullWidth;

import club.icourse.auth.TestAccounts;
import club.icourse.auth.TestAccounts.Person;
import club.icourse.auth.signin.SignInNames;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Locale;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Limits on, and small, in a context of their own; a second instance shares the same
 * database.
 */
@AuthServerTest
@TestPropertySource(properties = { "icourse.rate-limits.enabled=true",
		"icourse.rate-limits.limits.sign-in-ip.capacity=1000", "icourse.rate-limits.limits.sign-in-account.capacity=3",
		"icourse.rate-limits.limits.availability-ip.capacity=2" })
class RateLimitTest {

	@LocalServerPort
	int port;

	@Autowired
	RateLimiter rateLimiter;

	@Autowired
	DSLContext dsl;

	@Test
	void aBucketAllowsItsCapacityThenSaysHowLongToWait() {
		String key = Mailbox.newUsername();
		for (int i = 0; i < 3; i++) {
			assertThat(rateLimiter.tryConsume(RateLimit.SIGN_IN_ACCOUNT, key).allowed()).isTrue();
		}
		RateLimitDecision refused = rateLimiter.tryConsume(RateLimit.SIGN_IN_ACCOUNT, "  " + key.toUpperCase() + " ");
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfter()).isPositive();
		assertThat(rateLimiter.tryConsume(RateLimit.SIGN_IN_ACCOUNT, Mailbox.newUsername()).allowed()).isTrue();
	}

	/**
	 * The first requests of a key at the same moment each create its bucket row: two
	 * transactions that both found no row and both insert it deadlock in MariaDB (gap
	 * locks), and one of them was answered 503. Each is counted once, none fails.
	 */
	@Test
	void firstRequestsOfOneKeyAtTheSameMomentAreEachCountedOnce() throws Exception {
		int requests = 8;
		ExecutorService threads = Executors.newFixedThreadPool(requests);
		try {
			for (int round = 0; round < 3; round++) {
				String key = Mailbox.newUsername();
				CyclicBarrier together = new CyclicBarrier(requests);
				List<Future<Boolean>> answers = new ArrayList<>();
				for (int i = 0; i < requests; i++) {
					answers.add(threads.submit(() -> {
						together.await();
						return rateLimiter.tryConsume(RateLimit.SIGN_IN_ACCOUNT, key).allowed();
					}));
				}
				int allowed = 0;
				for (Future<Boolean> answer : answers) {
					allowed += answer.get(60, TimeUnit.SECONDS) ? 1 : 0;
				}
				assertThat(allowed).as("allowed of %d at once, capacity 3", requests).isEqualTo(3);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void signInsOverTheLimitGet429WithRetryAfterAndAPageEvenAcrossTwoInstances() throws Exception {
		String name = Mailbox.newUsername();
		try (ConfigurableApplicationContext second = startSecondInstance()) {
			int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
			assertThat(postSignIn(port, name).statusCode()).isNotEqualTo(429);
			assertThat(postSignIn(secondPort, name).statusCode()).isNotEqualTo(429);
			assertThat(postSignIn(port, name).statusCode()).isNotEqualTo(429);

			HttpResponse<String> limited = postSignIn(secondPort, name);
			assertThat(limited.statusCode()).isEqualTo(429);
			assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
			assertThat(limited.body()).contains("Too many requests");
			String bucketKey = second.getBean(SignInNames.class).resolve(name).limitKey();
			assertThat(second.getBean(RateLimiter.class).tryConsume(RateLimit.SIGN_IN_ACCOUNT, bucketKey).allowed())
				.isFalse();
		}
	}

	/**
	 * The probe of 2026-12-07: the username, the email and a full-width spelling each had
	 * a bucket of their own.
	 */
	@Test
	void everySpellingOfOneAccountDrawsFromTheAccountsBucket() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		List<String> spellings = List.of(person.username(), person.email(), fullWidth(person.username()));
		for (String spelling : spellings) {
			assertThat(postSignIn(port, spelling).statusCode()).isNotEqualTo(429);
		}
		for (String spelling : List.of(fullWidth(person.email()), person.username().toUpperCase(Locale.ROOT),
				person.email())) {
			assertThat(postSignIn(port, spelling).statusCode()).as(spelling).isEqualTo(429);
		}
	}

	@Test
	void anAdministratorLiftingTheWaitAlsoRefillsTheAccountsBucket() throws Exception {
		Person person = TestAccounts.registerAndConfirm(port);
		Person admin = TestAccounts.registerAdmin(port, dsl);
		for (int i = 0; i < 3; i++) {
			assertThat(postSignIn(port, person.username()).statusCode()).isNotEqualTo(429);
		}
		try (Browser owner = new Browser(port); Browser console = new Browser(port)) {
			HtmlPage refused = owner.signIn(person.email(), person.password());
			assertThat(refused.getWebResponse().getStatusCode()).as("even the right password").isEqualTo(429);

			console.signIn(admin.email(), admin.password());
			String subject = dsl.select(ACCOUNT.SUBJECT)
				.from(ACCOUNT)
				.where(ACCOUNT.EMAIL.eq(person.email()))
				.fetchSingle()
				.value1();
			HtmlPage lifted = console.submit(console.open("/admin/accounts/" + subject),
					"/admin/accounts/" + subject + "/backoff/clear");
			assertThat(lifted.asNormalizedText()).contains("The sign-in wait is lifted");

			assertThat(owner.signIn(person.email(), person.password()).getUrl().getPath()).isEqualTo("/account");
		}
	}

	@Test
	void aNameOfNoAccountDrawsFromTheBucketOfItsFoldedForm() throws Exception {
		String unknown = Mailbox.newUsername();
		assertThat(postSignIn(port, unknown).statusCode()).isNotEqualTo(429);
		assertThat(postSignIn(port, fullWidth(unknown)).statusCode()).isNotEqualTo(429);
		assertThat(postSignIn(port, " " + unknown.toUpperCase(Locale.ROOT)).statusCode()).isNotEqualTo(429);
		assertThat(postSignIn(port, fullWidth(unknown.toUpperCase(Locale.ROOT))).statusCode()).isEqualTo(429);
		assertThat(postSignIn(port, Mailbox.newUsername()).statusCode()).isNotEqualTo(429);
	}

	@Test
	void scriptsAskingForJsonGetJson() throws IOException, InterruptedException {
		HttpResponse<String> last = null;
		for (int i = 0; i < 3; i++) {
			last = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + port + "/register/check/username?value=abc"))
					.header("Accept", "application/json")
					.build(), HttpResponse.BodyHandlers.ofString());
		}
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.body()).contains("\"error\":\"too_many_requests\"", "\"retryAfterSeconds\"");
		assertThat(last.headers().firstValue("Retry-After")).isPresent();
	}

	private ConfigurableApplicationContext startSecondInstance() {
		return new SpringApplicationBuilder(AuthServerApplication.class).initializers(new AuthTestInfrastructure())
			.run("--server.port=0", "--icourse.rate-limits.enabled=true",
					"--icourse.rate-limits.limits.sign-in-ip.capacity=1000",
					"--icourse.rate-limits.limits.sign-in-account.capacity=3", "--icourse.mail.poll-delay=1h",
					"--icourse.oidc.key-encryption-secret=" + AuthServerTest.KEY_ENCRYPTION_SECRET);
	}

	private HttpResponse<String> postSignIn(int targetPort, String name) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + targetPort + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.header("Accept-Language", "en")
				.POST(HttpRequest.BodyPublishers
					.ofString("username=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password=whatever"))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
