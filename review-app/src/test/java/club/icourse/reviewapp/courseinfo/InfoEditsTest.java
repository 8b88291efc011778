package club.icourse.reviewapp.courseinfo;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_TEACHER;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.TEACHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.icourse.reviewapp.FakeIdentityProvider.Identity;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.ReviewBrowser;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.moderation.Muting;
import club.icourse.reviewapp.people.MutedException;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import java.time.LocalDateTime;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ReviewAppTest
class InfoEditsTest {

	@LocalServerPort
	int port;

	@Autowired
	InfoEdits edits;

	@Autowired
	CourseTeachers teachers;

	@Autowired
	Muting muting;

	@Autowired
	Reviews reviews;

	@Autowired
	DSLContext dsl;

	private TestCatalogue catalogue;

	private long course;

	private Person admin;

	@BeforeEach
	void setUp() {
		catalogue = new TestCatalogue(dsl);
		course = catalogue.course("信息编辑测试课", "2025-spring");
		admin = catalogue.admin();
	}

	@Test
	void editsAreVersionedLockableAndRevertableToTheOriginal() {
		Person editor = catalogue.student();
		dsl.update(COURSE).set(COURSE.INTRODUCTION, "导入的简介").where(COURSE.ID.eq(course)).execute();

		edits.edit(editor, InfoSubject.COURSE, course,
				new InfoEdits.Change(null, "学生写的简介", "https://course.example.edu"));
		assertThat(edits.info(InfoSubject.COURSE, course)).extracting(InfoEdits.Info::text, InfoEdits.Info::homepage)
			.containsExactly("学生写的简介", "https://course.example.edu");
		assertThat(edits.history(InfoSubject.COURSE, course))
			.extracting(InfoEdits.Version::text, InfoEdits.Version::editor)
			.containsExactly(Tuple.tuple("学生写的简介", editor.username()), Tuple.tuple("导入的简介", null));

		assertThatThrownBy(() -> edits.edit(editor, InfoSubject.COURSE, course,
				new InfoEdits.Change(null, "x", "javascript:alert(1)")))
			.isInstanceOf(InfoEditRefusedException.class)
			.hasMessage("homepage");
		assertThatThrownBy(
				() -> edits.edit(editor, InfoSubject.COURSE, course, new InfoEdits.Change(null, "长".repeat(5001), "")))
			.isInstanceOf(InfoEditRefusedException.class)
			.hasMessage("text-long");
		assertThatThrownBy(() -> edits.edit(editor, InfoSubject.COURSE, -1, new InfoEdits.Change(null, "x", "")))
			.hasMessage("not-found");

		edits.lock(admin, InfoSubject.COURSE, course, true);
		assertThatThrownBy(() -> edits.edit(catalogue.student(), InfoSubject.COURSE, course,
				new InfoEdits.Change(null, "锁定后", "")))
			.isInstanceOf(InfoEditRefusedException.class)
			.hasMessage("locked");
		assertThatThrownBy(() -> edits.lock(editor, InfoSubject.COURSE, course, false)).hasMessage("not-allowed");

		long original = edits.history(InfoSubject.COURSE, course).getLast().id();
		edits.revert(admin, InfoSubject.COURSE, course, original);
		assertThat(edits.info(InfoSubject.COURSE, course)).extracting(InfoEdits.Info::text, InfoEdits.Info::homepage)
			.containsExactly("导入的简介", null);
		assertThat(edits.history(InfoSubject.COURSE, course).getFirst().revertedFrom()).isEqualTo(original);
		assertThatThrownBy(() -> edits.revert(editor, InfoSubject.COURSE, course, original)).hasMessage("not-allowed");
	}

	@Test
	void aMutedPersonCannotEditAndTeachersAreEditedLikeCourses() {
		Person editor = catalogue.student();
		long teacher = dsl.insertInto(TEACHER)
			.set(TEACHER.IMPORT_KEY, UUID.randomUUID().toString())
			.set(TEACHER.NAME, "解老师")
			.set(TEACHER.CREATED_AT, LocalDateTime.now())
			.returningResult(TEACHER.ID)
			.fetchSingle()
			.value1();
		edits.edit(editor, InfoSubject.TEACHER, teacher,
				new InfoEdits.Change(null, "讲课清楚", "http://teacher.example.edu/~xie"));
		assertThat(edits.info(InfoSubject.TEACHER, teacher).text()).isEqualTo("讲课清楚");
		muting.mute(admin, editor.id(), 1, "");
		assertThatThrownBy(
				() -> edits.edit(editor, InfoSubject.TEACHER, teacher, new InfoEdits.Change(null, "禁言中", "")))
			.isInstanceOf(MutedException.class);
	}

	@Test
	void anAdministratorChangesTheTeachersAndTheCourseKeepsItsReviews() {
		long review = reviews.write(catalogue.student(),
				new ReviewDraft(course, "2025-spring", 8, 2, 2, 2, 2, "好", false, false));
		String name = "新老师" + System.nanoTime() % 100_000;
		teachers.change(admin, course, name + "，曾老师" + System.nanoTime() % 100_000);
		var names = dsl.select(TEACHER.NAME)
			.from(COURSE_TEACHER)
			.join(TEACHER)
			.on(TEACHER.ID.eq(COURSE_TEACHER.TEACHER_ID))
			.where(COURSE_TEACHER.COURSE_ID.eq(course))
			.orderBy(COURSE_TEACHER.POSITION)
			.fetch(TEACHER.NAME);
		assertThat(names).hasSize(2).first().isEqualTo(name);
		assertThat(dsl.select(REVIEW.COURSE_ID).from(REVIEW).where(REVIEW.ID.eq(review)).fetchSingle().value1())
			.isEqualTo(course);
		String key = dsl.select(COURSE.TEACHER_KEY).from(COURSE).where(COURSE.ID.eq(course)).fetchSingle().value1();
		assertThat(key).matches("\\d+,\\d+");

		long twin = catalogue.course("信息编辑测试课", "2025-spring");
		assertThatThrownBy(() -> teachers.change(admin, twin, String.join(",", names))).hasMessage("teachers-taken");
		assertThatThrownBy(() -> teachers.change(admin, twin, " , ")).hasMessage("teachers");
		assertThatThrownBy(() -> teachers.change(catalogue.student(), twin, "x")).hasMessage("not-allowed");
	}

	@Test
	void theEditPageSavesAndOnlyAdministratorsReachTheirControls() throws Exception {
		try (ReviewBrowser browser = new ReviewBrowser(port)) {
			browser.signIn(Identity.student("ed" + System.nanoTime() % 1_000_000));
			HtmlForm form = browser.form(browser.open("/courses/" + course + "/edit"), "/edit");
			form.getTextAreaByName("text").setText("<script>alert(1)</script>这门课要多做题");
			assertThat(ReviewBrowser.submit(form).getElementById("course-info").asNormalizedText())
				.contains("<script>alert(1)</script>这门课要多做题");
			browser.client().getOptions().setThrowExceptionOnFailingStatusCode(false);
			assertThat(browser.client()
				.getPage(new WebRequest(browser.url("/courses/" + course + "/lock").toURL(), HttpMethod.POST))
				.getWebResponse()
				.getStatusCode()).isEqualTo(403);
			assertThat(browser.status("/teachers/999999999/edit")).isEqualTo(404);
		}
	}

}
