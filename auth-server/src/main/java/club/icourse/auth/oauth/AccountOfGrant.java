package club.icourse.auth.oauth;

import club.icourse.auth.account.Account;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The person's account as read, during this request, in the same statement as their grant
 * ({@link HashedTokenAuthorizations}), so that the claims of the tokens a code exchange
 * or a refresh issues need no second read.
 */
final class AccountOfGrant {

	private static final String ATTRIBUTE = AccountOfGrant.class.getName();

	private record Read(String subject, Optional<Account> account) {
	}

	private AccountOfGrant() {
	}

	static void remember(String subject, Optional<Account> account) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(ATTRIBUTE, new Read(subject, account), RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** The account of {@code subject} read with the grant, else read now. */
	static Optional<Account> of(String subject, Function<String, Optional<Account>> read) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Read known
				&& known.subject().equals(subject)) {
			return known.account();
		}
		return read.apply(subject);
	}

}
