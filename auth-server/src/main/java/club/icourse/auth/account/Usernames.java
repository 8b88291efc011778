package club.icourse.auth.account;

import static club.icourse.db.auth.Tables.ACCOUNT;

import club.icourse.auth.audit.Actor;
import club.icourse.auth.audit.AuditLog;
import club.icourse.shared.account.UsernameCheck;
import club.icourse.shared.account.UsernamePolicy;
import club.icourse.web.retry.RetriedWhenRolledBack;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing one's username, by the same rules as registering one. Sites learn the new name
 * from the next ID token or UserInfo response ({@code preferred_username}); the subject,
 * which is what they key people by, never changes.
 */
@RetriedWhenRolledBack
@Service
class Usernames {

	private final DSLContext dsl;

	private final UsernamePolicy policy;

	private final AuditLog audit;

	Usernames(DSLContext dsl, AccountProperties properties, AuditLog audit) {
		this.dsl = dsl;
		this.policy = properties.usernamePolicy();
		this.audit = audit;
	}

	/**
	 * Changes the username.
	 * @throws AccountRefusedException if the name breaks the rules or is taken
	 */
	@Transactional
	void change(String subject, String requested) {
		UsernameCheck check = policy.check(requested);
		if (!check.ok()) {
			throw new AccountRefusedException("username", Registration.usernameMessageKey(check));
		}
		String key = UsernamePolicy.canonicalKey(check.username());
		if (dsl.fetchExists(ACCOUNT, ACCOUNT.USERNAME_KEY.eq(key).and(ACCOUNT.SUBJECT.ne(subject)))) {
			throw new AccountRefusedException("username", "username.taken");
		}
		try {
			String before = dsl.select(ACCOUNT.USERNAME)
				.from(ACCOUNT)
				.where(ACCOUNT.SUBJECT.eq(subject))
				.fetchSingle()
				.value1();
			dsl.update(ACCOUNT)
				.set(ACCOUNT.USERNAME, check.username())
				.set(ACCOUNT.USERNAME_KEY, key)
				.where(ACCOUNT.SUBJECT.eq(subject))
				.execute();
			audit.record(new Actor(subject, check.username()), "account.username-changed", "account:" + subject,
					before + " -> " + check.username());
		}
		catch (DuplicateKeyException raced) {
			throw new AccountRefusedException("username", "username.taken");
		}
	}

}
