package club.icourse.auth.account;

import org.springframework.ui.Model;

/**
 * A part of the account page that another feature owns (the sign-in history, the sites
 * the person authorized): it adds its model attributes for the signed-in account. The
 * account feature shows the page without knowing those features.
 */
public interface AccountPageSection {

	void addTo(Account account, Model model);

}
