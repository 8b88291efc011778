package club.icourse.auth.account;

import club.icourse.shared.school.School;
import club.icourse.shared.school.SchoolDirectory;
import club.icourse.shared.account.UsernamePolicy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How accounts behave at this deployment.
 *
 * @param publicUrl the address people reach this server at; mailed links start with it
 * (never with the request's Host header, which a client controls)
 * @param schools the schools whose mailboxes may register, with their email-domain rules
 * @param reservedUsernames names nobody may take (added to nothing: this list is the
 * whole list)
 * @param admins addresses whose accounts are administrators
 */
@ConfigurationProperties("icourse.accounts")
public record AccountProperties(@DefaultValue("http://localhost:9000") URI publicUrl, List<School> schools,
		List<String> reservedUsernames, @DefaultValue("24h") Duration confirmationValidity,
		@DefaultValue("1h") Duration resetValidity, List<String> admins) {

	public AccountProperties {
		schools = schools == null || schools.isEmpty() ? SchoolDirectory.ustc().schools() : List.copyOf(schools);
		reservedUsernames = reservedUsernames == null ? List.of() : List.copyOf(reservedUsernames);
		admins = admins == null ? List.of() : admins.stream().map(String::strip).map(String::toLowerCase).toList();
	}

	public SchoolDirectory schoolDirectory() {
		return SchoolDirectory.of(schools);
	}

	public UsernamePolicy usernamePolicy() {
		return reservedUsernames.isEmpty() ? UsernamePolicy.defaults()
				: UsernamePolicy.withReservedNames(reservedUsernames);
	}

	/** An absolute link to a path of this server. */
	public String link(String pathAndQuery) {
		String base = publicUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
	}
}
