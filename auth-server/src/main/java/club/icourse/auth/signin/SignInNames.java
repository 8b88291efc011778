package club.icourse.auth.signin;

import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.account.AccountRepository.Credentials;
import club.icourse.shared.account.UsernamePolicy;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Resolves what someone typed into the sign-in name field the same way the password check
 * does, so that everything counted per name is counted per account. Within one request a
 * name is looked up once: the rate limit, the back-off, the password check and the
 * history of a sign-in all need the same account, and each read it again (four statements
 * per sign-in where one does).
 */
@Component
public class SignInNames {

	/** The request attribute that holds the names looked up during the request. */
	private static final String LOOKED_UP = SignInNames.class.getName() + ".lookedUp";

	private final AccountRepository accounts;

	SignInNames(AccountRepository accounts) {
		this.accounts = accounts;
	}

	public SignInSubject resolve(String typed) {
		return subject(typed, credentials(typed));
	}

	/**
	 * As {@link #resolve(String)}, for a filter that runs before Spring's request context
	 * is set: the lookup is kept with this request all the same.
	 */
	SignInSubject resolve(String typed, HttpServletRequest request) {
		return subject(typed, credentials(typed, lookedUp(request)));
	}

	/**
	 * The live account a typed name belongs to, with its password hash, read at most once
	 * per request.
	 */
	Optional<Credentials> credentials(String typed) {
		return credentials(typed, lookedUp(RequestContextHolder.getRequestAttributes()));
	}

	private Optional<Credentials> credentials(String typed, Map<String, Optional<Credentials>> lookedUp) {
		String canonical = canonical(typed);
		if (canonical.isEmpty()) {
			return Optional.empty();
		}
		if (lookedUp == null) {
			return accounts.findCredentials(typed);
		}
		return lookedUp.computeIfAbsent(canonical, name -> accounts.findCredentials(typed));
	}

	private static SignInSubject subject(String typed, Optional<Credentials> credentials) {
		return new SignInSubject(credentials.map(found -> found.account().id()).orElse(null), canonical(typed));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Optional<Credentials>> lookedUp(HttpServletRequest request) {
		Object known = request.getAttribute(LOOKED_UP);
		if (known == null) {
			known = new HashMap<String, Optional<Credentials>>();
			request.setAttribute(LOOKED_UP, known);
		}
		return (Map<String, Optional<Credentials>>) known;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Optional<Credentials>> lookedUp(RequestAttributes request) {
		if (request == null) {
			return null;
		}
		Object known = request.getAttribute(LOOKED_UP, RequestAttributes.SCOPE_REQUEST);
		if (known == null) {
			known = new HashMap<String, Optional<Credentials>>();
			request.setAttribute(LOOKED_UP, known, RequestAttributes.SCOPE_REQUEST);
		}
		return (Map<String, Optional<Credentials>>) known;
	}

	/**
	 * Trimmed, NFKC-folded, lower-cased: {@code ＢOB} and {@code bob} are one name, and so
	 * are an email and its full-width spelling.
	 */
	static String canonical(String typed) {
		return typed == null ? "" : UsernamePolicy.canonicalKey(typed);
	}

}
