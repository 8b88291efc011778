package club.icourse.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.testsupport.mail.TestMailServer;
import club.icourse.testsupport.mariadb.MariaDbServer;
import club.icourse.testsupport.mariadb.TestMariaDb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Two instances of each app, from their jars, on one database, behind round-robin balancers: one person's consecutive
 * requests land on alternate instances and everything still works, because nothing an instance keeps in memory is
 * needed by another (sessions, authorization codes, tokens, keys and rate limits live in MariaDB), and a scheduled
 * job that must run once does.
 */
class MultiInstanceTest {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final String REVIEW_APP_SECRET = "multi-instance-review-secret";
    private static final String ADMIN_CLI_SECRET = "multi-instance-admin-secret";
    private static final String PASSWORD = "multi-instance-demo";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPersonServedByAlternateInstancesSignsInAndPostsAReviewAndTheInstancesShareEverything() throws Exception {
        MariaDbServer server = TestMariaDb.server();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String authDb = "icourse_multi_auth_" + suffix;
        String reviewDb = "icourse_multi_review_" + suffix;
        server.createDatabase(authDb);
        server.createDatabase(reviewDb);
        String version = System.getProperty("project.version");
        Path root = Path.of("../..").toAbsolutePath().normalize();
        Path authJar = root.resolve("auth-server/target/auth-server-" + version + ".jar");
        Path reviewJar = root.resolve("review-app/target/review-app-" + version + ".jar");
        int authProxyPort = Ports.free();
        int reviewProxyPort = Ports.free();
        String authPublic = "http://127.0.0.1:" + authProxyPort;
        String reviewPublic = "http://127.0.0.1:" + reviewProxyPort;
        TestMailServer mail = TestMailServer.shared();

        Map<String, String> common = Map.of("DB_USER", server.user(), "DB_PASSWORD", server.password(),
                "SMTP_HOST", mail.host(), "SMTP_PORT", String.valueOf(mail.port()), "SERVER_FORWARD_HEADERS_STRATEGY", "native");
        Map<String, String> auth = new HashMap<>(common);
        auth.putAll(Map.of("DB_URL", server.jdbcUrl(authDb), "PUBLIC_URL", authPublic,
                "KEY_ENCRYPTION_SECRET", "bXVsdGktaW5zdGFuY2Uta2V5LWVuY3J5cHRpb24tMzI=",
                "REVIEW_APP_URL", reviewPublic, "REVIEW_APP_CLIENT_SECRET", REVIEW_APP_SECRET,
                "ADMIN_CLI_CLIENT_SECRET", ADMIN_CLI_SECRET));
        Map<String, String> firstAuth = new HashMap<>(auth);
        // The demo accounts give the test a confirmed person; one instance makes them.
        firstAuth.putAll(Map.of("SPRING_PROFILES_ACTIVE", "local", "ICOURSE_DEMO_PASSWORD", PASSWORD));
        Map<String, String> review = new HashMap<>(common);
        review.putAll(Map.of("DB_URL", server.jdbcUrl(reviewDb), "PUBLIC_URL", reviewPublic, "AUTH_SERVER_URL", authPublic,
                "OIDC_CLIENT_SECRET", REVIEW_APP_SECRET));

        List<AppProcess> apps = new ArrayList<>();
        try {
            AppProcess auth1 = started(apps, AppProcess.start("auth-1", authJar, Ports.free(), firstAuth));
            AppProcess review1 = started(apps, AppProcess.start("review-1", reviewJar, Ports.free(), review));
            auth1.awaitHealthy(STARTUP);
            review1.awaitHealthy(STARTUP);
            LocalDateTime secondStarted = LocalDateTime.now(ZoneOffset.UTC);
            AppProcess auth2 = started(apps, AppProcess.start("auth-2", authJar, Ports.free(), auth));
            AppProcess review2 = started(apps, AppProcess.start("review-2", reviewJar, Ports.free(), review));
            auth2.awaitHealthy(STARTUP);
            review2.awaitHealthy(STARTUP);
            long course = aCourse(server, reviewDb);

            try (RoundRobinProxy authProxy = RoundRobinProxy.start(authProxyPort, List.of(auth1.url(), auth2.url()));
                 RoundRobinProxy reviewProxy = RoundRobinProxy.start(reviewProxyPort, List.of(review1.url(), review2.url()));
                 WebClient browser = new WebClient()) {
                browser.getOptions().setJavaScriptEnabled(false);
                browser.getOptions().setCssEnabled(false);
                browser.addRequestHeader("Accept-Language", "en");

                HtmlPage login = browser.getPage(reviewPublic + "/oauth2/authorization/icourse");
                assertThat(login.getUrl().toString()).startsWith(authPublic + "/login");
                HtmlPage home = submit(form(login, "/login"), Map.of("username", "student@mail.ustc.edu.cn", "password", PASSWORD));
                assertThat(home.getUrl().toString()).as(home.asNormalizedText()).startsWith(reviewPublic);
                assertThat(home.asNormalizedText()).contains("demo-student", "Sign out");

                HtmlPage reviewForm = browser.getPage(reviewPublic + "/courses/" + course + "/review");
                HtmlPage coursePage = submit(form(reviewForm, "/review"), Map.of("content", "两个实例轮流处理，仍然写成了这条点评"));
                assertThat(coursePage.asNormalizedText()).contains("两个实例轮流处理，仍然写成了这条点评", "demo-student");
                for (int page = 0; page < 4; page++) {
                    assertThat(browser.<HtmlPage>getPage(reviewPublic + "/").asNormalizedText()).as("signed in on either instance")
                            .contains("demo-student");
                }
                assertThat(List.of(authProxy.served(0), authProxy.served(1), reviewProxy.served(0), reviewProxy.served(1)))
                        .as("every instance served this person").allMatch(count -> count > 0);

                assertThat(firstRefusedSignIn(authPublic, authProxyPort))
                        .as("the sign-in limit (10 a minute per address) counts both instances' sign-ins").isBetween(9, 11);
            }

            String token = clientCredentialsToken(auth1.url());
            assertThat(introspect(auth2.url(), token)).as("a token from one instance is known to the other").contains("\"active\":true");

            assertThat(siteFiguresRefreshedAt(server, reviewDb)).as("the second instance's start-up run was skipped: one ran")
                    .isBefore(secondStarted);
        } finally {
            apps.forEach(app -> app.stop(Duration.ofSeconds(20)));
            server.dropDatabase(authDb);
            server.dropDatabase(reviewDb);
        }
    }

    private static AppProcess started(List<AppProcess> apps, AppProcess app) {
        apps.add(app);
        return app;
    }

    private static long aCourse(MariaDbServer server, String database) throws Exception {
        try (Connection connection = server.connect()) {
            connection.setCatalog(database);
            long id;
            try (PreparedStatement course = connection.prepareStatement(
                    "INSERT INTO course (name, teacher_key, created_at) VALUES ('多实例测试课', 'multi', ?)", Statement.RETURN_GENERATED_KEYS)) {
                course.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
                course.executeUpdate();
                try (ResultSet keys = course.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (Statement statements = connection.createStatement()) {
                statements.executeUpdate("INSERT INTO course_term (course_id, term, term_order, course_code) VALUES (" + id
                        + ", '2025-spring', 20251, 'MULTI1001')");
                statements.executeUpdate("INSERT INTO course_stats (course_id) VALUES (" + id + ")");
            }
            return id;
        }
    }

    private static LocalDateTime siteFiguresRefreshedAt(MariaDbServer server, String database) throws Exception {
        try (Connection connection = server.connect()) {
            connection.setCatalog(database);
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT refreshed_at FROM site_figure WHERE name = 'average_rating'")) {
                assertThat(row.next()).as("the refresh ran at start-up").isTrue();
                return row.getTimestamp(1).toLocalDateTime();
            }
        }
    }

    /** Failed sign-ins through the balancer until one is refused; the number of the refused one (0 if none was). */
    private static int firstRefusedSignIn(String authPublic, int port) throws Exception {
        try (WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            for (int attempt = 1; attempt <= 20; attempt++) {
                HtmlPage login = browser.getPage(authPublic + "/login");
                if (login.getWebResponse().getStatusCode() == 429) {
                    return attempt;
                }
                HtmlPage answer = submit(form(login, "/login"), Map.of("username", "nobody-" + attempt + "-" + port, "password", "wrong password"));
                if (answer.getWebResponse().getStatusCode() == 429) {
                    return attempt;
                }
            }
            return 0;
        }
    }

    private String clientCredentialsToken(String authUrl) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(authUrl + "/oauth2/token"))
                .header("Authorization", basic()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=icourse.admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private String introspect(String authUrl, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(authUrl + "/oauth2/introspect"))
                .header("Authorization", basic()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin-cli:" + ADMIN_CLI_SECRET).getBytes(StandardCharsets.UTF_8));
    }

    private static HtmlForm form(HtmlPage page, String actionEnding) {
        return page.getForms().stream().filter(f -> f.getActionAttribute().replaceFirst("\\?.*", "").endsWith(actionEnding))
                .findFirst().orElseThrow(() -> new AssertionError("No form posting to " + actionEnding + " on " + page.getUrl()));
    }

    private static HtmlPage submit(HtmlForm form, Map<String, String> fields) throws Exception {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if ("content".equals(field.getKey())) {
                form.getTextAreaByName("content").setText(field.getValue());
            } else {
                form.getInputByName(field.getKey()).setValue(field.getValue());
            }
        }
        return ((HtmlButton) form.getFirstByXPath(".//button[@type='submit']")).click();
    }
}
