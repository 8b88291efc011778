package club.icourse.auth.oauth;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountPageSection;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The sites the person let sign them in, on their account page. */
@Component
class AuthorizedAppsSection implements AccountPageSection {

	private final AuthorizedApps apps;

	AuthorizedAppsSection(AuthorizedApps apps) {
		this.apps = apps;
	}

	@Override
	public void addTo(Account account, Model model) {
		model.addAttribute("apps", apps.of(account.subject()));
	}

}
