package club.icourse.reviewapp.search;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.COURSE_TEACHER;
import static club.icourse.db.review.Tables.COURSE_TERM;
import static club.icourse.db.review.Tables.DEPARTMENT;
import static club.icourse.db.review.Tables.TEACHER;

import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.course.CourseChanged;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewDraft;
import club.icourse.reviewapp.review.Reviews;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A small catalogue for search tests: Chinese course names, teachers whose names have
 * polyphonic characters, codes of four departments, and reviews with each privacy
 * setting. Courses are announced with {@link CourseChanged} as the catalogue import does;
 * reviews are written through {@link Reviews}.
 */
final class SearchFixture {

	/** name, teachers (comma separated), department, code. */
	private static final String[][] COURSES = { { "数学分析", "张三", "SMATH", "MATH1006" },
			{ "线性代数(B1)", "李四", "SMATH", "MATH1009" }, { "Linear Algebra (English)", "李四", "SMATH", "MATH1010" },
			{ "概率论与数理统计", "单田芳", "SMATH", "MATH2002" }, { "微分方程引论", "欧阳修", "SMATH", "MATH2005" },
			{ "复变函数", "曾小贤", "SMATH", "MATH3001" }, { "实变函数", "张三", "SMATH", "MATH3002" },
			{ "数理逻辑", "王五", "SMATH", "MATH3010" }, { "大学物理(A)", "朴树", "SPHYS", "PHYS1001" },
			{ "热力学与统计物理", "解晓东", "SPHYS", "PHYS2004" }, { "量子力学", "乐嘉", "SPHYS", "PHYS3002" },
			{ "计算机程序设计", "王五", "SCS", "CS1001" }, { "数据结构", "覃明", "SCS", "CS1002" },
			{ "算法基础", "黄蓉,郭靖", "SCS", "CS2001" }, { "操作系统", "陈晨", "SCS", "CS3003" }, { "编译原理", "查良镛", "SCS", "CS3005" },
			{ "计算机网络", "区志航", "SCS", "CS3006" }, { "人工智能导论", "周芷若", "SCS", "CS4001" },
			{ "机器学习", "赵敏", "SCS", "CS4002" }, { "中国近代史纲要", "翟天临", "SHIST", "HIST1001" },
			{ "世界古代史", "尉迟恭", "SHIST", "HIST2001" }, { "中国古代文学", "仇英", "SHIST", "HIST2005" }, };

	final Map<String, Long> courses = new LinkedHashMap<>();

	final Map<String, Long> teachers = new LinkedHashMap<>();

	final Map<String, Long> reviews = new HashMap<>();

	final Map<String, Person> authors = new HashMap<>();

	Person student;

	Person teacher;

	Person admin;

	private final DSLContext dsl;

	SearchFixture(DSLContext dsl) {
		this.dsl = dsl;
	}

	SearchFixture load(Reviews reviewing, ApplicationEventPublisher events, TransactionTemplate transactions) {
		Map<String, Long> departments = new HashMap<>();
		for (String code : List.of("SMATH", "SPHYS", "SCS", "SHIST")) {
			departments.put(code,
					dsl.insertInto(DEPARTMENT)
						.set(DEPARTMENT.CODE, code)
						.set(DEPARTMENT.NAME, code + " 学院")
						.returningResult(DEPARTMENT.ID)
						.fetchSingle()
						.value1());
		}
		transactions.executeWithoutResult(status -> {
			for (String[] row : COURSES) {
				long department = departments.get(row[2]);
				long course = dsl.insertInto(COURSE)
					.set(COURSE.NAME, row[0])
					.set(COURSE.TEACHER_KEY, UUID.randomUUID().toString())
					.set(COURSE.DEPARTMENT_ID, department)
					.set(COURSE.CREATED_AT, LocalDateTime.now())
					.returningResult(COURSE.ID)
					.fetchSingle()
					.value1();
				dsl.insertInto(COURSE_STATS).set(COURSE_STATS.COURSE_ID, course).execute();
				String[] names = row[1].split(",");
				for (int i = 0; i < names.length; i++) {
					long teacherId = teachers.computeIfAbsent(names[i],
							name -> dsl.insertInto(TEACHER)
								.set(TEACHER.IMPORT_KEY, UUID.randomUUID().toString())
								.set(TEACHER.NAME, name)
								.set(TEACHER.DEPARTMENT_ID, department)
								.set(TEACHER.CREATED_AT, LocalDateTime.now())
								.returningResult(TEACHER.ID)
								.fetchSingle()
								.value1());
					dsl.insertInto(COURSE_TEACHER)
						.set(COURSE_TEACHER.COURSE_ID, course)
						.set(COURSE_TEACHER.TEACHER_ID, teacherId)
						.set(COURSE_TEACHER.POSITION, i)
						.execute();
				}
				for (String term : List.of("2024-autumn", "2025-spring")) {
					dsl.insertInto(COURSE_TERM)
						.set(COURSE_TERM.COURSE_ID, course)
						.set(COURSE_TERM.TERM, term)
						.set(COURSE_TERM.TERM_ORDER, term.startsWith("2024") ? 20243 : 20251)
						.set(COURSE_TERM.COURSE_CODE, row[3])
						.execute();
				}
				courses.put(row[0], course);
				events.publishEvent(new CourseChanged(course));
			}
		});
		TestCatalogue people = new TestCatalogue(dsl);
		student = people.student();
		teacher = people.teacher();
		admin = people.admin();
		review(reviewing, people, "public", "数学分析", "期中考试很难，但是老师讲课非常清楚，推荐认真听课", false, false);
		review(reviewing, people, "studentsOnly", "线性代数(B1)", "作业量适中，矩阵运算要多练，期末有原题", false, true);
		review(reviewing, people, "hidden", "操作系统", "实验要写内核调度器，非常锻炼人", false, false);
		reviewing.hide(authors.get("hidden"), reviews.get("hidden"), true);
		review(reviewing, people, "blocked", "编译原理", "词法分析器的大作业很有意思，助教也很有耐心", false, false);
		reviewing.block(admin, reviews.get("blocked"), true, "test");
		review(reviewing, people, "anonymous", "量子力学", "薛定谔方程推导占了一半课时，数学要求高", true, false);
		review(reviewing, people, "traditional", "机器学习", "梯度下降講得很透徹，課程項目有趣", false, false);
		return this;
	}

	private void review(Reviews reviewing, TestCatalogue people, String key, String course, String text,
			boolean anonymous, boolean studentsOnly) {
		Person author = people.student();
		authors.put(key, author);
		reviews.put(key, reviewing.write(author,
				new ReviewDraft(courses.get(course), "2025-spring", 8, 2, 2, 2, 2, text, anonymous, studentsOnly)));
	}

}
