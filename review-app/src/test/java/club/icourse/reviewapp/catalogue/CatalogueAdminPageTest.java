package club.icourse.reviewapp.catalogue;

import static club.icourse.db.review.Tables.COURSE;
import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The catalogue import page, over real HTTP, for administrators only. */
@ReviewAppTest
class CatalogueAdminPageTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@TempDir
	Path files;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void anAdministratorImportsAFileAndSeesWhatChanged() throws Exception {
		String hostile = "<script>alert(1)</script>算法基础" + run;
		Path file = write(
				"""
						{"teachers": [{"key": "pt-%1$s", "name": "<b>乐</b>老师"}],
						 "courses": [{"name": "%2$s", "teachers": ["pt-%1$s"], "terms": [{"term": "20251", "code": "CS1002"}]}]}"""
					.formatted(run, hostile.replace("\"", "\\\"")));
		try (ReviewBrowser admin = new ReviewBrowser(port)) {
			admin.signIn(Identity.admin("ca" + System.nanoTime() % 1_000_000));
			HtmlPage result = upload(admin, file);
			assertThat(result.getWebResponse().getStatusCode()).isEqualTo(200);
			assertThat(result.getHtmlElementById("import-summary").asNormalizedText())
				.contains("Courses: 1 added, 0 updated, 0 unchanged", "Course terms: 1 added", "Teachers: 1 added");

			HtmlPage again = upload(admin, file);
			assertThat(again.getHtmlElementById("import-summary").asNormalizedText())
				.contains("Courses: 0 added, 0 updated, 1 unchanged");

			long course = dsl.select(COURSE.ID).from(COURSE).where(COURSE.NAME.eq(hostile)).fetchSingle(COURSE.ID);
			HtmlPage coursePage = admin.open("/courses/" + course);
			assertThat(coursePage.asNormalizedText()).contains(hostile, "<b>乐</b>老师", "Autumn 2025");
			assertThat(coursePage.getWebResponse().getContentAsString()).doesNotContain("<script>alert(1)", "<b>乐</b>");
		}
	}

	@Test
	void aRefusedFileShowsEveryProblemEscapedAndStoresNothing() throws Exception {
		Path file = write(
				"""
						{"courses": [{"name": "<script>alert(2)</script>%s", "teachers": ["nobody"], "terms": [{"term": "someday", "code": "X1"}]}]}"""
					.formatted(run));
		try (ReviewBrowser admin = new ReviewBrowser(port)) {
			admin.signIn(Identity.admin("cb" + System.nanoTime() % 1_000_000));
			HtmlPage result = upload(admin, file);
			assertThat(result.getWebResponse().getStatusCode()).isEqualTo(422);
			assertThat(result.getHtmlElementById("import-problems").asNormalizedText()).contains(
					"refused and nothing was changed: 2 problems.", "teachers[0]", "No teacher with the key \"nobody\"",
					"terms[0] (someday)", "Not a term: \"someday\"");
			assertThat(result.getWebResponse().getContentAsString()).doesNotContain("<script>alert(2)");

			HtmlPage broken = upload(admin, write("{\"courses\": [ {\"name\": \"数据结构\" ]"));
			assertThat(broken.getWebResponse().getStatusCode()).isEqualTo(422);
			assertThat(broken.getHtmlElementById("import-problems").asNormalizedText())
				.contains("This is not valid JSON (line 1");
		}
		assertThat(dsl.fetchCount(COURSE, COURSE.NAME.like("%" + run))).isZero();
	}

	@Test
	void aFileOverTheLimitIsRefusedWithAClearMessage() throws Exception {
		Path huge = files.resolve("huge.json");
		byte[] padding = new byte[21 * 1024 * 1024];
		Arrays.fill(padding, (byte) ' ');
		Files.write(huge, padding);
		try (ReviewBrowser admin = new ReviewBrowser(port)) {
			admin.signIn(Identity.admin("cc" + System.nanoTime() % 1_000_000));
			HtmlPage result = upload(admin, huge);
			assertThat(result.getWebResponse().getStatusCode()).isEqualTo(413);
			assertThat(result.asNormalizedText()).contains("larger than 20 MB");
		}
	}

	@Test
	void onlyAdministratorsReachThePage() throws Exception {
		try (ReviewBrowser student = new ReviewBrowser(port)) {
			student.signIn(Identity.student("cs" + System.nanoTime() % 1_000_000));
			assertThat(student.status("/admin/catalogue")).isEqualTo(403);
		}
		try (ReviewBrowser teacher = new ReviewBrowser(port)) {
			teacher.signIn(Identity.teacher("ct" + System.nanoTime() % 1_000_000));
			assertThat(teacher.status("/admin/catalogue")).isEqualTo(403);
		}
	}

	private HtmlPage upload(ReviewBrowser browser, Path file) throws IOException {
		HtmlPage page = browser.open("/admin/catalogue");
		HtmlForm form = page.getForms()
			.stream()
			.filter(f -> f.getActionAttribute().contains("/admin/catalogue"))
			.findFirst()
			.orElseThrow();
		HtmlFileInput input = form.getInputByName("file");
		input.setFiles(file.toFile());
		input.setContentType("application/json");
		return ReviewBrowser.submit(form);
	}

	private Path write(String json) throws IOException {
		Path file = files.resolve(UUID.randomUUID() + ".json");
		Files.writeString(file, json, StandardCharsets.UTF_8);
		return file;
	}

}
