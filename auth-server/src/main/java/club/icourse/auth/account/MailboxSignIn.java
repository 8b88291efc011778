package club.icourse.auth.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs a person in after they proved control of their mailbox by its link. The sign-in
 * feature provides it; the account feature only asks for it.
 */
public interface MailboxSignIn {

	void signIn(Account account, HttpServletRequest request, HttpServletResponse response);

}
