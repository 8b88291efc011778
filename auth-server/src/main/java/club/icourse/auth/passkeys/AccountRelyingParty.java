package club.icourse.auth.passkeys;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.account.Actors;
import club.icourse.auth.audit.AuditLog;
import com.webauthn4j.verifier.exception.BadOriginException;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Spring Security's relying party, fitted to accounts: the authenticator is shown the
 * account's username (the stored user entity keeps the subject as its name, as the
 * session's principal name is the subject), a passkey gets a name people can read, every
 * refused registration is a {@link PasskeyRegistrationRefusedException} with a reason
 * rather than a 500, and every new passkey is in the audit log.
 */
final class AccountRelyingParty implements WebAuthnRelyingPartyOperations {

	static final int NAME_LENGTH = 100;

	private final WebAuthnRelyingPartyOperations framework;

	private final PublicKeyCredentialUserEntityRepository users;

	private final AccountRepository accounts;

	private final Actors actors;

	private final AuditLog audit;

	AccountRelyingParty(WebAuthnRelyingPartyOperations framework, PublicKeyCredentialUserEntityRepository users,
			AccountRepository accounts, Actors actors, AuditLog audit) {
		this.framework = framework;
		this.users = users;
		this.accounts = accounts;
		this.actors = actors;
		this.audit = audit;
	}

	@Override
	public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
			PublicKeyCredentialCreationOptionsRequest request) {
		PublicKeyCredentialCreationOptions options = framework.createPublicKeyCredentialCreationOptions(request);
		String shownName = accounts.findBySubject(request.getAuthentication().getName())
			.map(Account::username)
			.orElse(options.getUser().getName());
		PublicKeyCredentialUserEntity shown = ImmutablePublicKeyCredentialUserEntity.builder()
			.id(options.getUser().getId())
			.name(shownName)
			.displayName(shownName)
			.build();
		return PublicKeyCredentialCreationOptions.builder()
			.rp(options.getRp())
			.user(shown)
			.challenge(options.getChallenge())
			.pubKeyCredParams(options.getPubKeyCredParams())
			.timeout(options.getTimeout())
			.excludeCredentials(options.getExcludeCredentials())
			.authenticatorSelection(options.getAuthenticatorSelection())
			.attestation(options.getAttestation())
			.extensions(options.getExtensions())
			.build();
	}

	@Override
	public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
		String name = request.getPublicKey().getLabel();
		if (name == null || name.isBlank() || name.strip().length() > NAME_LENGTH) {
			throw new PasskeyRegistrationRefusedException("passkeys.refused.name", null);
		}
		CredentialRecord registered;
		try {
			registered = framework.registerCredential(request);
		}
		catch (BadOriginException wrongSite) {
			throw new PasskeyRegistrationRefusedException("passkeys.refused.origin", wrongSite);
		}
		catch (RuntimeException refused) {
			throw new PasskeyRegistrationRefusedException("passkeys.refused.verification", refused);
		}
		PublicKeyCredentialUserEntity owner = users.findById(registered.getUserEntityUserId());
		if (owner != null) {
			audit.record(actors.person(owner.getName()), "passkey.added", owner.getName(), name.strip());
		}
		return registered;
	}

	@Override
	public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
			PublicKeyCredentialRequestOptionsRequest request) {
		return framework.createCredentialRequestOptions(request);
	}

	@Override
	public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
		return framework.authenticate(request);
	}

}
