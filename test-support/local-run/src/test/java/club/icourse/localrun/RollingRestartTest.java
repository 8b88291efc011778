package club.icourse.localrun;

import static club.icourse.localrun.Cluster.form;
import static club.icourse.localrun.Cluster.submit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart under load: one instance of each app is stopped (SIGTERM) and started
 * again while visitors read pages of both apps and a signed-in person keeps commenting.
 * Graceful shutdown lets requests in flight finish (one comment is held half-sent across
 * the SIGTERM to be sure one is) and the balancer sends new ones to the other instance,
 * so not one request fails and every comment is kept.
 */
class RollingRestartTest {

	private static final Duration PATIENCE = Duration.ofMinutes(2);

	@Test
	void restartingOneInstanceOfEachAppUnderLoadFailsNoRequest() throws Exception {
		Cluster cluster = Cluster.shared();
		long course = cluster.newCourse();
		AtomicInteger commentsAcknowledged = new AtomicInteger();
		try (WebClient student = cluster.signedIn("student@mail.ustc.edu.cn", "198.51.100.20");
				Load load = new Load()) {
			String coursePage = cluster.reviewPublic + "/courses/" + course;
			submit(form(student.getPage(coursePage + "/review"), "/review"), Map.of("content", "滚动重启时写的点评"));
			List<String> posted = cluster.column(cluster.reviewDb, "SELECT id FROM review WHERE course_id = " + course);
			assertThat(posted).as("the review was posted").hasSize(1);
			long review = Long.parseLong(posted.getFirst());

			load.start("review-pages", Load.reading(List.of(cluster.reviewPublic + "/", coursePage,
					cluster.reviewPublic + "/courses", cluster.reviewPublic + "/search?q=%E9%9B%86%E7%BE%A4")));
			load.start("review-pages-2", Load.reading(List.of(coursePage, cluster.reviewPublic + "/")));
			load.start("auth-pages", Load.reading(List.of(cluster.authPublic + "/.well-known/openid-configuration",
					cluster.authPublic + "/login", cluster.authPublic + "/oauth2/jwks")));
			load.start("commenting", iteration -> {
				HtmlPage page = student.getPage(coursePage);
				HtmlPage answer = submit(form(page, "/reviews/" + review + "/comments"),
						Map.of("content", "重启中的评论 " + iteration));
				if (!answer.asNormalizedText().contains("重启中的评论 " + iteration)) {
					return "comment " + iteration + " not shown after posting: " + answer.getUrl();
				}
				commentsAcknowledged.incrementAndGet();
				return null;
			});

			load.awaitCompleted(40, PATIENCE);
			int reviewServedBefore = cluster.reviewProxy.served(0);
			HtmlPage page = student.getPage(coursePage);
			AppProcess stopping = cluster.instance(Cluster.App.REVIEW, 0);
			try (SlowRequest comment = SlowRequest.beginPost(stopping.port(), "/reviews/" + review + "/comments",
					Map.of("Cookie", cookies(student), "Accept-Language", "en"),
					"content=" + URLEncoder.encode("关机时仍在发送的评论", StandardCharsets.UTF_8) + "&_csrf="
							+ form(page, "/reviews/" + review + "/comments").getInputByName("_csrf").getValue())) {
				Cluster.awaitPostInFlight(stopping);
				stopping.signalStop();
				awaitRefusingConnections(stopping);
				// Longer than Tomcat's own 2 s wait for busy servlets: this tells
				// graceful shutdown from "immediate".
				assertThat(stopping.exitsWithin(Duration.ofSeconds(3)))
					.as("the instance waits for the request in flight")
					.isFalse();
				assertThat(comment.finish()).as("the comment in flight at SIGTERM is answered").contains(" 302");
			}
			commentsAcknowledged.incrementAndGet();
			cluster.restart(Cluster.App.REVIEW, 0);
			load.awaitCompleted(load.completed() + 40, PATIENCE);
			int authServedBefore = cluster.authProxy.served(0);
			cluster.restart(Cluster.App.AUTH, 0);
			load.awaitCompleted(load.completed() + 40, PATIENCE);
			load.close();

			assertThat(load.failures()).as("requests that failed during the rolling restart").isEmpty();
			assertThat(cluster.reviewProxy.served(0)).as("the restarted review instance serves again")
				.isGreaterThan(reviewServedBefore);
			assertThat(cluster.authProxy.served(0)).as("the restarted auth instance serves again")
				.isGreaterThan(authServedBefore);
			assertThat(commentsAcknowledged.get()).isGreaterThan(5);
			assertThat(
					cluster.column(cluster.reviewDb, "SELECT COUNT(*) FROM review_comment WHERE review_id = " + review))
				.as("every acknowledged comment is kept")
				.containsExactly(String.valueOf(commentsAcknowledged.get()));
		}
	}

	private static String cookies(WebClient browser) {
		return browser.getCookieManager()
			.getCookies()
			.stream()
			.map(cookie -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	/**
	 * Waits until the instance takes no new connections: its listener is closed while it
	 * drains.
	 */
	private static void awaitRefusingConnections(AppProcess instance) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(10);
		while (Instant.now().isBefore(deadline)) {
			try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), instance.port())) {
				Thread.onSpinWait();
			}
			catch (IOException refused) {
				return;
			}
		}
		throw new AssertionError(instance.url() + " still takes new connections after SIGTERM");
	}

}
