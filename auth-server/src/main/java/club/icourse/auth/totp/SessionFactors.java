package club.icourse.auth.totp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * The factors of the browser's sign-in: which it showed, adding one shown on a page of
 * this feature (a code, a password asked again), and where the person goes next.
 */
@Component
class SessionFactors {

	/** The factors that can start a sign-in; a "remember me" cookie is none of them. */
	private static final Set<String> FIRST = Set.of(FactorGrantedAuthority.PASSWORD_AUTHORITY,
			FactorGrantedAuthority.OTT_AUTHORITY);

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

	private final Clock clock;

	SessionFactors(Clock clock) {
		this.clock = clock;
	}

	/** Whether the sign-in began with a password or a mailed link. */
	static boolean firstFactorShown(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.anyMatch(authority -> FIRST.contains(authority.getAuthority()));
	}

	/** The sign-in with this factor added, or renewed, under a fresh session id. */
	Authentication add(String factor, Authentication current, HttpServletRequest request,
			HttpServletResponse response) {
		List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities()
			.stream()
			.filter(authority -> !factor.equals(authority.getAuthority()))
			.toList());
		authorities.add(FactorGrantedAuthority.withAuthority(factor).issuedAt(clock.instant()).build());
		Authentication upgraded = UsernamePasswordAuthenticationToken.authenticated(current.getName(), null,
				authorities);
		// A fresh session id: one seen before the stronger sign-in is worth nothing after
		// it.
		request.changeSessionId();
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(upgraded);
		contexts.setContext(context);
		repository.saveContext(context, request, response);
		return upgraded;
	}

	/** Where the person goes after the second step: the page asked for before it. */
	String continueTo(HttpServletRequest request, HttpServletResponse response) {
		return "redirect:" + savedDestination(request, response).orElse("/account");
	}

	/** Where the person was going before the second step, if anywhere. */
	Optional<String> savedDestination(HttpServletRequest request, HttpServletResponse response) {
		return Optional.ofNullable(requests.getRequest(request, response)).map(SavedRequest::getRedirectUrl);
	}

}
