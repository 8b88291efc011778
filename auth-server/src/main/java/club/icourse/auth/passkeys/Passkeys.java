package club.icourse.auth.passkeys;

import club.icourse.auth.account.AccountDeleted;
import club.icourse.auth.account.Actors;
import club.icourse.auth.audit.AuditLog;
import club.icourse.web.retry.RetriedWhenRolledBack;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's passkeys, by the subject they are signed in as: listed, renamed and removed
 * only by their owner (another account's passkey is as unknown as one that never
 * existed), and gone with the account.
 */
@RetriedWhenRolledBack
@Service
public class Passkeys {

	private final PublicKeyCredentialUserEntityRepository users;

	private final UserCredentialRepository credentials;

	private final Actors actors;

	private final AuditLog audit;

	Passkeys(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials, Actors actors,
			AuditLog audit) {
		this.users = users;
		this.credentials = credentials;
		this.actors = actors;
		this.audit = audit;
	}

	/** Newest first. */
	public List<Passkey> of(String subject) {
		PublicKeyCredentialUserEntity user = users.findByUsername(subject);
		if (user == null) {
			return List.of();
		}
		return credentials.findByUserId(user.getId())
			.stream()
			.map(Passkeys::passkey)
			.sorted(Comparator.comparing(Passkey::created).reversed())
			.toList();
	}

	/** Whether the subject owns such a passkey (and it now has the new name). */
	@Transactional
	public boolean rename(String subject, String id, String name) {
		Optional<CredentialRecord> owned = owned(subject, id);
		owned.ifPresent(record -> {
			credentials.save(ImmutableCredentialRecord.fromCredentialRecord(record).label(name).build());
			audit.record(actors.person(subject), "passkey.renamed", subject, name);
		});
		return owned.isPresent();
	}

	/** Whether the subject owned such a passkey (and it is now gone). */
	@Transactional
	public boolean remove(String subject, String id) {
		Optional<CredentialRecord> owned = owned(subject, id);
		owned.ifPresent(record -> {
			credentials.delete(record.getCredentialId());
			audit.record(actors.person(subject), "passkey.removed", subject, record.getLabel());
		});
		return owned.isPresent();
	}

	/**
	 * Removes a passkey the subject lost, on an administrator's word (the administration
	 * writes the audit log): the passkey removed, if the subject owned it.
	 */
	@Transactional
	Optional<Passkey> removeForAdministration(String subject, String id) {
		Optional<CredentialRecord> owned = owned(subject, id);
		owned.ifPresent(record -> credentials.delete(record.getCredentialId()));
		return owned.map(Passkeys::passkey);
	}

	private static Passkey passkey(CredentialRecord record) {
		return new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(), record.getCreated(),
				// The framework sets both times at registration.
				record.getLastUsed().equals(record.getCreated()) ? null : record.getLastUsed(),
				record.isBackupEligible());
	}

	private Optional<CredentialRecord> owned(String subject, String id) {
		PublicKeyCredentialUserEntity user = users.findByUsername(subject);
		if (user == null || id == null || !id.matches("[A-Za-z0-9_-]{1,1400}")) {
			return Optional.empty();
		}
		return Optional.ofNullable(credentials.findByCredentialId(Bytes.fromBase64(id)))
			.filter(record -> record.getUserEntityUserId().equals(user.getId()));
	}

	/**
	 * In the deleting transaction, as the rest of the deletion; the credentials go with
	 * their user entity (a cascading foreign key).
	 */
	@EventListener
	void onAccountDeleted(AccountDeleted deleted) {
		PublicKeyCredentialUserEntity user = users.findByUsername(deleted.subject());
		if (user != null) {
			users.delete(user.getId());
		}
	}

}
