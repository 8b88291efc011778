package club.icourse.auth.signin;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.MailboxSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a person in without the password form, after they proved control of their mailbox
 * by its link.
 */
@Component
public class SessionSignIn implements MailboxSignIn {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	private final SignInRecorder recorder;

	private final SecondFactorPolicy secondFactors;

	SessionSignIn(SignInRecorder recorder, SecondFactorPolicy secondFactors) {
		this.recorder = recorder;
		this.secondFactors = secondFactors;
	}

	@Override
	public void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
		request.getSession(true);
		// A fresh session id, so that an id planted before the sign-in is worthless after
		// it.
		request.changeSessionId();
		SecurityContext context = contexts.createEmptyContext();
		List<GrantedAuthority> authorities = new ArrayList<>(
				AccountUserDetails.authorities(account, secondFactors.requiredFor(account)));
		// A mailed single-use link is a one-time-token factor; its time is the sign-in
		// time.
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.OTT_AUTHORITY));
		context
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.subject(), null, authorities));
		contexts.setContext(context);
		repository.saveContext(context, request, response);
		recorder.success(request, account.subject(), account.email(), SignInOutcome.SUCCESS_BY_CONFIRMATION_LINK);
	}

}
