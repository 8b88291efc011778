package club.icourse.auth.account;

import club.icourse.shared.Affiliation;
import java.util.Locale;

record NewAccount(String subject, String username, String usernameKey, String email, String school,
		Affiliation affiliation, String passwordHash, Locale locale) {
}
