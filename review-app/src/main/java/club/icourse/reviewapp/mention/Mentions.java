package club.icourse.reviewapp.mention;

import club.icourse.reviewapp.people.Person;
import club.icourse.reviewapp.people.PersonRepository;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * The people a text mentions, and plain text with its mentions made links to their
 * profiles.
 */
@Component
public class Mentions {

	private final PersonRepository people;

	Mentions(PersonRepository people) {
		this.people = people;
	}

	/** The people mentioned, each once, in order of first mention. */
	public List<Person> in(String text) {
		Map<String, Person> known = known(text);
		Map<Long, Person> mentioned = new LinkedHashMap<>();
		MentionSyntax.spans(text, known::containsKey).forEach(span -> {
			Person person = known.get(span.username().toLowerCase(Locale.ROOT));
			mentioned.putIfAbsent(person.id(), person);
		});
		return List.copyOf(mentioned.values());
	}

	/**
	 * Known usernames (lower case) the text could mention, with the person each names.
	 */
	public Map<String, Person> known(String text) {
		return people.byUsernames(MentionSyntax.candidates(text));
	}

	/**
	 * Plain text as HTML: escaped, with mentions of the known usernames linked to their
	 * profiles.
	 */
	public static String linkPlainText(String text, Map<String, Person> known) {
		StringBuilder html = new StringBuilder();
		int from = 0;
		for (MentionSyntax.Span span : MentionSyntax.spans(text, known::containsKey)) {
			html.append(HtmlUtils.htmlEscape(text.substring(from, span.start())));
			html.append("<a class=\"mention\" href=\"")
				.append(profilePath(span.username()))
				.append("\">@")
				.append(HtmlUtils.htmlEscape(span.username()))
				.append("</a>");
			from = span.end();
		}
		return html.append(HtmlUtils.htmlEscape(text.substring(from))).toString();
	}

	public static String profilePath(String username) {
		return "/people/" + UriUtils.encodePathSegment(username, StandardCharsets.UTF_8);
	}

}
