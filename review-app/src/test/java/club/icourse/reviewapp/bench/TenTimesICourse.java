package club.icourse.reviewapp.bench;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_STATS;
import static club.icourse.db.review.Tables.COURSE_TEACHER;
import static club.icourse.db.review.Tables.COURSE_TERM;
import static club.icourse.db.review.Tables.DEPARTMENT;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.TEACHER;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Ten times iCourse's size, written straight into the database for the on-demand
 * benchmarks (search and pages): 140,000 courses with a teacher, a code and a term each,
 * 28,000 teachers, 20,000 people and 170,000 reviews of every privacy setting.
 */
public final class TenTimesICourse {

	public static final int COURSES = Integer.getInteger("search.benchmark.courses", 140_000);

	public static final int REVIEWS = Integer.getInteger("search.benchmark.reviews", 170_000);

	public static final int TEACHERS = COURSES / 5;

	public static final int PEOPLE = 20_000;

	public static final String[] LETTERS = { "MATH", "PHYS", "CHEM", "CS", "EE", "HIST", "ECON", "LAW", "ART", "BIO" };

	public static final String[] PHRASES = ("老师讲课非常清楚 作业量适中 期末考试很难 给分很好 推荐选修 实验报告很多 收获很大 点名很严 "
			+ "课程内容充实 助教很负责 上课节奏偏快 需要提前预习 板书工整 课件详细 小组讨论有意思 期中考试原题 平时分占比高 不建议水课 " + "数学要求高 编程作业难 阅读量大 论文要求严格")
		.split(" ");

	private static final int CHUNK = 2_000;

	private static final String[] SUBJECTS = ("数学 物理 化学 生物 计算机 程序 设计 分析 代数 几何 统计 概率 力学 电磁 光学 热学 量子 "
			+ "信息 网络 系统 工程 材料 经济 管理 历史 文学 哲学 法律 心理 艺术 英语 日语 德语 电路 信号 控制 算法 数据 结构 人工 智能 "
			+ "机器 学习 天文 地球 环境 能源 医学 药学 建筑 金融 会计 社会 政治 新闻 传播 音乐 体育 逻辑 方程 函数 拓扑 数论 图论")
		.split(" ");

	private static final String[] KINDS = "导论 基础 原理 方法 实验 概论 专题 进阶 前沿 研讨 与应用 选讲".split(" ");

	private static final String[] SURNAMES = "张 王 李 赵 陈 刘 杨 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 单 曾 朴 解 乐 覃 查 区 翟 仇 欧阳 尉迟"
		.split(" ");

	private static final String[] GIVEN = "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 涛 明 超 秀 霞 平 刚 桂 英 华 玉 萍 红 文 晨 晓 东 嘉 志 航 天 临 恭"
		.split(" ");

	private final DSLContext dsl;

	private final Random random;

	private long firstCourse;

	private long firstTeacher;

	private long firstPerson;

	public TenTimesICourse(DSLContext dsl, Random random) {
		this.dsl = dsl;
		this.random = random;
	}

	/** Writes the data set; answers the course names in the order of their ids. */
	public List<String> fill() {
		LocalDateTime now = LocalDateTime.now();
		List<Long> departments = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			departments.add(dsl.insertInto(DEPARTMENT)
				.set(DEPARTMENT.CODE, "B" + i)
				.set(DEPARTMENT.NAME, SUBJECTS[i] + "学院")
				.returningResult(DEPARTMENT.ID)
				.fetchSingle()
				.value1());
		}
		insert(TEACHER, List.of(TEACHER.IMPORT_KEY, TEACHER.NAME, TEACHER.DEPARTMENT_ID, TEACHER.CREATED_AT), TEACHERS,
				i -> new Object[] { "bench-" + i, teacherName(i), departments.get(i % 30), now });
		firstTeacher = dsl.select(TEACHER.ID)
			.from(TEACHER)
			.where(TEACHER.IMPORT_KEY.eq("bench-0"))
			.fetchSingle()
			.value1();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < COURSES; i++) {
			names.add(SUBJECTS[random.nextInt(SUBJECTS.length)] + SUBJECTS[random.nextInt(SUBJECTS.length)]
					+ KINDS[random.nextInt(KINDS.length)]
					+ (random.nextInt(4) == 0 ? "(" + (char) ('A' + random.nextInt(3)) + ")" : ""));
		}
		insert(COURSE, List.of(COURSE.NAME, COURSE.TEACHER_KEY, COURSE.DEPARTMENT_ID, COURSE.CREATED_AT), COURSES,
				i -> new Object[] { names.get(i), "bench-" + i, departments.get(i % 30), now });
		firstCourse = dsl.select(COURSE.ID).from(COURSE).where(COURSE.TEACHER_KEY.eq("bench-0")).fetchSingle().value1();
		insert(COURSE_TEACHER, List.of(COURSE_TEACHER.COURSE_ID, COURSE_TEACHER.TEACHER_ID, COURSE_TEACHER.POSITION),
				COURSES, i -> new Object[] { firstCourse + i, firstTeacher + (i * 7L) % TEACHERS, 0 });
		insert(COURSE_TERM,
				List.of(COURSE_TERM.COURSE_ID, COURSE_TERM.TERM, COURSE_TERM.TERM_ORDER, COURSE_TERM.COURSE_CODE),
				COURSES, i -> new Object[] { firstCourse + i, "2025-spring", 20251,
						LETTERS[i % LETTERS.length] + (1000 + i / 10) });
		insert(COURSE_STATS, List.of(COURSE_STATS.COURSE_ID, COURSE_STATS.REVIEW_COUNT, COURSE_STATS.NORMALIZED_RATING),
				COURSES, i -> new Object[] { firstCourse + i, random.nextInt(5), random.nextDouble() * 10 });
		insert(PERSON,
				List.of(PERSON.ISSUER, PERSON.SUBJECT, PERSON.USERNAME, PERSON.AFFILIATION, PERSON.CREATED_AT,
						PERSON.LAST_SEEN_AT),
				PEOPLE, i -> new Object[] { "http://bench", "bench-" + i, "bench" + i, "student", now, now });
		firstPerson = dsl.select(PERSON.ID).from(PERSON).where(PERSON.SUBJECT.eq("bench-0")).fetchSingle().value1();
		insert(REVIEW,
				List.of(REVIEW.COURSE_ID, REVIEW.AUTHOR_ID, REVIEW.TERM, REVIEW.CONTENT, REVIEW.CONTENT_HTML,
						REVIEW.ANONYMOUS, REVIEW.STUDENTS_ONLY, REVIEW.HIDDEN, REVIEW.CREATED_AT, REVIEW.UPDATED_AT),
				REVIEWS, i -> {
					String text = review();
					// (author, course) pairs never repeat: i and i + k * PEOPLE differ in
					// course by k.
					return new Object[] { firstCourse + (i * 7L + i / PEOPLE) % COURSES, firstPerson + i % PEOPLE,
							"2025-spring", text, "<p>" + text + "</p>", i % 7 == 0, i % 5 == 0, i % 50 == 0, now, now };
				});
		return names;
	}

	/** The id of the i-th generated course. */
	public long course(int i) {
		return firstCourse + i;
	}

	/** The id of the i-th generated teacher. */
	public long teacher(int i) {
		return firstTeacher + i;
	}

	/** The id of the i-th generated person (username {@code bench<i>}). */
	public long person(int i) {
		return firstPerson + i;
	}

	/** A few of the phrases reviews are made of, in random order. */
	public String review() {
		StringBuilder text = new StringBuilder();
		for (int j = 0; j < 4 + random.nextInt(8); j++) {
			text.append(PHRASES[random.nextInt(PHRASES.length)]).append(j % 3 == 2 ? "。" : "，");
		}
		return text.toString();
	}

	public static String teacherName(int i) {
		return SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length]
				+ (i % 3 == 0 ? "" : GIVEN[(i / 7) % GIVEN.length]);
	}

	public <R extends Record> void insert(Table<R> table, List<Field<?>> fields, int rows, IntFunction<Object[]> row) {
		for (int from = 0; from < rows; from += CHUNK) {
			var insert = dsl.insertInto(table, fields);
			for (int i = from; i < Math.min(rows, from + CHUNK); i++) {
				insert = insert.values(Arrays.asList(row.apply(i)));
			}
			insert.onDuplicateKeyIgnore().execute();
		}
	}

}
