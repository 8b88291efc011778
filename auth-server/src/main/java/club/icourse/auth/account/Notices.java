package club.icourse.auth.account;

import org.springframework.ui.Model;

/**
 * The one page that tells a person what happened and what to do next (check your mailbox,
 * link expired...).
 */
final class Notices {

	static final String VIEW = "account/notice";

	private Notices() {
	}

	static String show(Model model, String titleKey, String textKey) {
		model.addAttribute("titleKey", titleKey);
		model.addAttribute("textKey", textKey);
		return VIEW;
	}

}
