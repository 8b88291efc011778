package club.icourse.testsupport.csp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Finds what a Content-Security-Policy without {@code 'unsafe-inline'} would refuse in
 * Thymeleaf templates, so that a new one fails the build rather than a page in someone's
 * browser: inline scripts, event-handler attributes, {@code javascript:} addresses, and
 * inline styles. Thymeleaf's {@code th:} forms of each count as the plain ones.
 */
public final class InlineCode {

	private static final Pattern HANDLER = Pattern.compile("(th:|data-th-)?on[a-z]+");

	private static final Pattern JAVASCRIPT_URL = Pattern.compile("^\\W*javascript\\s*:", Pattern.CASE_INSENSITIVE);

	private static final Pattern HANDLER_IN_TH_ATTR = Pattern.compile("(^|,)\\s*on[a-z]+\\s*=",
			Pattern.CASE_INSENSITIVE);

	private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href");

	private InlineCode() {
	}

	/**
	 * Inline script in the templates under {@code root}, as "file: what" lines: a
	 * {@code <script>} with content or without {@code src}, an {@code on...} attribute, a
	 * {@code javascript:} address.
	 */
	public static List<String> scripts(Path root) {
		List<String> problems = new ArrayList<>();
		for (Path template : templates(root, Set.of())) {
			String name = root.relativize(template).toString();
			for (Element element : Jsoup.parse(read(template)).getAllElements()) {
				if (element.nameIs("script")
						&& (!element.hasAttr("src") && !element.hasAttr("th:src") || !element.data().isBlank())) {
					problems.add(name + ": inline <script>");
				}
				for (Attribute attribute : element.attributes()) {
					String key = attribute.getKey().toLowerCase(Locale.ROOT);
					if (HANDLER.matcher(key).matches()) {
						problems.add(name + ": " + key + "=\"" + attribute.getValue() + "\"");
					}
					else if (isUrlAttribute(key) && JAVASCRIPT_URL.matcher(attribute.getValue()).find()) {
						problems.add(name + ": " + key + "=\"" + attribute.getValue() + "\"");
					}
					else if ((key.equals("th:attr") || key.equals("data-th-attr"))
							&& HANDLER_IN_TH_ATTR.matcher(attribute.getValue()).find()) {
						problems.add(name + ": " + key + "=\"" + attribute.getValue() + "\"");
					}
				}
			}
		}
		return problems;
	}

	/**
	 * Inline style in the templates under {@code root}, as "file: what" lines: a
	 * {@code style} attribute or a {@code <style>} element. Templates under the given
	 * folders are skipped: mail, for instance, is never a page, and mail programs need
	 * inline style.
	 */
	public static List<String> styles(Path root, String... foldersThatAreNotPages) {
		List<String> problems = new ArrayList<>();
		for (Path template : templates(root, Set.of(foldersThatAreNotPages))) {
			String name = root.relativize(template).toString();
			for (Element element : Jsoup.parse(read(template)).getAllElements()) {
				if (element.nameIs("style")) {
					problems.add(name + ": <style>");
				}
				for (String key : List.of("style", "th:style", "data-th-style", "th:styleappend")) {
					if (element.hasAttr(key)) {
						problems.add(name + ": " + key + "=\"" + element.attr(key) + "\"");
					}
				}
			}
		}
		return problems;
	}

	private static boolean isUrlAttribute(String key) {
		String plain = key.startsWith("th:") ? key.substring(3) : key.startsWith("data-th-") ? key.substring(8) : key;
		return URL_ATTRIBUTES.contains(plain);
	}

	private static List<Path> templates(Path root, Set<String> skippedFolders) {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(path -> path.toString().endsWith(".html"))
				.filter(path -> !skippedFolders.contains(root.relativize(path).getName(0).toString()))
				.sorted()
				.toList();
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
