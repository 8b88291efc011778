package club.icourse.auth.totp;

import club.icourse.auth.account.Account;
import club.icourse.auth.signin.SecondFactorPolicy;
import club.icourse.shared.Role;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Who must show a second factor after the password: everyone who set one up, and everyone
 * with a role listed in {@code icourse.security.second-factor-required-roles} (those
 * without a factor are sent to set one up before anything else).
 */
@Component
class SecondFactorRules implements SecondFactorPolicy {

	@ConfigurationProperties("icourse.security")
	record Settings(@DefaultValue("ADMIN") Set<Role> secondFactorRequiredRoles) {
	}

	private final TotpFactors factors;

	private final Settings settings;

	SecondFactorRules(TotpFactors factors, Settings settings) {
		this.factors = factors;
		this.settings = settings;
	}

	@Override
	public boolean requiredFor(Account account) {
		return account.roles().stream().anyMatch(settings.secondFactorRequiredRoles()::contains)
				|| factors.confirmed(account.id());
	}

}
