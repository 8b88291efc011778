package club.icourse.auth.signin;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.ratelimit.RateLimit;
import club.icourse.auth.ratelimit.RateLimitExceededException;
import club.icourse.auth.ratelimit.RateLimiter;
import club.icourse.auth.system.SyncedPasskey;
import com.webauthn4j.verifier.exception.BadOriginException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * The check of a passkey assertion (usernameless: the credential names the account). In
 * order: the account the credential belongs to is found, its sign-in limit and back-off
 * apply as for a password, an assertion whose user handle names another account is
 * refused, then the relying party verifies origin, challenge, user verification and
 * signature. The session gets the subject as a plain string, as after a password, with
 * the WebAuthn factor (and the {@link SyncedPasskey} mark for a synced passkey).
 */
final class PasskeyAuthenticationProvider implements AuthenticationProvider {

	private final WebAuthnRelyingPartyOperations relyingParty;

	private final UserCredentialRepository credentials;

	private final PublicKeyCredentialUserEntityRepository users;

	private final AccountRepository accounts;

	private final SignInBackoff backoff;

	private final RateLimiter rateLimiter;

	PasskeyAuthenticationProvider(WebAuthnRelyingPartyOperations relyingParty, UserCredentialRepository credentials,
			PublicKeyCredentialUserEntityRepository users, AccountRepository accounts, SignInBackoff backoff,
			RateLimiter rateLimiter) {
		this.relyingParty = relyingParty;
		this.credentials = credentials;
		this.users = users;
		this.accounts = accounts;
		this.backoff = backoff;
		this.rateLimiter = rateLimiter;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		RelyingPartyAuthenticationRequest request = ((WebAuthnAuthenticationRequestToken) authentication)
			.getWebAuthnRequest();
		PublicKeyCredential<AuthenticatorAssertionResponse> assertion = request.getPublicKey();
		CredentialRecord credential = credentials.findByCredentialId(assertion.getRawId());
		PublicKeyCredentialUserEntity owner = credential == null ? null
				: users.findById(credential.getUserEntityUserId());
		Account account = owner == null ? null
				: accounts.findBySubject(owner.getName()).filter(Account::emailConfirmed).orElse(null);
		if (account == null) {
			throw new PasskeyRefusedException(null, "signin.passkey.unknown", null);
		}
		SignInSubject subject = new SignInSubject(account.id(), account.subject());
		try {
			rateLimiter.consume(RateLimit.SIGN_IN_ACCOUNT, subject.limitKey());
		}
		catch (RateLimitExceededException exceeded) {
			throw new TooManyFailuresException(exceeded.retryAfter());
		}
		backoff.waitFor(subject).ifPresent(wait -> {
			throw new TooManyFailuresException(wait);
		});
		Bytes userHandle = assertion.getResponse().getUserHandle();
		if (userHandle != null && !userHandle.equals(credential.getUserEntityUserId())) {
			throw new PasskeyRefusedException(account.id(), "signin.passkey.other-account", null);
		}
		try {
			relyingParty.authenticate(request);
		}
		catch (BadOriginException wrongSite) {
			throw new PasskeyRefusedException(account.id(), "signin.passkey.origin", wrongSite);
		}
		catch (RuntimeException refused) {
			throw new PasskeyRefusedException(account.id(), "signin.passkey.refused", refused);
		}
		List<GrantedAuthority> authorities = new ArrayList<>(AccountUserDetails.authorities(account));
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
		if (credential.isBackupEligible()) {
			authorities.add(new SimpleGrantedAuthority(SyncedPasskey.AUTHORITY));
		}
		return UsernamePasswordAuthenticationToken.authenticated(account.subject(), null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
	}

}
