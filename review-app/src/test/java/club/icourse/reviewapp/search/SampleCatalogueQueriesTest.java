package club.icourse.reviewapp.search;

import static club.icourse.db.review.Tables.COURSE;
import static club.icourse.db.review.Tables.COURSE_TEACHER;
import static club.icourse.db.review.Tables.PERSON;
import static club.icourse.db.review.Tables.REVIEW;
import static club.icourse.db.review.Tables.TEACHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.select;

import club.icourse.db.review.tables.records.ReviewRecord;
import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.TestCatalogue;
import club.icourse.reviewapp.catalogue.SampleData;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.ReviewSnapshot;
import club.icourse.reviewapp.review.Visibility;
import club.icourse.shared.Affiliation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shipped sample catalogue and its demo reviews: each query must find a course or
 * teacher of the given name in the top 5 (a name ending in * stands for every name it
 * starts), at the given matching step; demo reviews of every privacy setting are found
 * exactly by those who may read them.
 */
@ReviewAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleCatalogueQueriesTest {

	/** query | step | kind | expected name. */
	private static final String CASES = """
			数学分析(B1) | EXACT | COURSE | 数学分析(B1)
			线性代数(A) | EXACT | COURSE | 线性代数(A)
			概率论与数理统计 | EXACT | COURSE | 概率论与数理统计
			常微分方程 | EXACT | COURSE | 常微分方程
			泛函分析 | EXACT | COURSE | 泛函分析
			拓扑学 | EXACT | COURSE | 拓扑学
			高等代数 | EXACT | COURSE | 高等代数
			电磁学A | EXACT | COURSE | 电磁学A
			理论力学 | EXACT | COURSE | 理论力学*
			量子力学 | EXACT | COURSE | 量子力学(A)
			热力学与统计物理 | EXACT | COURSE | 热力学与统计物理
			广义相对论导论 | EXACT | COURSE | 广义相对论导论
			有机化学 | EXACT | COURSE | 有机化学*
			普通生物学 | EXACT | COURSE | 普通生物学
			模拟电子技术 | EXACT | COURSE | 模拟电子技术
			信号与系统 | EXACT | COURSE | 信号与系统
			数据结构 | EXACT | COURSE | 数据结构
			操作系统 | EXACT | COURSE | 操作系统
			编译原理 | EXACT | COURSE | 编译原理
			机器学习 | EXACT | COURSE | 机器学习
			微观经济学 | EXACT | COURSE | 微观经济学
			博弈论 | EXACT | COURSE | 博弈论
			西方哲学史 | EXACT | COURSE | 西方哲学史
			综合英语(一) | EXACT | COURSE | 综合英语(一)
			核反应堆物理 | EXACT | COURSE | 核反应堆物理
			面向对象程序设计 | EXACT | COURSE | 面向对象程序设计
			密码学导论 | EXACT | COURSE | 密码学导论
			太极拳 | EXACT | COURSE | 太极拳
			中国近现代史纲要 | EXACT | COURSE | 中国近现代史纲要
			集成电路设计 | EXACT | COURSE | 集成电路设计
			相对论 | EXACT | COURSE | 广义相对论导论
			遗传 | EXACT | COURSE | 遗传学
			天文 | EXACT | COURSE | 天文学导论
			篮球 | EXACT | COURSE | 篮球
			书法 | EXACT | COURSE | 书法艺术
			自动机 | EXACT | COURSE | 形式语言与自动机
			史纲 | EXACT | COURSE | 中国近现代史纲要
			复变 | EXACT | COURSE | 复变函数(B)
			數學分析 | EXACT | COURSE | 数学分析*
			線性代數 | EXACT | COURSE | 线性代数*
			計算機網絡 | EXACT | COURSE | 计算机网络
			電磁學 | EXACT | COURSE | 电磁学A
			機器學習 | EXACT | COURSE | 机器学习
			MATH1001 | EXACT | COURSE | 数学分析(B1)
			math1006 | EXACT | COURSE | 线性代数(B1)
			ＭＡＴＨ２０１１ | EXACT | COURSE | 泛函分析
			MATH201 | EXACT | COURSE | 实变函数
			PHYS1018 | EXACT | COURSE | 量子力学(A)
			CS101 | EXACT | COURSE | 操作系统
			cs2019 | EXACT | COURSE | 机器学习
			MARX102 | EXACT | COURSE | 马克思主义基本原理
			CHEM1016 | EXACT | COURSE | 有机化学(A)
			PE101 | EXACT | COURSE | 游泳
			张英晨 | EXACT | TEACHER | 张英晨
			张英晨老师 | EXACT | TEACHER | 张英晨
			彭颖兰教授 | EXACT | TEACHER | 彭颖兰
			解博东 | EXACT | TEACHER | 解博东
			乐长敏 | EXACT | TEACHER | 乐长敏
			单鹏重 | EXACT | TEACHER | 单鹏重
			仇庆海 | EXACT | TEACHER | 仇庆海
			姚轩浩 | EXACT | TEACHER | 姚轩浩
			张英晨 | EXACT | COURSE | 数学分析*
			解博东 | EXACT | COURSE | 微分几何
			仇庆海 | EXACT | COURSE | 信号与系统
			单鹏重 | EXACT | COURSE | 生态学
			分析 泛函 | BIGRAMS | COURSE | 泛函分析
			方程 常微分 | BIGRAMS | COURSE | 常微分方程
			原理 编译 | BIGRAMS | COURSE | 编译原理
			系统 操作 | BIGRAMS | COURSE | 操作系统
			编译原理 邹睿凯 | - | COURSE | 编译原理
			数分 | ABBREVIATION | COURSE | 数学分析*
			线代 | ABBREVIATION | COURSE | 线性代数*
			大物 | ABBREVIATION | COURSE | 大学物理*
			概统 | ABBREVIATION | COURSE | 概率论与数理统计
			计网 | ABBREVIATION | COURSE | 计算机网络
			量力 | ABBREVIATION | COURSE | 量子力学*
			计组 | ABBREVIATION | COURSE | 计算机组成原理
			常微 | EXACT | COURSE | 常微分方程
			热统 | ABBREVIATION | COURSE | 热力学与统计物理
			模电 | ABBREVIATION | COURSE | 模拟电子技术
			数电 | ABBREVIATION | COURSE | 数字电路
			马原 | ABBREVIATION | COURSE | 马克思主义基本原理
			毛概 | ABBREVIATION | COURSE | 毛泽东思想和中国特色社会主义理论体系概论
			高代 | ABBREVIATION | COURSE | 高等代数
			解几 | ABBREVIATION | COURSE | 解析几何
			程设 | ABBREVIATION | COURSE | 计算机程序设计(A)
			普生 | ABBREVIATION | COURSE | 普通生物学
			泛函分吸 | ONE_CHARACTER | COURSE | 泛函分析
			常微分方成 | ONE_CHARACTER | COURSE | 常微分方程
			编意原理 | ONE_CHARACTER | COURSE | 编译原理
			数据解构 | ONE_CHARACTER | COURSE | 数据结构
			微观经济 学学 | - | COURSE | 微观经济学
			张英成 | ONE_CHARACTER | TEACHER | 张英晨
			彭颖蓝 | ONE_CHARACTER | TEACHER | 彭颖兰
			shuxuefenxi | PINYIN | COURSE | 数学分析*
			sxfx | PINYIN | COURSE | 数学分析*
			xianxingdaishu | PINYIN | COURSE | 线性代数*
			fanhanfenxi | PINYIN | COURSE | 泛函分析
			tuopuxue | PINYIN | COURSE | 拓扑学
			bianyiyuanli | PINYIN | COURSE | 编译原理
			jsjwl | PINYIN | COURSE | 计算机网络
			czxt | PINYIN | COURSE | 操作系统
			zhangyingchen | PINYIN | TEACHER | 张英晨
			zhang ying chen | PINYIN | TEACHER | 张英晨
			xiebodong | PINYIN | TEACHER | 解博东
			jiebodong | PINYIN | TEACHER | 解博东
			lechangmin | PINYIN | TEACHER | 乐长敏
			yuezhangmin | PINYIN | TEACHER | 乐长敏
			shanpengzhong | PINYIN | TEACHER | 单鹏重
			danpengchong | PINYIN | TEACHER | 单鹏重
			qiuqinghai | PINYIN | TEACHER | 仇庆海
			chouqinghai | PINYIN | TEACHER | 仇庆海
			pengyinglan | PINYIN | TEACHER | 彭颖兰
			量子场论 | PARTIAL | COURSE | 量子力学*
			代数拓扑学 | - | COURSE | 拓扑学
			生物信息与机器学习 | PARTIAL | COURSE | 机器学习
			""";

	record Case(String query, MatchStep step, SearchKind kind, String expected) {

		@Override
		public String toString() {
			return query + " -> " + expected;
		}
	}

	@Autowired
	SampleData sample;

	@Autowired
	SearchIndexer indexer;

	@Autowired
	CatalogueSearch search;

	@Autowired
	DSLContext dsl;

	@BeforeAll
	void sampleData() {
		sample.loadCatalogue();
		sample.loadDemoReviews();
		indexer.catchUp();
	}

	static Stream<Case> cases() {
		return CASES.lines().filter(line -> !line.isBlank()).map(line -> {
			String[] cell = line.split("\\|");
			return new Case(cell[0].strip(), cell[1].strip().equals("-") ? null : MatchStep.valueOf(cell[1].strip()),
					SearchKind.valueOf(cell[2].strip()), cell[3].strip());
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void findsTheSampleCatalogue(Case query) {
		CatalogueSearch.Results results = search
			.search(new CatalogueSearch.Request(query.query(), query.kind(), null, null, 1, Optional.empty()));
		List<Long> top = results.hits().items().stream().limit(5).map(CatalogueSearch.Hit::id).toList();
		if (query.step() != null) {
			assertThat(results.step()).isEqualTo(query.step());
		}
		assertThat(top).as(results.hits().items().stream().map(CatalogueSearch.Hit::label).toList().toString())
			.containsAnyElementsOf(named(query.kind(), query.expected()));
	}

	@Test
	void demoReviewsOfEveryPrivacySettingAreFoundByWhoMayReadThemOnly() {
		TestCatalogue people = new TestCatalogue(dsl);
		Person student = people.student();
		Person teacher = people.teacher();
		Person admin = people.admin();
		Map<String, Condition> settings = Map.of("plain",
				REVIEW.ANONYMOUS.isFalse()
					.and(REVIEW.STUDENTS_ONLY.isFalse())
					.and(REVIEW.HIDDEN.isFalse())
					.and(REVIEW.BLOCKED.isFalse()),
				"anonymous",
				REVIEW.ANONYMOUS.isTrue()
					.and(REVIEW.STUDENTS_ONLY.isFalse())
					.and(REVIEW.HIDDEN.isFalse())
					.and(REVIEW.BLOCKED.isFalse()),
				"studentsOnly",
				REVIEW.STUDENTS_ONLY.isTrue().and(REVIEW.HIDDEN.isFalse()).and(REVIEW.BLOCKED.isFalse()), "hidden",
				REVIEW.HIDDEN.isTrue(), "blocked", REVIEW.BLOCKED.isTrue());
		for (var setting : settings.entrySet()) {
			List<ReviewRecord> candidates = dsl.selectFrom(REVIEW)
				.where(setting.getValue())
				.and(REVIEW.AUTHOR_ID
					.in(select(PERSON.ID).from(PERSON).where(PERSON.ISSUER.eq(SampleData.DEMO_ISSUER))))
				.orderBy(REVIEW.ID)
				.fetch();
			ReviewRecord review = candidates.stream()
				.filter(candidate -> uniqueText(candidate) != null)
				.findFirst()
				.orElseThrow(() -> new AssertionError("No " + setting.getKey() + " demo review has text of its own"));
			String query = uniqueText(review);
			Person author = person(review.getAuthorId());
			for (Person viewer : List.of(student, teacher, admin, author)) {
				boolean found = search
					.search(new CatalogueSearch.Request(query, SearchKind.REVIEW, null, null, 1, Optional.of(viewer)))
					.hits()
					.items()
					.stream()
					.anyMatch(hit -> hit.id() == review.getId());
				assertThat(found).as(setting.getKey() + " review " + review.getId() + " (" + query + ") for " + viewer)
					.isEqualTo(Visibility.canRead(Optional.of(viewer), ReviewSnapshot.of(review)));
			}
			boolean foundByVisitor = search
				.search(new CatalogueSearch.Request(query, SearchKind.REVIEW, null, null, 1, Optional.empty()))
				.hits()
				.items()
				.stream()
				.anyMatch(hit -> hit.id() == review.getId());
			assertThat(foundByVisitor).as(setting.getKey() + " for a visitor")
				.isEqualTo(setting.getKey().equals("plain") || setting.getKey().equals("anonymous"));
		}
	}

	/**
	 * Ten Chinese characters of the review that no other review has, so that it must come
	 * first; or null.
	 */
	private String uniqueText(ReviewRecord review) {
		String content = review.getContent();
		for (int start = 0; start + 10 <= content.length(); start++) {
			String piece = content.substring(start, start + 10);
			if (SearchText.han(piece).equals(piece) && dsl.fetchCount(REVIEW, REVIEW.CONTENT.contains(piece)) == 1) {
				return piece;
			}
		}
		return null;
	}

	private Person person(long id) {
		var row = dsl.selectFrom(PERSON).where(PERSON.ID.eq(id)).fetchSingle();
		return new Person(id, row.getUsername(), Affiliation.fromClaimValue(row.getAffiliation()).orElse(null),
				row.getLocalAdmin());
	}

	/**
	 * Sample courses or teachers of the name (a name ending in * : every name it starts).
	 */
	private Set<Long> named(SearchKind kind, String name) {
		boolean prefix = name.endsWith("*");
		String stem = prefix ? name.substring(0, name.length() - 1) : name;
		Condition sampleTeacher = TEACHER.IMPORT_KEY.like("ustc-t%");
		if (kind == SearchKind.TEACHER) {
			return dsl.select(TEACHER.ID)
				.from(TEACHER)
				.where(sampleTeacher)
				.and(prefix ? TEACHER.NAME.startsWith(stem) : TEACHER.NAME.eq(stem))
				.fetchSet(TEACHER.ID);
		}
		return dsl.selectDistinct(COURSE.ID)
			.from(COURSE)
			.join(COURSE_TEACHER)
			.on(COURSE_TEACHER.COURSE_ID.eq(COURSE.ID))
			.join(TEACHER)
			.on(TEACHER.ID.eq(COURSE_TEACHER.TEACHER_ID))
			.where(sampleTeacher)
			.and(prefix ? COURSE.NAME.startsWith(stem) : COURSE.NAME.eq(stem))
			.fetch(COURSE.ID)
			.stream()
			.collect(Collectors.toSet());
	}

}
