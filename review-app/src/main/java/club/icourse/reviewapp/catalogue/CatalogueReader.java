package club.icourse.reviewapp.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a catalogue file (docs/catalogue-format.md) and checks all of it before anything
 * is stored: every problem is reported with its entry and field, so that a file is fixed
 * in one round.
 */
final class CatalogueReader {

	/**
	 * The most problems reported for one file: past that, the file is wrong throughout
	 * and more would not help.
	 */
	static final int MAX_PROBLEMS = 200;

	/**
	 * A course's teacher set is stored as their ids joined by commas in a column of 500
	 * characters.
	 */
	static final int MAX_TEACHERS_PER_COURSE = 30;

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	/** The format name a file may declare in its {@code format} field. */
	static final String FORMAT = "icourse-catalogue/1";

	private final List<CatalogueProblem> problems = new ArrayList<>();

	/** Folded department codes, teacher keys and course keys read so far. */
	private final Set<String> departmentCodes = new HashSet<>();

	private final Set<String> teacherKeys = new HashSet<>();

	private final Set<String> courseKeys = new HashSet<>();

	private CatalogueReader() {
	}

	/**
	 * The file, checked; or {@link CatalogueRefusedException} with every problem found.
	 */
	static CatalogueFile read(byte[] json) {
		CatalogueReader reader = new CatalogueReader();
		CatalogueFile file = reader.file(json);
		if (!reader.problems.isEmpty()) {
			throw new CatalogueRefusedException(
					reader.problems.subList(0, Math.min(MAX_PROBLEMS, reader.problems.size())));
		}
		return file;
	}

	private CatalogueFile file(byte[] json) {
		JsonNode root = parse(json);
		if (root == null) {
			return null;
		}
		Entry top = new Entry("file", root);
		top.allowOnly("format", "departments", "teachers", "courses");
		JsonNode format = root.get("format");
		if (format != null && !(format.isString() && format.asString().equals(FORMAT))) {
			top.problem("format", "format", FORMAT);
		}
		List<CatalogueFile.Department> departments = new ArrayList<>();
		top.each("departments", entry -> departments.add(department(entry)));
		List<CatalogueFile.Teacher> teachers = new ArrayList<>();
		top.each("teachers", entry -> teachers.add(teacher(entry)));
		List<CatalogueFile.Course> courses = new ArrayList<>();
		top.each("courses", entry -> courses.add(course(entry)));
		return new CatalogueFile(departments, teachers, courses);
	}

	/** The file's top-level object, or null (its problem noted) when it has none. */
	private JsonNode parse(byte[] json) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JacksonException e) {
			var location = e.getLocation();
			problems.add(CatalogueProblem.of("file", "", "json", location == null ? 0 : location.getLineNr(),
					location == null ? 0 : location.getColumnNr(), e.getOriginalMessage()));
			return null;
		}
		if (root == null || !root.isObject()) {
			problems.add(CatalogueProblem.of("file", "", "not-object"));
			return null;
		}
		return root;
	}

	private CatalogueFile.Department department(Entry entry) {
		String code = entry.text("code", 32, true);
		String name = entry.text("name", 100, true);
		if (code != null && !departmentCodes.add(Keys.fold(code))) {
			entry.problem("code", "duplicate", code);
		}
		return new CatalogueFile.Department(code, name);
	}

	private CatalogueFile.Teacher teacher(Entry entry) {
		String key = entry.text("key", 100, true);
		String name = entry.text("name", 100, true);
		String department = entry.reference("department", departmentCodes);
		if (key != null && !teacherKeys.add(Keys.fold(key))) {
			entry.problem("key", "duplicate", key);
		}
		return new CatalogueFile.Teacher(key, name, department);
	}

	private CatalogueFile.Course course(Entry entry) {
		String name = entry.text("name", 200, true);
		List<String> teacherList = entry.texts("teachers", 100, MAX_TEACHERS_PER_COURSE);
		Set<String> teacherSet = teacherSet(entry, teacherList);
		if (name != null && !courseKeys.add(Keys.fold(name) + "|" + teacherSet)) {
			entry.problem("name", "duplicate-course", name);
		}
		String department = entry.reference("department", departmentCodes);
		return new CatalogueFile.Course(name, teacherList, department, offerings(entry, department));
	}

	/**
	 * A course's teachers as the set that identifies the course (with a teacher listed
	 * twice, or one the file does not define, noted).
	 */
	private Set<String> teacherSet(Entry course, List<String> teacherList) {
		for (int i = 0; i < teacherList.size(); i++) {
			if (!teacherKeys.contains(Keys.fold(teacherList.get(i)))) {
				course.problem("teachers[" + i + "]", "unknown-teacher", teacherList.get(i));
			}
		}
		Set<String> teacherSet = new TreeSet<>(teacherList.stream().map(Keys::fold).toList());
		if (teacherSet.size() != teacherList.size()) {
			course.problem("teachers", "repeated-teacher");
		}
		return teacherSet;
	}

	private List<CatalogueFile.Offering> offerings(Entry course, String courseDepartment) {
		List<CatalogueFile.Offering> offerings = new ArrayList<>();
		Set<String> offeringKeys = new HashSet<>();
		course.each("terms", term -> {
			CatalogueFile.Offering offering = offering(term, courseDepartment);
			if (offering.term() != null && offering.code() != null
					&& !offeringKeys.add(offering.term().code() + "|" + Keys.fold(offering.code()))) {
				term.problem("code", "duplicate-offering", offering.term().code(), offering.code());
			}
			offerings.add(offering);
		});
		return offerings;
	}

	private CatalogueFile.Offering offering(Entry term, String courseDepartment) {
		String termText = term.text("term", 16, true);
		Term parsed = null;
		if (termText != null) {
			parsed = Term.parse(termText).orElse(null);
			if (parsed == null) {
				term.problem("term", "term", termText);
			}
		}
		String code = term.text("code", 32, true);
		BigDecimal credits = term.decimal("credits");
		Integer hours = term.integer("hours", 0, 10_000);
		String type = term.text("type", 50, false);
		String level = term.text("level", 50, false);
		String department = term.reference("department", departmentCodes);
		String description = term.longText("description", 10_000);
		List<String> classes = distinct(term.texts("classes", 40, 1_000));
		return new CatalogueFile.Offering(parsed, code, credits, hours, type, level,
				department == null ? courseDepartment : department, description, classes);
	}

	/** One object of the file, its problems named after it. */
	private final class Entry {

		private final String name;

		private final JsonNode node;

		Entry(String name, JsonNode node) {
			this.name = name;
			this.node = node;
		}

		void problem(String field, String code, Object... arguments) {
			problems.add(CatalogueProblem.of(name, field, code, arguments));
		}

		void allowOnly(String... fields) {
			Set<String> allowed = Set.of(fields);
			for (String field : node.propertyNames()) {
				if (!allowed.contains(field)) {
					problem(field, "unknown-field", String.join(", ", fields));
				}
			}
		}

		/**
		 * Reads each object of an array field (absent: none), naming it {@code field[i]}
		 * with its name or key.
		 */
		void each(String field, Consumer<Entry> reader) {
			JsonNode array = node.get(field);
			if (array == null || array.isNull()) {
				return;
			}
			if (!array.isArray()) {
				problem(field, "not-array");
				return;
			}
			for (int i = 0; i < array.size() && problems.size() < MAX_PROBLEMS; i++) {
				JsonNode item = array.get(i);
				String label = field + "[" + i + "]";
				String prefix = name.equals("file") ? "" : name + ".";
				if (!item.isObject()) {
					problems.add(CatalogueProblem.of(prefix + label, "", "not-object"));
					continue;
				}
				JsonNode title = item.has("name") ? item.get("name") : item.get("term");
				Entry entry = new Entry(
						prefix + label + (title != null && title.isString() && !title.asString().isBlank()
								? " (" + shorten(title.asString()) + ")" : ""),
						item);
				entry.allowOnly(switch (field) {
					case "departments" -> new String[] { "code", "name" };
					case "teachers" -> new String[] { "key", "name", "department" };
					case "courses" -> new String[] { "name", "teachers", "department", "terms" };
					default -> new String[] { "term", "code", "credits", "hours", "type", "level", "department",
							"description", "classes" };
				});
				reader.accept(entry);
			}
		}

		String text(String field, int max, boolean required) {
			String text = stripped(field, required);
			return text == null ? null : checked(field, text, max);
		}

		/** Free text, where line breaks belong. */
		String longText(String field, int max) {
			String text = stripped(field, false);
			if (text != null && text.length() > max) {
				problem(field, "too-long", max);
				return null;
			}
			return text;
		}

		private String stripped(String field, boolean required) {
			JsonNode value = node.get(field);
			if (value == null || value.isNull() || value.isString() && value.asString().isBlank()) {
				if (required) {
					problem(field, "missing");
				}
				return null;
			}
			if (!value.isString()) {
				problem(field, "not-text");
				return null;
			}
			return value.asString().strip();
		}

		private String checked(String field, String text, int max) {
			if (text.length() > max) {
				problem(field, "too-long", max);
				return null;
			}
			if (text.chars().anyMatch(Character::isISOControl)) {
				problem(field, "control-character");
				return null;
			}
			return text;
		}

		/** A department code that the file's departments list. */
		String reference(String field, Set<String> departmentCodes) {
			String code = text(field, 32, false);
			if (code != null && !departmentCodes.contains(Keys.fold(code))) {
				problem(field, "unknown-department", code);
				return null;
			}
			return code;
		}

		List<String> texts(String field, int maxEach, int maxCount) {
			JsonNode array = node.get(field);
			if (array == null || array.isNull()) {
				return List.of();
			}
			if (!array.isArray()) {
				problem(field, "not-array");
				return List.of();
			}
			if (array.size() > maxCount) {
				problem(field, "too-many", maxCount);
				return List.of();
			}
			List<String> texts = new ArrayList<>();
			for (int i = 0; i < array.size(); i++) {
				JsonNode value = array.get(i);
				String itemField = field + "[" + i + "]";
				if (!value.isString() || value.asString().isBlank()) {
					problem(itemField, "not-text");
					continue;
				}
				String text = checked(itemField, value.asString().strip(), maxEach);
				if (text != null) {
					texts.add(text);
				}
			}
			return texts;
		}

		Integer integer(String field, int min, int max) {
			JsonNode value = node.get(field);
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
				problem(field, "integer", min, max);
				return null;
			}
			return value.asInt();
		}

		/** Credits: 0 to 99.9, at most one decimal (DECIMAL(4, 1)). */
		BigDecimal decimal(String field) {
			JsonNode value = node.get(field);
			if (value == null || value.isNull()) {
				return null;
			}
			BigDecimal number = value.isNumber() ? value.decimalValue() : null;
			if (number == null || number.signum() < 0 || number.compareTo(BigDecimal.valueOf(100)) >= 0
					|| number.stripTrailingZeros().scale() > 1) {
				problem(field, "credits");
				return null;
			}
			return number.setScale(1);
		}

	}

	/**
	 * Class codes once each, as the database compares them (a repeated class is the same
	 * class).
	 */
	private static List<String> distinct(List<String> codes) {
		Set<String> seen = new HashSet<>();
		return codes.stream().filter(code -> seen.add(Keys.fold(code))).toList();
	}

	private static String shorten(String text) {
		String stripped = text.strip();
		return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
	}

}
