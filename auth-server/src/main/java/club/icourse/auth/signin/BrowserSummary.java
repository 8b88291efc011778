package club.icourse.auth.signin;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short, readable name for a User-Agent header ("Chrome 156 on Windows"), for the
 * sign-in history.
 */
final class BrowserSummary {

	private record Rule(Pattern pattern, String name) {
	}

	// Order matters: Edge and Opera also say "Chrome", and Chrome also says "Safari".
	private static final List<Rule> BROWSERS = List.of(new Rule(Pattern.compile("Edg(?:e|A|iOS)?/(\\d+)"), "Edge"),
			new Rule(Pattern.compile("OPR/(\\d+)"), "Opera"),
			new Rule(Pattern.compile("MicroMessenger/(\\d+)"), "WeChat"),
			new Rule(Pattern.compile("Firefox/(\\d+)"), "Firefox"),
			new Rule(Pattern.compile("(?:Headless)?Chrome/(\\d+)"), "Chrome"),
			new Rule(Pattern.compile("Version/(\\d+)[.\\d]* (?:Mobile/\\S+ )?Safari/"), "Safari"));

	private static final List<Rule> SYSTEMS = List.of(new Rule(Pattern.compile("Android"), "Android"),
			new Rule(Pattern.compile("iPhone|iPad"), "iOS"), new Rule(Pattern.compile("Windows"), "Windows"),
			new Rule(Pattern.compile("Mac OS X"), "macOS"), new Rule(Pattern.compile("Linux"), "Linux"));

	private BrowserSummary() {
	}

	static String of(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "?";
		}
		String browser = BROWSERS.stream().map(rule -> {
			Matcher matcher = rule.pattern().matcher(userAgent);
			return matcher.find() ? rule.name() + " " + matcher.group(1) : null;
		}).filter(name -> name != null).findFirst().orElse(null);
		String system = SYSTEMS.stream()
			.filter(rule -> rule.pattern().matcher(userAgent).find())
			.map(Rule::name)
			.findFirst()
			.orElse(null);
		if (browser == null) {
			return userAgent.length() > 40 ? userAgent.substring(0, 40) + "…" : userAgent;
		}
		return system == null ? browser : browser + " / " + system;
	}

}
