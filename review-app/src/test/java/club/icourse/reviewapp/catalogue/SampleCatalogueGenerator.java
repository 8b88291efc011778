package club.icourse.reviewapp.catalogue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the shipped sample catalogue
 * (review-app/src/main/resources/catalogue/sample-catalogue.json): about 400 courses of
 * about 300 teachers in 21 departments of a USTC-like university, taught in terms from
 * autumn 2021 to autumn 2025. Seeded, so every run writes the same file;
 * {@code SampleCatalogueGeneratorTest} fails when the committed file is not this
 * generator's output. Run {@code main} after changing it.
 */
public final class SampleCatalogueGenerator {

	static final Path OUTPUT = Path.of("src/main/resources/catalogue/sample-catalogue.json");

	private static final long SEED = 20_251_125L;

	private record Dept(String code, String name, String prefix, int teachers, String[] courses) {
	}

	/**
	 * Course names per department; a trailing {@code *} marks a large required course
	 * taught by several teachers.
	 */
	private static final List<Dept> DEPARTMENTS = List.of(
			new Dept("001", "数学科学学院", "MATH", 20,
					new String[] { "数学分析(B1)*", "数学分析(B2)*", "数学分析(A1)*", "数学分析(A2)*", "线性代数(A)*", "线性代数(B1)*",
							"概率论与数理统计*", "复变函数(B)", "常微分方程", "实变函数", "泛函分析", "抽象代数", "微分几何", "拓扑学", "数值分析", "偏微分方程",
							"数学物理方程(B)", "组合数学", "随机过程", "高等代数*", "解析几何" }),
			new Dept("002", "物理学院", "PHYS", 22,
					new String[] { "力学A*", "热学A", "电磁学A*", "光学A", "原子物理A", "大学物理(A1)*", "大学物理(B1)*", "大学物理-基础实验*",
							"理论力学", "电动力学", "量子力学(A)*", "热力学与统计物理", "固体物理", "计算物理", "广义相对论导论", "普通物理实验" }),
			new Dept("003", "化学与材料科学学院", "CHEM", 18,
					new String[] { "无机化学*", "有机化学(A)*", "有机化学(B)", "分析化学", "物理化学(B)", "结构化学", "高分子化学", "化学实验(一)*",
							"材料科学基础", "仪器分析", "化学原理" }),
			new Dept("004", "生命科学学院", "BIO", 16,
					new String[] { "普通生物学*", "生物化学*", "细胞生物学", "遗传学", "分子生物学", "微生物学", "神经生物学", "生物信息学导论", "生态学" }),
			new Dept("005", "地球和空间科学学院", "ESS", 12,
					new String[] { "地球科学概论", "大气物理学", "天文学导论", "空间物理学", "地球化学", "行星科学" }),
			new Dept("006", "工程科学学院", "ES", 16,
					new String[] { "理论力学(B)*", "材料力学", "流体力学", "工程热力学", "传热学", "机械设计基础", "工程图学" }),
			new Dept("007", "信息科学技术学院", "EE", 20,
					new String[] { "电路分析*", "模拟电子技术*", "数字电路", "信号与系统*", "通信原理", "数字信号处理", "电磁场理论", "自动控制原理", "随机信号分析",
							"微机原理" }),
			new Dept("008", "计算机科学与技术学院", "CS", 22,
					new String[] { "计算机程序设计(A)*", "数据结构*", "计算机组成原理*", "操作系统*", "计算机网络*", "编译原理", "数据库系统及应用", "算法基础*",
							"人工智能基础", "机器学习", "离散数学", "计算机体系结构", "形式语言与自动机", "并行计算", "计算机系统详解" }),
			new Dept("009", "管理学院", "MG", 14,
					new String[] { "管理学", "微观经济学*", "宏观经济学", "会计学原理", "统计学", "运筹学", "金融学", "博弈论" }),
			new Dept("010", "人文与社会科学学院", "HS", 14,
					new String[] { "中国古代文学", "西方哲学史", "科学技术史", "心理学导论", "社会学概论", "逻辑学", "中国哲学史" }),
			new Dept("011", "外语系", "FL", 14,
					new String[] { "综合英语(一)*", "综合英语(二)*", "英语听说*", "学术英语写作", "日语(一)", "德语(一)", "法语(一)" }),
			new Dept("012", "核科学技术学院", "NS", 10, new String[] { "核物理基础", "辐射防护", "等离子体物理导论", "核反应堆物理" }),
			new Dept("013", "公共事务学院", "PA", 10, new String[] { "公共管理学", "政治学原理", "法学概论", "媒体与传播" }),
			new Dept("014", "软件学院", "SE", 10, new String[] { "软件工程*", "面向对象程序设计", "软件测试" }),
			new Dept("015", "网络空间安全学院", "CYB", 10, new String[] { "密码学导论", "网络安全", "信息论" }),
			new Dept("016", "大数据学院", "DS", 10, new String[] { "数据科学导论", "统计机器学习", "最优化方法" }),
			new Dept("017", "体育教学部", "PE", 14, new String[] { "篮球*", "足球", "游泳*", "太极拳", "羽毛球*", "健美操" }),
			new Dept("018", "马克思主义学院", "MARX", 12,
					new String[] { "思想道德与法治*", "中国近现代史纲要*", "马克思主义基本原理*", "毛泽东思想和中国特色社会主义理论体系概论*" }),
			new Dept("019", "艺术教学中心", "ART", 8, new String[] { "音乐欣赏", "美术鉴赏", "书法艺术", "电影艺术赏析" }),
			new Dept("020", "微电子学院", "MICRO", 10, new String[] { "半导体物理", "集成电路设计", "微电子器件" }),
			new Dept("021", "少年班学院", "SG", 6, new String[] { "科学思维与方法", "交叉学科前沿讲座" }));

	/**
	 * Common surnames (weighted by repetition) and a few read unusually as surnames: 单
	 * shàn, 曾 zēng, 解 xiè, 乐 yuè, 仇 qiú, 区 ōu, 查 zhā.
	 */
	private static final String[] SURNAMES = ("王王王王李李李李张张张张刘刘刘陈陈陈杨杨黄黄赵赵吴周周徐孙马朱胡郭何林高罗郑梁谢宋唐"
			+ "许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱" + "单曾解乐仇区查")
		.split("");

	private static final String[] GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力永宁"
			+ "志国庆东海波晓峰燕飞鹏亮颖琳晨欣怡浩宇轩然子涵思睿博彬鑫凯嘉琪雪梅兰春阳光新卫荣乐长重行朝")
		.split("");

	private static final String[] COMMON_NAMES = { "王伟", "李娜", "张伟", "王芳", "刘洋" };

	private static final String[] TERMS = { "2021-autumn", "2022-spring", "2022-summer", "2022-autumn", "2023-spring",
			"2023-autumn", "2024-spring", "2024-summer", "2024-autumn", "2025-spring", "2025-autumn" };

	private SampleCatalogueGenerator() {
	}

	public static void main(String[] args) throws IOException {
		Files.writeString(OUTPUT, generate(), StandardCharsets.UTF_8);
	}

	static String generate() {
		Random random = new Random(SEED);
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		ObjectNode root = json.createObjectNode();
		root.put("format", CatalogueReader.FORMAT);
		ArrayNode departments = root.putArray("departments");
		ArrayNode teachers = root.putArray("teachers");
		ArrayNode courses = root.putArray("courses");
		int teacherNumber = 0;
		int repeated = 0;
		List<List<String>> pools = new ArrayList<>();
		for (Dept dept : DEPARTMENTS) {
			departments.addObject().put("code", dept.code()).put("name", dept.name());
			List<String> pool = new ArrayList<>();
			for (int i = 0; i <= dept.teachers(); i++) {
				String key = "ustc-t%04d".formatted(++teacherNumber);
				// Names repeat, as at any university (two 王伟, two 李娜): the key tells them
				// apart.
				String name = i == 1 && repeated < 8 ? COMMON_NAMES[repeated++ % COMMON_NAMES.length]
						: teacherName(random);
				teachers.addObject().put("key", key).put("name", name).put("department", dept.code());
				pool.add(key);
			}
			pools.add(pool);
		}
		for (int d = 0; d < DEPARTMENTS.size(); d++) {
			Dept dept = DEPARTMENTS.get(d);
			List<String> pool = pools.get(d);
			for (int c = 0; c < dept.courses().length; c++) {
				String entry = dept.courses()[c];
				boolean large = entry.endsWith("*");
				String name = large ? entry.substring(0, entry.length() - 1) : entry;
				String code = dept.prefix() + (large || c < 6 ? 1 : c < 14 ? 2 : 3)
						+ "%03d".formatted(c + 1 + (d * 7) % 20);
				int sets = large ? 5 + random.nextInt(4) : 1 + (random.nextInt(5) < 3 ? 1 : 0);
				String type = type(dept, name, large, random);
				double credits = credits(large, random);
				String level = name.contains("广义相对论") || name.contains("统计机器学习") || name.contains("泛函分析") ? "研究生"
						: "本科";
				String description = description(name);
				Set<String> used = new HashSet<>();
				for (int s = 0; s < sets; s++) {
					List<String> teacherSet = teacherSet(pool, random);
					if (!used.add(String.join(",", teacherSet.stream().sorted().toList()))) {
						continue;
					}
					ObjectNode course = courses.addObject();
					course.put("name", name);
					ArrayNode teacherKeys = course.putArray("teachers");
					teacherSet.forEach(teacherKeys::add);
					course.put("department", dept.code());
					ArrayNode terms = course.putArray("terms");
					int first = random.nextInt(TERMS.length - 1);
					for (int t = first; t < TERMS.length; t += 1 + random.nextInt(3)) {
						if (TERMS[t].endsWith("summer") && !name.contains("实验") && random.nextInt(3) != 0) {
							continue;
						}
						ObjectNode term = terms.addObject();
						term.put("term", TERMS[t]);
						term.put("code", code);
						term.put("credits", BigDecimal.valueOf(credits));
						term.put("hours", (int) Math.round(credits * (name.contains("实验") ? 30 : 20)));
						term.put("type", type);
						term.put("level", level);
						term.put("description", description);
						ArrayNode classes = term.putArray("classes");
						classes.add(code + ".%02d".formatted(s + 1));
						if (large && random.nextInt(3) == 0) {
							classes.add(code + ".%02d".formatted(s + 11));
						}
					}
					if (terms.isEmpty()) {
						ObjectNode term = terms.addObject();
						term.put("term", TERMS[TERMS.length - 2])
							.put("code", code)
							.put("credits", BigDecimal.valueOf(credits))
							.put("type", type)
							.put("level", level);
						term.putArray("classes").add(code + ".%02d".formatted(s + 1));
					}
				}
			}
		}
		return json.writeValueAsString(root) + "\n";
	}

	private static String teacherName(Random random) {
		String surname = SURNAMES[random.nextInt(SURNAMES.length)];
		String given = GIVEN[random.nextInt(GIVEN.length)];
		return random.nextInt(3) == 0 ? surname + given : surname + given + GIVEN[random.nextInt(GIVEN.length)];
	}

	/** Mostly one teacher; some courses are taught by two or three together. */
	private static List<String> teacherSet(List<String> pool, Random random) {
		int size = random.nextInt(10) == 0 ? 2 : random.nextInt(40) == 0 ? 3 : 1;
		List<String> set = new ArrayList<>();
		while (set.size() < size) {
			String key = pool.get(random.nextInt(pool.size()));
			if (!set.contains(key)) {
				set.add(key);
			}
		}
		return set;
	}

	private static String type(Dept dept, String name, boolean large, Random random) {
		if (dept.prefix().equals("MARX") || dept.prefix().equals("PE") || dept.prefix().equals("FL") && large) {
			return "公共必修";
		}
		if (dept.prefix().equals("ART") || dept.prefix().equals("HS") || dept.prefix().equals("SG")) {
			return "通识";
		}
		if (name.contains("实验")) {
			return "实验";
		}
		if (large) {
			return random.nextInt(4) == 0 ? "专业核心" : "必修";
		}
		return random.nextInt(3) == 0 ? "专业核心" : "选修";
	}

	private static double credits(boolean large, Random random) {
		double[] choices = large ? new double[] { 3, 4, 4, 5, 6 } : new double[] { 1, 1.5, 2, 2, 3, 3, 3.5, 4 };
		return choices[random.nextInt(choices.length)];
	}

	private static String description(String name) {
		String subject = name.replaceAll("[（(].*[)）]|[A-Z]\\d?$|-.*$", "");
		return "本课程系统讲授" + subject + "的基本概念、主要方法与典型应用，注重培养学生分析问题和解决问题的能力。";
	}

}
