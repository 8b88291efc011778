package club.icourse.shared.school;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A school whose people may register, and the mail domains that prove who they are.
 *
 * @param id a short lower-case ASCII id such as {@code ustc}, released as the
 * {@code school} claim
 * @param name the school's name, for pages
 * @param rules at least one; no domain twice
 */
public record School(String id, String name, List<EmailDomainRule> rules) {

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");

	public School {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("A school id is 1-32 lower-case letters, digits or dashes: " + id);
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("School " + id + " needs a name");
		}
		if (rules == null || rules.isEmpty()) {
			throw new IllegalArgumentException("School " + id + " needs at least one email domain rule");
		}
		rules = List.copyOf(rules);
		if (rules.stream().map(EmailDomainRule::domain).distinct().count() != rules.size()) {
			throw new IllegalArgumentException("School " + id + " lists a domain twice");
		}
	}
}
