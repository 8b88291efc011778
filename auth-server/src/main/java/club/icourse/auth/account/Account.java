package club.icourse.auth.account;

import club.icourse.shared.Affiliation;
import club.icourse.shared.Role;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** A person's account as the pages and other features see it. */
public record Account(long id, String subject, String username, String email, String school, Affiliation affiliation,
		Locale locale, Instant createdAt, Instant emailConfirmedAt, Set<Role> roles) {

	public boolean emailConfirmed() {
		return emailConfirmedAt != null;
	}

	public boolean isAdmin() {
		return roles.contains(Role.ADMIN);
	}
}
