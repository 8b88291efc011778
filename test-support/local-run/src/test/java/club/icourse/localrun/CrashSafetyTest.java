package club.icourse.localrun;

import static club.icourse.localrun.Cluster.form;
import static club.icourse.localrun.Cluster.submit;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.testsupport.mail.TestMailServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * One instance of each app killed with SIGKILL while people post reviews and register:
 * whatever was acknowledged to a client is there afterwards, and nothing is half-written
 * (every review has its history, its course's figures, its notification and its search
 * change; every account its confirmation token and mail), because each of those is
 * written in the transaction of its cause. The killed instances start again and the mail
 * they had claimed goes out.
 */
class CrashSafetyTest {

	private static final int REVIEWS = 24;

	private static final int REGISTRATIONS = 20;

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	@Test
	void killingInstancesMidWritesLosesNothingAcknowledgedAndLeavesNothingHalfWritten() throws Exception {
		Cluster cluster = Cluster.shared();
		try (WebClient teacher = cluster.signedIn("teacher@ustc.edu.cn", "198.51.100.40")) {
			// Signed in once, the teacher is a person of the review app whom reviews can
			// @mention.
			assertThat(teacher.getCookieManager().getCookies()).isNotEmpty();
		}
		List<Long> courses = new ArrayList<>();
		for (int i = 0; i < REVIEWS; i++) {
			courses.add(cluster.newCourse());
		}
		String run = UUID.randomUUID().toString().substring(0, 6);
		Map<String, Long> reviewsAcknowledged = new ConcurrentHashMap<>();
		Set<String> registrationsAcknowledged = ConcurrentHashMap.newKeySet();

		try (WebClient student = cluster.signedIn("student@mail.ustc.edu.cn", "198.51.100.41");
				Load load = new Load()) {
			load.start("reviewing", i -> {
				if (i >= REVIEWS) {
					throw new Load.Done();
				}
				String content = "断电测试 " + run + " #" + i + " @demo-teacher";
				HtmlPage page = student.getPage(cluster.reviewPublic + "/courses/" + courses.get(i) + "/review");
				HtmlPage answer = submit(form(page, "/review"), Map.of("content", content));
				if (!answer.asNormalizedText().contains(content)) {
					return "review " + i + " not shown after posting";
				}
				reviewsAcknowledged.put(content, courses.get(i));
				return null;
			});
			load.start("registering", i -> {
				if (i >= REGISTRATIONS) {
					throw new Load.Done();
				}
				String email = "crash-" + run + "-" + i + "@mail.ustc.edu.cn";
				// One address per person, as people register from their own machines (the
				// limit is per address).
				try (WebClient visitor = Cluster.browser("203.0.113." + (i + 1))) {
					HtmlPage page = visitor.getPage(cluster.authPublic + "/register");
					HtmlPage answer = submit(form(page, "/register"), Map.of("email", email, "username",
							"crash-" + run + "-" + i, "password", "correct horse battery " + i));
					if (!answer.getUrl().getPath().equals("/register/sent")) {
						return "registration " + i + " ended at " + answer.getUrl();
					}
				}
				registrationsAcknowledged.add(email);
				return null;
			});

			load.awaitCompleted(6, PATIENCE);
			Cluster.awaitPostInFlight(cluster.instance(Cluster.App.REVIEW, 0));
			cluster.kill(Cluster.App.REVIEW, 0);
			Cluster.awaitPostInFlight(cluster.instance(Cluster.App.AUTH, 0));
			cluster.kill(Cluster.App.AUTH, 0);
			load.awaitDone(PATIENCE);
			System.out.println("Requests that failed when the instances were killed: " + load.failures());
		}
		cluster.startAgain(Cluster.App.REVIEW, 0);
		cluster.startAgain(Cluster.App.AUTH, 0);

		assertThat(reviewsAcknowledged).as("most reviews went through the other instance")
			.hasSizeGreaterThan(REVIEWS / 2);
		assertThat(registrationsAcknowledged).hasSizeGreaterThan(REGISTRATIONS / 2);
		String courseIds = courses.stream().map(String::valueOf).collect(Collectors.joining(","));
		String review = cluster.reviewDb;
		assertThat(cluster.column(review,
				"SELECT CONCAT(course_id, ' ', content) FROM review WHERE course_id IN (" + courseIds + ")"))
			.as("every acknowledged review is stored, on its course")
			.containsAll(
					reviewsAcknowledged.entrySet().stream().map(ack -> ack.getValue() + " " + ack.getKey()).toList());
		assertThat(cluster.column(review,
				"SELECT r.id FROM review r WHERE r.course_id IN (" + courseIds + ") AND 1 <> "
						+ "(SELECT COUNT(*) FROM review_history h WHERE h.review_id = r.id AND h.action = 'create')"))
			.as("reviews without exactly one creation snapshot")
			.isEmpty();
		assertThat(cluster.column(review, "SELECT c.course_id FROM course_stats c WHERE c.course_id IN (" + courseIds
				+ ") AND "
				+ "(c.review_count <> (SELECT COUNT(*) FROM review r WHERE r.course_id = c.course_id AND NOT r.hidden AND NOT r.blocked)"
				+ " OR (c.review_count > 0) <> (c.last_review_at IS NOT NULL))"))
			.as("courses whose figures disagree with their reviews")
			.isEmpty();
		assertThat(cluster.column(review,
				"SELECT r.id FROM review r WHERE r.course_id IN (" + courseIds + ") AND 1 <> "
						+ "(SELECT COUNT(*) FROM notification n WHERE n.review_id = r.id AND n.kind = 'MENTION')"))
			.as("reviews whose @mention notification is missing or doubled")
			.isEmpty();
		assertThat(
				cluster.column(review,
						"SELECT n.id FROM notification n WHERE n.course_id IN (" + courseIds
								+ ") AND n.review_id NOT IN " + "(SELECT id FROM review)"))
			.as("notifications of reviews that do not exist")
			.isEmpty();
		assertThat(cluster.column(review,
				"SELECT r.id FROM review r WHERE r.course_id IN (" + courseIds + ") AND NOT EXISTS "
						+ "(SELECT 1 FROM search_change s WHERE s.entity_id = r.id AND s.kind = 'REVIEW')"))
			.as("reviews the search index was not told of")
			.isEmpty();
		List<String> accounts = cluster.column(cluster.authDb,
				"SELECT email FROM account WHERE email LIKE 'crash-" + run + "-%'");
		String auth = cluster.authDb;
		assertThat(accounts).as("every acknowledged registration is stored").containsAll(registrationsAcknowledged);
		assertThat(cluster.column(auth,
				"SELECT a.email FROM account a WHERE a.email LIKE 'crash-" + run + "-%' AND (1 <> "
						+ "(SELECT COUNT(*) FROM account_token t WHERE t.account_id = a.id) OR 1 <> "
						+ "(SELECT COUNT(*) FROM mail_outbox m WHERE m.recipient = a.email))"))
			.as("accounts without exactly one confirmation token and mail")
			.isEmpty();
		TestMailServer mail = TestMailServer.shared();
		for (String email : accounts) {
			assertThat(mail.awaitMessageTo(email, Duration.ofSeconds(60))).as("confirmation mail to " + email)
				.isNotNull();
		}
	}

}
