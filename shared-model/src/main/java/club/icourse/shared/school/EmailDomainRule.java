package club.icourse.shared.school;

import club.icourse.shared.Affiliation;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Mailboxes of exactly this domain (no subdomains) belong to people of this affiliation.
 *
 * @param domain a lower-case ASCII host name: letter-digit-hyphen labels, no trailing
 * dot; internationalized names in their {@code xn--} form
 */
public record EmailDomainRule(String domain, Affiliation affiliation) {

	private static final Pattern DOMAIN = Pattern
		.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

	public EmailDomainRule {
		Objects.requireNonNull(affiliation, "affiliation");
		if (domain == null || !DOMAIN.matcher(domain).matches()) {
			throw new IllegalArgumentException("Not a lower-case ASCII domain name: " + domain);
		}
	}
}
