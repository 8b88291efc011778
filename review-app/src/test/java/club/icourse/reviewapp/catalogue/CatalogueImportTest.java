package club.icourse.reviewapp.catalogue;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_CLASS;
import static club.icourse.db.review.Tables.COURSE_TEACHER;
import static club.icourse.db.review.Tables.COURSE_TERM;
import static club.icourse.db.review.Tables.TEACHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.course.CourseChanged;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@ReviewAppTest
@RecordApplicationEvents
class CatalogueImportTest {

	@Autowired
	CatalogueImport catalogue;

	@Autowired
	DSLContext dsl;

	@Autowired
	ApplicationEvents events;

	private static final String TEACHERS = "\"t1-%1$s\", \"t2-%1$s\"";

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void importingTheSameFileTwiceChangesNothing() {
		byte[] file = file("数学分析(B1)", "6", "\"MATH1006.01\", \"MATH1006.02\"", TEACHERS);
		ImportSummary first = catalogue.load(file);
		assertThat(first).isEqualTo(new ImportSummary(2, 0, 3, 0, 2, 0, 0, 3, 0));
		assertThat(changedCourses()).hasSize(2);

		events.clear();
		ImportSummary second = catalogue.load(file);
		assertThat(second).isEqualTo(new ImportSummary(0, 0, 0, 0, 0, 0, 2, 0, 0));
		assertThat(second.changedNothing()).isTrue();
		assertThat(changedCourses()).as("no event for unchanged courses").isEmpty();
		assertThat(dsl.fetchCount(COURSE, COURSE.NAME.eq("数学分析(B1)" + run))).isEqualTo(1);
	}

	@Test
	void aChangedCourseIsUpdatedInPlace() {
		catalogue.load(file("线性代数(A)", "4", "\"MATH1009.01\", \"MATH1009.02\"", TEACHERS));
		long course = courseId("线性代数(A)" + run);
		events.clear();

		ImportSummary summary = catalogue
			.load(file("线性代数(A)", "4.5", "\"MATH1009.01\", \"MATH1009.03\"", "\"t2-%1$s\", \"t1-%1$s\""));

		assertThat(summary.coursesUpdated()).isEqualTo(1);
		assertThat(summary.termsUpdated()).as("credits changed in both terms").isEqualTo(2);
		assertThat(summary.teachersUpdated()).isZero();
		assertThat(dsl.fetchCount(COURSE, COURSE.NAME.eq("线性代数(A)" + run))).as("the same course").isEqualTo(1);
		var term = dsl.selectFrom(COURSE_TERM)
			.where(COURSE_TERM.COURSE_ID.eq(course))
			.and(COURSE_TERM.TERM.eq("2025-spring"))
			.fetchSingle();
		assertThat(term.getCredits()).isEqualByComparingTo(new BigDecimal("4.5"));
		assertThat(term.getTermOrder()).isEqualTo(20251);
		assertThat(dsl.select(COURSE_CLASS.CLASS_CODE)
			.from(COURSE_CLASS)
			.where(COURSE_CLASS.COURSE_TERM_ID.eq(term.getId()))
			.orderBy(COURSE_CLASS.CLASS_CODE)
			.fetch(COURSE_CLASS.CLASS_CODE)).containsExactly("MATH1009.01", "MATH1009.03");
		assertThat(teachersOf(course)).containsExactly("曾乐", "单志强");
		assertThat(changedCourses()).contains(course);
	}

	@Test
	void aRenamedTeacherKeepsTheirCoursesWhichChange() {
		catalogue.load(file("大学物理", "3", "", TEACHERS));
		long course = courseId("大学物理" + run);
		events.clear();

		String renamed = new String(file("大学物理", "3", "", TEACHERS), StandardCharsets.UTF_8).replace("单志强", "单志刚");
		ImportSummary summary = catalogue.load(renamed.getBytes(StandardCharsets.UTF_8));

		assertThat(summary.teachersUpdated()).isEqualTo(1);
		assertThat(summary.coursesUpdated()).isEqualTo(1);
		assertThat(teachersOf(course)).containsExactly("单志刚", "曾乐");
		assertThat(dsl.fetchCount(COURSE, COURSE.NAME.eq("大学物理" + run))).isEqualTo(1);
		assertThat(changedCourses()).contains(course);
	}

	@Test
	void aFileWithProblemsIsRefusedWholeWithWhereAndWhy() {
		String broken = """
				{"departments": [{"code": "d1-%1$s", "name": "数学科学学院"}],
				 "teachers": [{"key": "t1-%1$s", "name": "张三", "department": "nowhere"}],
				 "courses": [
				   {"name": "好课%1$s", "teachers": ["t1-%1$s"], "terms": [{"term": "2025-spring", "code": "MATH1"}]},
				   {"name": "坏课%1$s", "teachers": ["t9"], "terms": [{"term": "2025-winter", "code": "", "credits": -1, "hours": "many"}]}
				 ]}"""
			.formatted(run);

		assertThatThrownBy(() -> catalogue.load(broken.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(
				CatalogueRefusedException.class,
				refused -> assertThat(refused.problems())
					.extracting(p -> p.entry() + " / " + p.field() + " / " + p.code())
					.containsExactly("teachers[0] (张三) / department / unknown-department",
							"courses[1] (坏课" + run + ") / teachers[0] / unknown-teacher",
							"courses[1] (坏课" + run + ").terms[0] (2025-winter) / term / term",
							"courses[1] (坏课" + run + ").terms[0] (2025-winter) / code / missing",
							"courses[1] (坏课" + run + ").terms[0] (2025-winter) / credits / credits",
							"courses[1] (坏课" + run + ").terms[0] (2025-winter) / hours / integer"));
		assertThat(dsl.fetchCount(COURSE, COURSE.NAME.eq("好课" + run))).as("nothing stored").isZero();
	}

	@Test
	void namesTheDatabaseTakesForOneAreRefusedNotFailed() {
		String json = """
				{"courses": [{"name": "Strasse%1$s", "terms": [{"term": "2025-spring", "code": "DE1"}]},
				             {"name": "Straße%1$s", "terms": [{"term": "2025-spring", "code": "DE1"}]}]}"""
			.formatted(run);

		assertThatThrownBy(() -> catalogue.load(json.getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(
				CatalogueRefusedException.class,
				refused -> assertThat(refused.problems()).extracting(CatalogueProblem::code)
					.containsExactly("conflict"));
		assertThat(dsl.fetchCount(COURSE, COURSE.NAME.like("Stra%" + run))).isZero();
	}

	@Test
	void brokenJsonIsRefusedWithItsPlace() {
		assertThatThrownBy(() -> catalogue.load("{\"courses\": [\n{\"name\": }]}".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(CatalogueRefusedException.class, refused -> {
				assertThat(refused.problems()).hasSize(1);
				assertThat(refused.problems().getFirst().code()).isEqualTo("json");
				assertThat(refused.problems().getFirst().arguments().getFirst()).isEqualTo(2);
			});
		assertThatThrownBy(() -> catalogue.load("[]".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(CatalogueRefusedException.class);
		assertThatThrownBy(() -> catalogue.load(new byte[0])).isInstanceOf(CatalogueRefusedException.class);
		byte[] deep = ("{\"courses\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}")
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> catalogue.load(deep)).isInstanceOfSatisfying(CatalogueRefusedException.class,
				refused -> assertThat(refused.problems().getFirst().code()).isEqualTo("json"));
		byte[] manyWrong = ("{\"courses\": [" + "1,".repeat(10_000) + "1]}").getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> catalogue.load(manyWrong)).isInstanceOfSatisfying(CatalogueRefusedException.class,
				refused -> assertThat(refused.problems()).hasSize(CatalogueReader.MAX_PROBLEMS));
	}

	@Test
	void universityTermCodesAreStoredCanonically() {
		String json = """
				{"teachers": [{"key": "tt-%1$s", "name": "解明"}],
				 "courses": [{"name": "量子力学%1$s", "teachers": ["tt-%1$s"],
				              "terms": [{"term": "20241", "code": "PHYS3001"}, {"term": "20242", "code": "PHYS3001"}]}]}"""
			.formatted(run);
		catalogue.load(json.getBytes(StandardCharsets.UTF_8));
		assertThat(dsl.select(COURSE_TERM.TERM, COURSE_TERM.TERM_ORDER)
			.from(COURSE_TERM)
			.where(COURSE_TERM.COURSE_ID.eq(courseId("量子力学" + run)))
			.orderBy(COURSE_TERM.TERM_ORDER)
			.fetch(r -> r.value1() + "=" + r.value2())).containsExactly("2024-autumn=20243", "2025-spring=20251");
	}

	@Test
	void aFileOfThreeThousandCoursesImportsInSeconds() {
		StringBuilder json = new StringBuilder(
				"{\"departments\": [{\"code\": \"big-%1$s\", \"name\": \"大学院\"}], \"teachers\": [");
		for (int t = 0; t < 1500; t++) {
			json.append(t == 0 ? "" : ",")
				.append("{\"key\": \"big-%1$s-")
				.append(t)
				.append("\", \"name\": \"教师")
				.append(t)
				.append("\", \"department\": \"big-%1$s\"}");
		}
		json.append("], \"courses\": [");
		for (int c = 0; c < 3000; c++) {
			json.append(c == 0 ? "" : ",")
				.append("{\"name\": \"课程")
				.append(c / 2)
				.append("\", \"teachers\": [\"big-%1$s-")
				.append(c % 1500)
				.append("\"], \"department\": \"big-%1$s\", \"terms\": [");
			for (String term : List.of("2024-autumn", "2025-spring")) {
				json.append(term.startsWith("2024") ? "" : ",")
					.append("{\"term\": \"")
					.append(term)
					.append("\", \"code\": \"BIG")
					.append(c / 2)
					.append("\", \"credits\": 3, \"hours\": 60, \"type\": \"选修\", \"classes\": [\"BIG")
					.append(c / 2)
					.append(".01\", \"BIG")
					.append(c / 2)
					.append(".02\"]}");
			}
			json.append("]}");
		}
		byte[] file = json.append("]}").toString().formatted(run).getBytes(StandardCharsets.UTF_8);

		long start = System.nanoTime();
		ImportSummary first = catalogue.load(file);
		long firstMillis = (System.nanoTime() - start) / 1_000_000;
		start = System.nanoTime();
		ImportSummary second = catalogue.load(file);
		long secondMillis = (System.nanoTime() - start) / 1_000_000;

		assertThat(first.coursesAdded()).isEqualTo(3000);
		assertThat(first.termsAdded()).isEqualTo(6000);
		assertThat(second.changedNothing()).isTrue();
		assertThat(firstMillis).as("first import, ms").isLessThan(30_000);
		assertThat(secondMillis).as("unchanged import, ms").isLessThan(15_000);
	}

	/**
	 * Two departments, three teachers, two courses (one taught by two teachers), three
	 * offerings.
	 */
	private byte[] file(String name, String credits, String classes, String teachers) {
		return """
				{"format": "icourse-catalogue/1",
				 "departments": [{"code": "001-%1$s", "name": "数学科学学院"}, {"code": "002-%1$s", "name": "物理学院"}],
				 "teachers": [
				   {"key": "t1-%1$s", "name": "单志强", "department": "001-%1$s"},
				   {"key": "t2-%1$s", "name": "曾乐", "department": "001-%1$s"},
				   {"key": "t3-%1$s", "name": "王伟", "department": "002-%1$s"}],
				 "courses": [
				   {"name": "%2$s%1$s", "teachers": [%5$s], "department": "001-%1$s",
				    "terms": [
				      {"term": "2024-autumn", "code": "MATH1009", "credits": %3$s, "hours": 80, "type": "必修", "level": "本科"},
				      {"term": "2025-spring", "code": "MATH1009", "credits": %3$s, "hours": 80, "type": "必修", "level": "本科",
				       "description": "矩阵与线性空间", "classes": [%4$s]}]},
				   {"name": "概率论%1$s", "teachers": ["t3-%1$s"], "terms": [{"term": "2025-spring", "code": "MATH2001"}]}]}
				"""
			.formatted(run, name, credits, classes, teachers.formatted(run))
			.getBytes(StandardCharsets.UTF_8);
	}

	private long courseId(String name) {
		return dsl.select(COURSE.ID).from(COURSE).where(COURSE.NAME.eq(name)).fetchSingle(COURSE.ID);
	}

	private List<String> teachersOf(long course) {
		return dsl.select(TEACHER.NAME)
			.from(COURSE_TEACHER)
			.join(TEACHER)
			.on(TEACHER.ID.eq(COURSE_TEACHER.TEACHER_ID))
			.where(COURSE_TEACHER.COURSE_ID.eq(course))
			.orderBy(COURSE_TEACHER.POSITION)
			.fetch(TEACHER.NAME);
	}

	private List<Long> changedCourses() {
		return events.stream(CourseChanged.class).map(CourseChanged::courseId).toList();
	}

}
