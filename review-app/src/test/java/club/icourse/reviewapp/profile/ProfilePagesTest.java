package club.icourse.reviewapp.profile;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.PersonRepository;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Profile pages, settings and avatars, over real HTTP in a browser. */
@ReviewAppTest
class ProfilePagesTest {

	@LocalServerPort
	int port;

	@Autowired
	DSLContext dsl;

	@Autowired
	Reviews reviews;

	@Autowired
	PersonRepository people;

	@TempDir
	Path files;

	@Test
	void settingsAreCheckedAndTheProfileShowsOnlyWhatOthersMaySee() throws Exception {
		Identity owner = Identity.student("prof" + System.nanoTime() % 1_000_000);
		long course = new TestCatalogue(dsl).course("主页测试课" + System.nanoTime() % 10_000, "2025-spring");
		try (ReviewBrowser browser = new ReviewBrowser(port); ReviewBrowser stranger = new ReviewBrowser(port)) {
			browser.signIn(owner);
			Person person = people.byUsername(owner.username()).orElseThrow();
			reviews.write(person, new ReviewDraft(course, "2025-spring", 8, 2, 2, 2, 2, "署名的评价", false, false));
			Person other = new TestCatalogue(dsl).student();
			long secondCourse = new TestCatalogue(dsl).course("另一门课" + System.nanoTime() % 10_000, "2025-spring");
			reviews.write(person, new ReviewDraft(secondCourse, "2025-spring", 3, 2, 2, 2, 2, "匿名的评价", true, false));

			HtmlPage refused = save(browser, "<script>x</script>关于我", "javascript:alert(1)", false);
			assertThat(refused.asNormalizedText()).contains("must be an http:// or https:// address");
			HtmlPage saved = save(browser, "<b>数学系</b>的学生", "https://example.edu/~me", false);
			assertThat(saved.asNormalizedText()).contains("Saved.");

			HtmlPage own = browser.open("/people/" + owner.username());
			assertThat(own.asNormalizedText()).contains("<b>数学系</b>的学生", "署名的评价", "匿名的评价");
			assertThat(own.asXml()).doesNotContain("<b>数学系");
			HtmlPage seen = stranger.open("/people/" + owner.username());
			assertThat(seen.asNormalizedText()).contains("署名的评价", "https://example.edu/~me")
				.as("an anonymous review is never tied to its author's profile")
				.doesNotContain("匿名的评价");

			save(browser, "", "", true);
			assertThat(stranger.open("/people/" + owner.username()).asNormalizedText())
				.contains("keeps their profile private")
				.doesNotContain("署名的评价");
			assertThat(other.id()).isPositive();
			stranger.client().getOptions().setThrowExceptionOnFailingStatusCode(false);
			assertThat(stranger.status("/people/nobody-" + System.nanoTime())).isEqualTo(404);
		}
	}

	@Test
	void anAvatarIsReencodedSmallAndNonImagesBombsAndHugeFilesAreRefused() throws Exception {
		Identity owner = Identity.student("ava" + System.nanoTime() % 1_000_000);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(owner);
			HtmlPage page = upload(browser, "photo.png", png(1200, 600));
			assertThat(page.asNormalizedText()).contains("Saved.");
			Page avatar = browser.client()
				.getPage(browser.url("/people/" + owner.username() + "/avatar?v=1").toString());
			assertThat(avatar.getWebResponse().getContentType()).isEqualTo("image/png");
			BufferedImage stored = ImageIO
				.read(new ByteArrayInputStream(avatar.getWebResponse().getContentAsStream().readAllBytes()));
			assertThat(stored.getWidth()).isEqualTo(192);
			assertThat(stored.getHeight()).isEqualTo(96);

			assertThat(upload(browser, "fake.png", "<?php echo 1; ?>".getBytes()).asNormalizedText())
				.contains("is not a PNG, JPEG or GIF image");
			assertThat(upload(browser, "bomb.png", claimedSize(png(8, 8), 100_000, 100_000)).asNormalizedText())
				.contains("image is too large");
			assertThat(upload(browser, "huge.png", new byte[2 * 1024 * 1024]).asNormalizedText())
				.contains("file is too large");
		}
	}

	private HtmlPage save(ReviewBrowser browser, String description, String homepage, boolean hideProfile)
			throws Exception {
		HtmlForm form = browser.form(browser.open("/settings"), "/settings");
		form.getTextAreaByName("description").setText(description);
		form.getInputByName("homepage").setValue(homepage);
		form.getInputByName("hideProfile").setChecked(hideProfile);
		return ReviewBrowser.submit(form);
	}

	private HtmlPage upload(ReviewBrowser browser, String name, byte[] content) throws Exception {
		File file = files.resolve(name).toFile();
		Files.write(file.toPath(), content);
		HtmlForm form = browser.form(browser.open("/settings"), "/settings/avatar");
		HtmlFileInput input = form.getInputByName("avatar");
		input.setFiles(file);
		return ReviewBrowser.submit(form);
	}

	private static byte[] png(int width, int height) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	/**
	 * The same small PNG, with a header that claims other dimensions (and a valid
	 * checksum).
	 */
	private static byte[] claimedSize(byte[] png, int width, int height) {
		ByteBuffer bytes = ByteBuffer.wrap(png.clone());
		// Signature (8) + length (4) + "IHDR" (4), then width and height; the CRC covers
		// type and data (17 bytes).
		bytes.putInt(16, width).putInt(20, height);
		CRC32 crc = new CRC32();
		crc.update(bytes.array(), 12, 17);
		bytes.putInt(29, (int) crc.getValue());
		return bytes.array();
	}

}
