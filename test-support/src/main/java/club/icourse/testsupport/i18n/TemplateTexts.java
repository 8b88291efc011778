package club.icourse.testsupport.i18n;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks that Thymeleaf templates take every word a person reads from the message
 * bundles, and that the bundles of every language hold the same keys.
 */
public final class TemplateTexts {

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");

	private static final List<String> CONTENT_REPLACING = List.of("th:text", "th:utext", "th:errors", "th:replace",
			"th:insert");

	private static final List<String> READABLE_ATTRIBUTES = List.of("placeholder", "title", "alt", "aria-label");

	private TemplateTexts() {
	}

	/**
	 * Readable text written into a template instead of coming from a bundle, as "file:
	 * text" lines.
	 */
	public static List<String> hardCodedTexts(Path templatesRoot) {
		List<String> problems = new ArrayList<>();
		for (Path template : templates(templatesRoot)) {
			Document document = Jsoup.parse(read(template));
			String name = templatesRoot.relativize(template).toString();
			for (Element element : document.getAllElements()) {
				if (isScriptOrStyle(element) || contentIsReplaced(element)) {
					continue;
				}
				if (hasLetter(element.ownText()) && !hasAny(element, CONTENT_REPLACING)) {
					problems.add(name + ": " + element.ownText().strip());
				}
				for (String attribute : READABLE_ATTRIBUTES) {
					if (hasLetter(element.attr(attribute)) && !element.hasAttr("th:" + attribute)) {
						problems.add(name + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
					}
				}
			}
		}
		return problems;
	}

	/** Message keys that templates use but the given bundle lacks. */
	public static Set<String> keysMissingFrom(Path templatesRoot, Path bundle) {
		Set<String> keys = keys(bundle);
		Set<String> missing = new TreeSet<>();
		for (Path template : templates(templatesRoot)) {
			Matcher matcher = MESSAGE_KEY.matcher(read(template));
			while (matcher.find()) {
				// Keys assembled at render time (#{__${...}__.title}) cannot be checked
				// here.
				if (!matcher.group(1).startsWith("__") && !keys.contains(matcher.group(1))) {
					missing.add(matcher.group(1));
				}
			}
		}
		return missing;
	}

	/**
	 * Keys that one bundle has and the other lacks, marked with the bundle they are
	 * missing from.
	 */
	public static Set<String> unmatchedKeys(Path bundle, Path otherBundle) {
		Set<String> first = keys(bundle);
		Set<String> second = keys(otherBundle);
		Set<String> unmatched = new TreeSet<>();
		first.stream()
			.filter(key -> !second.contains(key))
			.forEach(key -> unmatched.add(key + " (missing from " + otherBundle.getFileName() + ")"));
		second.stream()
			.filter(key -> !first.contains(key))
			.forEach(key -> unmatched.add(key + " (missing from " + bundle.getFileName() + ")"));
		return unmatched;
	}

	static Set<String> keys(Path bundle) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties.stringPropertyNames();
	}

	private static boolean isScriptOrStyle(Element element) {
		return element.nameIs("script") || element.nameIs("style");
	}

	private static boolean contentIsReplaced(Element element) {
		for (Element ancestor : element.parents()) {
			if (hasAny(ancestor, CONTENT_REPLACING) || isScriptOrStyle(ancestor)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasAny(Element element, List<String> attributes) {
		return attributes.stream().anyMatch(element::hasAttr);
	}

	private static boolean hasLetter(String text) {
		return text.codePoints().anyMatch(Character::isLetter);
	}

	private static List<Path> templates(Path root) {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(path -> path.toString().endsWith(".html")).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
