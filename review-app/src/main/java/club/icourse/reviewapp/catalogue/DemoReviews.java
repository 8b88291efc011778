package club.icourse.reviewapp.catalogue;

import club.icourse.shared.Affiliation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Demo reviews of the sample catalogue, generated (seeded, so always the same): about 50
 * demo people, mostly students and a few teachers, writing a few hundred reviews in
 * Chinese Markdown that name the teachers and the nicknames students use for courses (数分,
 * 线代, 大物, 计网 …), with varied ratings and privacy settings. The search engine's test set
 * is built on them, so changing the seed or the texts changes its expectations.
 */
final class DemoReviews {

	static final int REVIEWS = 320;

	private static final long SEED = 20_251_126L;

	/** A demo person; index 0 is the administrator who blocks the few blocked reviews. */
	record Person(String subject, String username, Affiliation affiliation, boolean admin) {
	}

	/**
	 * One demo review of {@code courses().get(course)} by {@code people().get(author)}.
	 * Ratings all null for a text-only review; {@code blockedReason} null unless an
	 * administrator blocks it.
	 */
	record Review(int author, int course, String term, Integer rating, Integer difficulty, Integer homework,
			Integer grading, Integer gain, String content, boolean anonymous, boolean studentsOnly, boolean hidden,
			String blockedReason) {
	}

	private static final String[] STUDENT_NAMES = { "墨池", "量子猫", "ustc_lin", "小明同学", "科大吃货", "西区自习王", "east_campus",
			"不想早八", "玉泉路", "郭沫若广场", "眼镜湖", "数分战士", "线代苦手", "大物救我", "ddl战神", "图书馆常驻", "一食堂", "chen_yx", "zhang.h",
			"wangwei2023", "少年班小透明", "物院小白", "化院搬砖", "生科打工人", "CS_noob", "EE民工", "管院咸鱼", "学术英语", "熬夜冠军", "瀚海星云",
			"高新区新人", "中区路人", "pkuer_no", "绩点保卫战", "躺平学长", "卷不动了", "期中复习中", "刷题机器", "火锅爱好者", "二手书摊", "跑步打卡", "科大夜猫",
			"lzy_ustc", "sunny", "老学长" };

	private static final String[] TEACHER_NAMES = { "数院某老师", "物院助教", "teacher_li", "化院老教师" };

	private static final Map<String, String> NICKNAMES = Map.ofEntries(Map.entry("数学分析", "数分"), Map.entry("线性代数", "线代"),
			Map.entry("大学物理", "大物"), Map.entry("概率论与数理统计", "概统"), Map.entry("数据结构", "DS"), Map.entry("计算机网络", "计网"),
			Map.entry("量子力学", "量力"), Map.entry("有机化学", "有机"), Map.entry("计算机组成原理", "计组"), Map.entry("操作系统", "OS"),
			Map.entry("编译原理", "编译"), Map.entry("电磁学", "电磁"), Map.entry("复变函数", "复变"), Map.entry("常微分方程", "常微"),
			Map.entry("实变函数", "实变"), Map.entry("泛函分析", "泛函"), Map.entry("热力学与统计物理", "热统"), Map.entry("电动力学", "电动"),
			Map.entry("理论力学", "理力"), Map.entry("模拟电子技术", "模电"), Map.entry("数字电路", "数电"), Map.entry("信号与系统", "信号"),
			Map.entry("微观经济学", "微观"), Map.entry("思想道德与法治", "思修"), Map.entry("中国近现代史纲要", "史纲"),
			Map.entry("马克思主义基本原理", "马原"), Map.entry("毛泽东思想和中国特色社会主义理论体系概论", "毛概"), Map.entry("算法基础", "算法"),
			Map.entry("机器学习", "ML"), Map.entry("人工智能基础", "AI基础"), Map.entry("数值分析", "数值"), Map.entry("随机过程", "随机"),
			Map.entry("高等代数", "高代"), Map.entry("解析几何", "解几"), Map.entry("综合英语", "综英"), Map.entry("物理化学", "物化"),
			Map.entry("生物化学", "生化"), Map.entry("无机化学", "无机"), Map.entry("计算机程序设计", "程设"), Map.entry("普通生物学", "普生"),
			Map.entry("原子物理", "原子"));

	private static final String[] PRAISE = { "讲课非常清楚，板书工整", "上课很有激情，例子举得很好", "人超级好，答疑特别耐心", "讲得有深度，但需要课后花时间消化",
			"PPT做得很用心，重点突出", "会把前沿的内容穿插进来，很开眼界" };

	private static final String[] COMPLAINT = { "语速有点快，跟上需要预习", "板书比较随意，建议自己整理笔记", "经常拖堂，不过内容确实多", "讲课偏照本宣科，自学为主",
			"点名比较勤，别翘课" };

	private static final String[] HOMEWORK = { "作业每周一次，量不大", "作业很多，每周要花一个晚上", "作业是习题课助教批改，给分宽松", "有两次大作业，需要写代码",
			"作业不交也行，但对考试很有帮助" };

	private static final String[] EXAM = { "期末考试题目和作业很像，认真做作业就没问题", "考试难度较大，平均分不高", "期中占30%，期末占50%，平时20%", "开卷考试，但题量很大",
			"考前老师会划重点，很良心" };

	private static final String[] ADVICE = { "建议配合教材和往年题一起复习", "推荐大一就修，越早越好", "没有基础的同学慎选", "适合想打好基础的同学",
			"和室友一起选，互相督促效果好", "一定要去习题课" };

	private static final String[] BLOCK_REASONS = { "含有人身攻击", "泄露他人隐私", "与课程无关的广告" };

	private DemoReviews() {
	}

	static List<Person> people() {
		List<Person> people = new ArrayList<>();
		people.add(new Person("demo-admin", "演示版主", Affiliation.TEACHER, true));
		for (int i = 0; i < STUDENT_NAMES.length; i++) {
			people.add(new Person("demo-student-%02d".formatted(i + 1), STUDENT_NAMES[i], Affiliation.STUDENT, false));
		}
		for (int i = 0; i < TEACHER_NAMES.length; i++) {
			people.add(new Person("demo-teacher-%02d".formatted(i + 1), TEACHER_NAMES[i], Affiliation.TEACHER, false));
		}
		return people;
	}

	static List<Review> reviews(CatalogueFile catalogue) {
		Random random = new Random(SEED);
		Map<String, String> teacherNames = catalogue.teachers()
			.stream()
			.collect(Collectors.toMap(t -> Keys.fold(t.key()), CatalogueFile.Teacher::name));
		List<CatalogueFile.Course> courses = catalogue.courses();
		// Large required courses (many teachers teach the name) draw most reviews, as on
		// the real site.
		Map<String, Long> sectionsPerName = courses.stream()
			.collect(Collectors.groupingBy(CatalogueFile.Course::name, Collectors.counting()));
		List<Integer> popular = new ArrayList<>();
		for (int i = 0; i < courses.size(); i++) {
			if (sectionsPerName.get(courses.get(i).name()) >= 4) {
				popular.add(i);
			}
		}
		int people = people().size();
		Set<String> written = new HashSet<>();
		List<Review> reviews = new ArrayList<>();
		while (reviews.size() < REVIEWS) {
			int course = random.nextInt(10) < 6 ? popular.get(random.nextInt(popular.size()))
					: random.nextInt(courses.size());
			int author = 1 + random.nextInt(people - 1);
			if (!written.add(author + "/" + course)) {
				continue;
			}
			CatalogueFile.Course reviewed = courses.get(course);
			List<String> teachers = reviewed.teachers().stream().map(key -> teacherNames.get(Keys.fold(key))).toList();
			String term = reviewed.terms().get(random.nextInt(reviewed.terms().size())).term().code();
			boolean rated = random.nextInt(100) < 85;
			int rating = rated ? rating(random) : 0;
			int difficulty = 1 + random.nextInt(3);
			String content = content(random, reviewed.name(), teachers, rating);
			boolean blocked = random.nextInt(100) < 2;
			reviews.add(new Review(author, course, term, rated ? rating : null, rated ? difficulty : null,
					rated ? 1 + random.nextInt(3) : null, rated ? 1 + random.nextInt(3) : null,
					rated ? (rating >= 7 ? 1 : rating >= 4 ? 2 : 3) : null, content, random.nextInt(100) < 20,
					random.nextInt(100) < 10, random.nextInt(100) < 3,
					blocked ? BLOCK_REASONS[random.nextInt(BLOCK_REASONS.length)] : null));
		}
		return reviews;
	}

	/** 1-10 (half stars), mostly good, as course ratings are. */
	private static int rating(Random random) {
		int[] weights = { 2, 2, 3, 4, 6, 8, 12, 16, 14, 10 };
		int pick = random.nextInt(Arrays.stream(weights).sum());
		for (int value = 1; value <= 10; value++) {
			pick -= weights[value - 1];
			if (pick < 0) {
				return value;
			}
		}
		return 10;
	}

	private static String content(Random random, String courseName, List<String> teachers, int rating) {
		String nickname = nickname(courseName);
		String teacher = teachers.isEmpty() ? "任课老师" : teachers.get(random.nextInt(teachers.size())) + "老师";
		StringBuilder text = new StringBuilder();
		boolean good = rating == 0 ? random.nextBoolean() : rating >= 6;
		text.append(teacher).append(pick(random, good ? PRAISE : COMPLAINT)).append("。");
		text.append(nickname).append(good ? "这门课总体收获很大。" : "这门课上得有点痛苦。").append("\n\n");
		int shape = random.nextInt(4);
		if (shape == 0) {
			text.append("## 作业与考试\n\n- ")
				.append(pick(random, HOMEWORK))
				.append("\n- ")
				.append(pick(random, EXAM))
				.append("\n\n");
		}
		else if (shape == 1) {
			text.append("**作业**：")
				.append(pick(random, HOMEWORK))
				.append("。**考试**：")
				.append(pick(random, EXAM))
				.append("。\n\n");
		}
		else if (shape == 2) {
			text.append(pick(random, EXAM)).append("。\n\n");
		}
		if (teachers.size() > 1) {
			text.append("这门课由")
				.append(String.join("、", teachers.stream().map(name -> name + "老师").toList()))
				.append("轮流讲，风格不太一样。\n\n");
		}
		if (random.nextInt(3) == 0) {
			text.append("> ").append(pick(random, ADVICE)).append("\n\n");
		}
		else {
			text.append(pick(random, ADVICE)).append("。");
		}
		return text.toString().strip();
	}

	/**
	 * What students call the course: 数学分析(B1) is 数分, 计算机网络 is 计网; otherwise its name
	 * without the variant.
	 */
	static String nickname(String courseName) {
		String base = courseName.replaceAll("[（(].*[)）]$|[A-Z]\\d?$", "");
		return NICKNAMES.getOrDefault(base, base);
	}

	private static String pick(Random random, String[] choices) {
		return choices[random.nextInt(choices.length)];
	}

}
