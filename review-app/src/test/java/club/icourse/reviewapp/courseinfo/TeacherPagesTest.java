package club.icourse.reviewapp.courseinfo;

import static club.icourse.db.review.Tables.COURSE_TEACHER;
import static club.icourse.db.review.Tables.TEACHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.comment.Comments;
import club.icourse.reviewapp.course.TeacherStandings;
import club.icourse.reviewapp.course.TeacherStandings.TeacherStanding;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.ReviewListing;
import club.icourse.reviewapp.review.ReviewView;
import club.icourse.reviewapp.review.Reviews;
import club.icourse.web.UploadedImages.ImageRefusedException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Teachers as iCourse shows them (issue 15): title, photo (moderated like information
 * edits), their average over their courses and the ranking, and their account linked by
 * an administrator with a badge on what they sign.
 */
@ReviewAppTest
class TeacherPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	InfoEdits edits;

	@Autowired
	TeacherPhotos photos;

	@Autowired
	TeacherAccounts accounts;

	@Autowired
	TeacherStandings standings;

	@Autowired
	Reviews reviews;

	@Autowired
	ReviewListing listing;

	@Autowired
	Comments comments;

	@Autowired
	DSLContext dsl;

	private TestCatalogue catalogue;

	private Person admin;

	@TempDir
	Path files;

	private long teacher;

	private long course;

	@BeforeEach
	void setUp() {
		catalogue = new TestCatalogue(dsl);
		admin = catalogue.admin();
		teacher = teacher("钱老师");
		course = catalogue.course("教师页测试课", "2025-spring");
		teaches(teacher, course);
	}

	@Test
	void theTitleIsEditedAndVersionedWithTheDescription() {
		Person editor = catalogue.student();
		edits.edit(editor, InfoSubject.TEACHER, teacher, new InfoEdits.Change(" 副教授 ", "讲课清楚", ""));
		assertThat(edits.info(InfoSubject.TEACHER, teacher).title()).isEqualTo("副教授");
		edits.edit(editor, InfoSubject.TEACHER, teacher, new InfoEdits.Change("教授", "讲课清楚", ""));
		assertThat(edits.history(InfoSubject.TEACHER, teacher)).extracting(InfoEdits.Version::title)
			.containsExactly("教授", "副教授", null);
		long first = edits.history(InfoSubject.TEACHER, teacher).get(1).id();
		edits.revert(admin, InfoSubject.TEACHER, teacher, first);
		assertThat(edits.info(InfoSubject.TEACHER, teacher).title()).isEqualTo("副教授");
		assertThatThrownBy(
				() -> edits.edit(editor, InfoSubject.TEACHER, teacher, new InfoEdits.Change("长".repeat(101), "", "")))
			.hasMessage("title-long");
		edits.edit(editor, InfoSubject.COURSE, course, new InfoEdits.Change("课程没有职称", "简介", ""));
		assertThat(edits.info(InfoSubject.COURSE, course).title()).isNull();
	}

	@Test
	void photosAreKeptEveryOneAndAnAdministratorShowsAnEarlierOneOrNone() throws Exception {
		Person editor = catalogue.student();
		photos.upload(editor, teacher, png(600, 400));
		photos.upload(catalogue.student(), teacher, png(50, 50));
		var versions = photos.versions(teacher);
		assertThat(versions).hasSize(2);
		assertThat(versions.getFirst().shown()).isTrue();
		BufferedImage stored = ImageIO
			.read(new ByteArrayInputStream(photos.png(teacher, versions.getLast().id()).orElseThrow()));
		assertThat(stored.getWidth()).as("re-encoded to at most 256 px").isEqualTo(256);

		photos.show(admin, teacher, versions.getLast().id());
		assertThat(photos.versions(teacher)).extracting(TeacherPhotos.PhotoVersion::shown).containsExactly(false, true);
		assertThatThrownBy(() -> photos.show(editor, teacher, null)).hasMessage("not-allowed");
		photos.show(admin, teacher, null);
		assertThat(photos.versions(teacher)).noneMatch(TeacherPhotos.PhotoVersion::shown);

		assertThatThrownBy(() -> photos.upload(editor, teacher, "not an image".getBytes()))
			.isInstanceOf(ImageRefusedException.class);
		edits.lock(admin, InfoSubject.TEACHER, teacher, true);
		assertThatThrownBy(() -> photos.upload(editor, teacher, png(10, 10))).hasMessage("locked");
		photos.upload(admin, teacher, png(10, 10));
		assertThatThrownBy(() -> photos.show(admin, teacher(" 另一位老师"), versions.getLast().id()))
			.hasMessage("not-found");
	}

	@Test
	void aTeachersAverageIsOverAllTheirCoursesAndTheRankingNeedsThreeRatedReviews() {
		long second = catalogue.course("教师页测试课二", "2025-spring");
		teaches(teacher, second);
		review(course, 10);
		review(course, 8);
		review(second, 6);
		TeacherStanding standing = standings.of(teacher).orElseThrow();
		assertThat(standing.courses()).isEqualTo(2);
		assertThat(standing.ratedReviews()).isEqualTo(3);
		assertThat(standing.averageRating()).isEqualTo(8.0);
		assertThat(standing.stars()).isEqualTo(4.0);

		long few = teacher("少评老师");
		long fewCourse = catalogue.course("少评课", "2025-spring");
		teaches(few, fewCourse);
		review(fewCourse, 10);
		var ranked = standings.ranking(1);
		assertThat(ranked.items()).extracting(TeacherStanding::id).doesNotContain(few);
		assertThat(ranked.total()).isGreaterThanOrEqualTo(1);
		boolean listed = false;
		for (int page = 1; page <= ranked.pages() && !listed; page++) {
			listed = standings.ranking(page).items().stream().anyMatch(t -> t.id() == teacher);
		}
		assertThat(listed).as("three rated reviews rank the teacher").isTrue();
	}

	@Test
	void onlyATeachersAccountIsLinkedAndItsSignedReviewsAndCommentsCarryTheBadge() {
		Person student = catalogue.student();
		Person account = catalogue.teacher();
		assertThatThrownBy(() -> accounts.link(admin, teacher, student.username())).hasMessage("account-not-teacher");
		assertThatThrownBy(() -> accounts.link(admin, teacher, "no-such-user-" + UUID.randomUUID()))
			.hasMessage("account-unknown");
		assertThatThrownBy(() -> accounts.link(account, teacher, account.username())).hasMessage("not-allowed");
		accounts.link(admin, teacher, account.username());
		assertThat(accounts.account(teacher)).contains(account.username());

		long signed = reviews.write(account,
				new ReviewDraft(course, "2025-spring", 8, 2, 2, 2, 2, "我自己的课", false, false));
		long otherCourse = catalogue.course("教师页测试课三", "2025-spring");
		long anonymous = reviews.write(account,
				new ReviewDraft(otherCourse, "2025-spring", 8, 2, 2, 2, 2, "匿名写的", true, false));
		long comment = comments.write(account, signed, "欢迎提问");
		Optional<Person> reader = Optional.of(student);
		assertThat(listing.one(signed, reader).map(ReviewView::authorTeacherId)).contains(teacher);
		assertThat(listing.one(anonymous, reader).orElseThrow().authorTeacherId()).as("never ties an anonymous review")
			.isNull();
		assertThat(comments.on(List.of(signed), reader).get(signed)).filteredOn(view -> view.id() == comment)
			.singleElement()
			.extracting(Comments.CommentView::authorTeacherId)
			.isEqualTo(teacher);

		Person another = catalogue.teacher();
		accounts.link(admin, teacher, another.username());
		assertThat(accounts.account(teacher)).as("one account per teacher").contains(another.username());
		assertThat(listing.one(signed, reader).orElseThrow().authorTeacherId()).isNull();
		accounts.unlink(admin, teacher);
		assertThat(accounts.account(teacher)).isEmpty();
	}

	@Test
	void theTeacherPageAndTheRankingShowItAllInBothLanguages() throws Exception {
		edits.edit(admin, InfoSubject.TEACHER, teacher, new InfoEdits.Change("教授", "讲课清楚", ""));
		photos.upload(admin, teacher, png(80, 80));
		long photo = photos.versions(teacher).getFirst().id();
		review(course, 9);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			HtmlPage page = browser.open("/teachers/" + teacher);
			assertThat(page.asNormalizedText()).contains("钱老师", "教授", "over 1 rated review in 1 course");
			assertThat(page.getElementsByTagName("img"))
				.anyMatch(img -> img.getAttribute("src").contains("/teachers/" + teacher + "/photo/" + photo));
			var image = browser.client().getPage(browser.url("/teachers/" + teacher + "/photo/" + photo).toURL());
			assertThat(image.getWebResponse().getContentType()).isEqualTo("image/png");
			assertThat(browser.status("/teachers/" + teacher + "/photo/999999999")).isEqualTo(404);
			assertThat(browser.open("/teachers?lang=zh-CN").asNormalizedText()).contains("教师排行", "只列出至少有 3 条打分点评的教师");
			assertThat(browser.open("/teachers?lang=en&page=x").asNormalizedText()).contains("Teacher ranking");

			browser.signIn(Identity.student("tp" + System.nanoTime() % 1_000_000));
			HtmlPage edit = browser.open("/teachers/" + teacher + "/edit");
			assertThat(edit.asNormalizedText()).contains("Photo").doesNotContain("The teacher's account");
			HtmlForm form = browser.form(edit, "/edit");
			form.getInputByName("title").setValue("副教授");
			assertThat(ReviewBrowser.submit(form).asNormalizedText()).contains("副教授");
		}
	}

	@Test
	void aPhotoOverTheUploadLimitGoesBackToTheEditPageThatSaysSo() throws Exception {
		Path huge = files.resolve("huge.png");
		Files.write(huge, new byte[21 * 1024 * 1024]);
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(Identity.student("tl" + System.nanoTime() % 1_000_000));
			HtmlForm form = browser.form(browser.open("/teachers/" + teacher + "/edit"), "/photo");
			((HtmlFileInput) form.getInputByName("photo")).setFiles(huge.toFile());
			HtmlPage answer = ReviewBrowser.submit(form);
			assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(200);
			assertThat(answer.getUrl().getPath()).isEqualTo("/teachers/" + teacher + "/edit");
			assertThat(answer.asNormalizedText()).contains("That file is too large (at most 1 MB).");
		}
		assertThat(photos.versions(teacher)).isEmpty();
	}

	private void review(long courseId, int rating) {
		reviews.write(catalogue.student(),
				new ReviewDraft(courseId, "2025-spring", rating, 2, 2, 2, 2, "评分 " + rating, false, false));
	}

	private long teacher(String name) {
		return dsl.insertInto(TEACHER)
			.set(TEACHER.IMPORT_KEY, UUID.randomUUID().toString())
			.set(TEACHER.NAME, name)
			.set(TEACHER.CREATED_AT, LocalDateTime.now())
			.returningResult(TEACHER.ID)
			.fetchSingle()
			.value1();
	}

	private void teaches(long teacherId, long courseId) {
		dsl.insertInto(COURSE_TEACHER)
			.set(COURSE_TEACHER.COURSE_ID, courseId)
			.set(COURSE_TEACHER.TEACHER_ID, teacherId)
			.set(COURSE_TEACHER.POSITION, 0)
			.execute();
	}

	private static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

}
