package club.icourse.reviewapp.search;

import static org.assertj.core.api.Assertions.assertThat;

import club.icourse.reviewapp.ReviewAppTest;
import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.review.Reviews;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What Chinese-speaking students type, over a small catalogue: each query must find the
 * given course, teacher or review in the top 5 at the given matching step, and reviews
 * only for who may read them.
 */
@ReviewAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchQueriesTest {

	/**
	 * query | step (- for any) | kind | expected course, teacher or review (! for must
	 * not appear) | viewer (anonymous when blank; student, teacher, admin, or
	 * author:review).
	 */
	private static final String CASES = """
			数学分析 | EXACT | COURSE | 数学分析
			线性代数(B1) | EXACT | COURSE | 线性代数(B1)
			Linear Algebra (English) | EXACT | COURSE | Linear Algebra (English)
			概率论与数理统计 | EXACT | COURSE | 概率论与数理统计
			微分方程引论 | EXACT | COURSE | 微分方程引论
			复变函数 | EXACT | COURSE | 复变函数
			实变函数 | EXACT | COURSE | 实变函数
			数理逻辑 | EXACT | COURSE | 数理逻辑
			大学物理(A) | EXACT | COURSE | 大学物理(A)
			热力学与统计物理 | EXACT | COURSE | 热力学与统计物理
			量子力学 | EXACT | COURSE | 量子力学
			计算机程序设计 | EXACT | COURSE | 计算机程序设计
			数据结构 | EXACT | COURSE | 数据结构
			算法基础 | EXACT | COURSE | 算法基础
			操作系统 | EXACT | COURSE | 操作系统
			编译原理 | EXACT | COURSE | 编译原理
			计算机网络 | EXACT | COURSE | 计算机网络
			人工智能导论 | EXACT | COURSE | 人工智能导论
			机器学习 | EXACT | COURSE | 机器学习
			中国近代史纲要 | EXACT | COURSE | 中国近代史纲要
			世界古代史 | EXACT | COURSE | 世界古代史
			中国古代文学 | EXACT | COURSE | 中国古代文学
			数学 | EXACT | COURSE | 数学分析
			代数 | EXACT | COURSE | 线性代数(B1)
			物理 | EXACT | COURSE | 大学物理(A)
			统计 | EXACT | COURSE | 概率论与数理统计
			函数 | EXACT | COURSE | 复变函数
			史纲 | EXACT | COURSE | 中国近代史纲要
			程序 | EXACT | COURSE | 计算机程序设计
			网络 | EXACT | COURSE | 计算机网络
			智能 | EXACT | COURSE | 人工智能导论
			古代 | EXACT | COURSE | 世界古代史
			力学 | EXACT | COURSE | 量子力学
			algebra | EXACT | COURSE | Linear Algebra (English)
			量 | EXACT | COURSE | 量子力学
			分析 数学 | BIGRAMS | COURSE | 数学分析
			代数 线性 | BIGRAMS | COURSE | 线性代数(B1)
			统计 概率 | BIGRAMS | COURSE | 概率论与数理统计
			力学 量子 | BIGRAMS | COURSE | 量子力学
			基础 算法 | BIGRAMS | COURSE | 算法基础
			网络 计算机 | BIGRAMS | COURSE | 计算机网络
			数学分析 张三 | BIGRAMS | COURSE | 数学分析
			操作系统 陈晨 | BIGRAMS | COURSE | 操作系统
			清楚 讲课 | BIGRAMS | REVIEW | public
			数分 | ABBREVIATION | COURSE | 数学分析
			线代 | ABBREVIATION | COURSE | 线性代数(B1)
			概统 | ABBREVIATION | COURSE | 概率论与数理统计
			量力 | ABBREVIATION | COURSE | 量子力学
			计网 | ABBREVIATION | COURSE | 计算机网络
			人导 | ABBREVIATION | COURSE | 人工智能导论
			热统 | ABBREVIATION | COURSE | 热力学与统计物理
			编原 | ABBREVIATION | COURSE | 编译原理
			数结 | ABBREVIATION | COURSE | 数据结构
			机学 | ABBREVIATION | COURSE | 机器学习
			线形代数 | ONE_CHARACTER | COURSE | 线性代数(B1)
			数学分吸 | ONE_CHARACTER | COURSE | 数学分析
			操做系统 | ONE_CHARACTER | COURSE | 操作系统
			编意原理 | ONE_CHARACTER | COURSE | 编译原理
			计算机网路 | ONE_CHARACTER | COURSE | 计算机网络
			数据解构 | ONE_CHARACTER | COURSE | 数据结构
			量子力学学 | ONE_CHARACTER | COURSE | 量子力学
			人工只能导论 | ONE_CHARACTER | COURSE | 人工智能导论
			古代文明 | ONE_CHARACTER | COURSE | 中国古代文学
			张山 | ONE_CHARACTER | TEACHER | 张三
			李斯 | ONE_CHARACTER | TEACHER | 李四
			陈辰 | ONE_CHARACTER | TEACHER | 陈晨
			朴书 | ONE_CHARACTER | TEACHER | 朴树
			shuxuefenxi | PINYIN | COURSE | 数学分析
			sxfx | PINYIN | COURSE | 数学分析
			fenxi | PINYIN | COURSE | 数学分析
			xianxingdaishu | PINYIN | COURSE | 线性代数(B1)
			xxds | PINYIN | COURSE | 线性代数(B1)
			liangzilixue | PINYIN | COURSE | 量子力学
			lzlx | PINYIN | COURSE | 量子力学
			zhang san | PINYIN | TEACHER | 张三
			zhangsan | PINYIN | TEACHER | 张三
			zs | PINYIN | TEACHER | 张三
			shantianfang | PINYIN | TEACHER | 单田芳
			dantianfang | PINYIN | TEACHER | 单田芳
			zengxiaoxian | PINYIN | TEACHER | 曾小贤
			cengxiaoxian | PINYIN | TEACHER | 曾小贤
			piaoshu | PINYIN | TEACHER | 朴树
			pushu | PINYIN | TEACHER | 朴树
			xiexiaodong | PINYIN | TEACHER | 解晓东
			jiexiaodong | PINYIN | TEACHER | 解晓东
			yuejia | PINYIN | TEACHER | 乐嘉
			lejia | PINYIN | TEACHER | 乐嘉
			qinming | PINYIN | TEACHER | 覃明
			tanming | PINYIN | TEACHER | 覃明
			zhaliangyong | PINYIN | TEACHER | 查良镛
			chaliangyong | PINYIN | TEACHER | 查良镛
			ouzhihang | PINYIN | TEACHER | 区志航
			zhaitianlin | PINYIN | TEACHER | 翟天临
			yuchigong | PINYIN | TEACHER | 尉迟恭
			qiuying | PINYIN | TEACHER | 仇英
			chouying | PINYIN | TEACHER | 仇英
			ou yang xiu | PINYIN | TEACHER | 欧阳修
			huangrong | PINYIN | COURSE | 算法基础
			量子计算 | PARTIAL | COURSE | 量子力学
			计算机视觉 | PARTIAL | COURSE | 计算机网络
			数学物理方法 | PARTIAL | COURSE | 大学物理(A)
			人工智能与机器学习 | PARTIAL | COURSE | 机器学习
			數學分析 | EXACT | COURSE | 数学分析
			線性代數 | EXACT | COURSE | 线性代数(B1)
			機器學習 | EXACT | COURSE | 机器学习
			計算機網絡 | EXACT | COURSE | 计算机网络
			編譯原理 | EXACT | COURSE | 编译原理
			量子力學 | EXACT | COURSE | 量子力学
			熱力學 | EXACT | COURSE | 热力学与统计物理
			張三 | EXACT | TEACHER | 张三
			ＭＡＴＨ１００６ | EXACT | COURSE | 数学分析
			ｃｓ３００３ | EXACT | COURSE | 操作系统
			math1009 | EXACT | COURSE | 线性代数(B1)
			Ｌｉｎｅａｒ | EXACT | COURSE | Linear Algebra (English)
			LINEAR ALGEBRA | EXACT | COURSE | Linear Algebra (English)
			MATH10 | EXACT | COURSE | 数学分析
			MATH10 | EXACT | COURSE | 线性代数(B1)
			math3 | EXACT | COURSE | 复变函数
			CS30 | EXACT | COURSE | 操作系统
			CS30 | EXACT | COURSE | 编译原理
			CS30 | EXACT | COURSE | 计算机网络
			HIST | EXACT | COURSE | 中国近代史纲要
			PHYS3002 | EXACT | COURSE | 量子力学
			cs4 | EXACT | COURSE | 机器学习
			张三老师 | EXACT | TEACHER | 张三
			李四教授 | EXACT | TEACHER | 李四
			单田芳老师 | EXACT | TEACHER | 单田芳
			曾小贤 老师 | EXACT | TEACHER | 曾小贤
			张三 | EXACT | TEACHER | 张三
			欧阳修 | EXACT | TEACHER | 欧阳修
			覃明 | EXACT | TEACHER | 覃明
			黄蓉 | EXACT | TEACHER | 黄蓉
			郭靖 | EXACT | TEACHER | 郭靖
			查良镛 | EXACT | TEACHER | 查良镛
			翟天临 | EXACT | TEACHER | 翟天临
			仇英 | EXACT | TEACHER | 仇英
			周芷若 | EXACT | TEACHER | 周芷若
			张 | EXACT | TEACHER | 张三
			翟 | EXACT | TEACHER | 翟天临
			黄蓉 | EXACT | COURSE | 算法基础
			郭靖 | EXACT | COURSE | 算法基础
			赵敏 | EXACT | COURSE | 机器学习
			张三 | EXACT | COURSE | 实变函数
			王五 | EXACT | COURSE | 数理逻辑
			讲课非常清楚 | EXACT | REVIEW | public
			薛定谔方程 | EXACT | REVIEW | anonymous
			薛定谔方程 | EXACT | REVIEW | anonymous | student
			讲得很透彻 | EXACT | REVIEW | traditional
			講得 | EXACT | REVIEW | traditional
			矩阵运算 | - | REVIEW | !studentsOnly
			矩阵运算 | EXACT | REVIEW | studentsOnly | student
			矩阵运算 | - | REVIEW | !studentsOnly | teacher
			矩阵运算 | - | REVIEW | !studentsOnly | admin
			矩阵运算 | EXACT | REVIEW | studentsOnly | author:studentsOnly
			内核调度器 | - | REVIEW | !hidden
			内核调度器 | - | REVIEW | !hidden | student
			内核调度器 | - | REVIEW | !hidden | admin
			内核调度器 | EXACT | REVIEW | hidden | author:hidden
			词法分析器 | - | REVIEW | !blocked
			词法分析器 | - | REVIEW | !blocked | student
			词法分析器 | EXACT | REVIEW | blocked | admin
			词法分析器 | EXACT | REVIEW | blocked | author:blocked
			""";

	record Case(String query, MatchStep step, SearchKind kind, String expected, boolean absent, String viewer) {

		@Override
		public String toString() {
			return query + " -> " + (absent ? "not " : "") + expected + (viewer.isEmpty() ? "" : " for " + viewer);
		}
	}

	@Autowired
	CatalogueSearch search;

	@Autowired
	SearchIndexer indexer;

	@Autowired
	DSLContext dsl;

	@Autowired
	Reviews reviews;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactionManager;

	private SearchFixture fixture;

	@BeforeAll
	void catalogue() {
		fixture = new SearchFixture(dsl).load(reviews, events, new TransactionTemplate(transactionManager));
		indexer.catchUp();
	}

	static Stream<Case> cases() {
		return CASES.lines().filter(line -> !line.isBlank()).map(line -> {
			String[] cell = line.split("\\|", -1);
			String expected = cell[3].strip();
			return new Case(cell[0].strip(), cell[1].strip().equals("-") ? null : MatchStep.valueOf(cell[1].strip()),
					SearchKind.valueOf(cell[2].strip()), expected.replace("!", ""), expected.startsWith("!"),
					cell.length > 4 ? cell[4].strip() : "");
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void findsWhatStudentsType(Case query) {
		CatalogueSearch.Results results = search
			.search(new CatalogueSearch.Request(query.query(), query.kind(), null, null, 1, viewer(query.viewer())));
		List<Long> top = results.hits().items().stream().limit(5).map(CatalogueSearch.Hit::id).toList();
		long expected = switch (query.kind()) {
			case COURSE -> fixture.courses.get(query.expected());
			case TEACHER -> fixture.teachers.get(query.expected());
			case REVIEW -> fixture.reviews.get(query.expected());
		};
		if (query.absent()) {
			assertThat(top).doesNotContain(expected);
			assertThat(results.counts().getOrDefault(SearchKind.REVIEW, 0)).as("counted for this viewer").isZero();
			return;
		}
		assertThat(results.step()).isEqualTo(query.step());
		assertThat(top).as(results.hits().items().toString()).contains(expected);
	}

	private Optional<Person> viewer(String viewer) {
		return switch (viewer) {
			case "" -> Optional.empty();
			case "student" -> Optional.of(fixture.student);
			case "teacher" -> Optional.of(fixture.teacher);
			case "admin" -> Optional.of(fixture.admin);
			default -> Optional.of(fixture.authors.get(viewer.substring("author:".length())));
		};
	}

}
