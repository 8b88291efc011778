package club.icourse.auth.account;

import static club.icourse.db.auth.Tables.ACCOUNT;
import static club.icourse.db.auth.Tables.ACCOUNT_ROLE;

import club.icourse.db.auth.tables.records.AccountRecord;
import club.icourse.shared.Affiliation;
import club.icourse.shared.Role;
import club.icourse.shared.account.UsernamePolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Accounts in the `auth` database. Times are stored in UTC. */
@Repository
public class AccountRepository {

	private final DSLContext dsl;

	AccountRepository(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** A live account with its stored password hash, for the sign-in check. */
	public record Credentials(Account account, String passwordHash) {
	}

	long insert(NewAccount account, Instant now) {
		return dsl.insertInto(ACCOUNT)
			.set(ACCOUNT.SUBJECT, account.subject())
			.set(ACCOUNT.USERNAME, account.username())
			.set(ACCOUNT.USERNAME_KEY, account.usernameKey())
			.set(ACCOUNT.EMAIL, account.email())
			.set(ACCOUNT.SCHOOL, account.school())
			.set(ACCOUNT.AFFILIATION, account.affiliation().name())
			.set(ACCOUNT.PASSWORD_HASH, account.passwordHash())
			.set(ACCOUNT.LOCALE, account.locale().toLanguageTag())
			.set(ACCOUNT.CREATED_AT, utc(now))
			.set(ACCOUNT.PASSWORD_CHANGED_AT, utc(now))
			.returningResult(ACCOUNT.ID)
			.fetchSingle(ACCOUNT.ID);
	}

	public Optional<Account> findBySubject(String subject) {
		return findLive(ACCOUNT.SUBJECT.eq(subject));
	}

	public Optional<Account> findById(long id) {
		return findLive(ACCOUNT.ID.eq(id));
	}

	Optional<Account> findByEmail(String normalizedEmail) {
		return findLive(ACCOUNT.EMAIL.eq(normalizedEmail));
	}

	boolean usernameKeyTaken(String usernameKey) {
		return dsl.fetchExists(ACCOUNT, ACCOUNT.USERNAME_KEY.eq(usernameKey));
	}

	boolean emailTaken(String normalizedEmail) {
		return dsl.fetchExists(ACCOUNT, ACCOUNT.EMAIL.eq(normalizedEmail));
	}

	/**
	 * The account a sign-in name (its email or its username) belongs to, with its
	 * password hash. The name is NFKC-folded first, so every spelling that folds to an
	 * account's email or username finds it (emails are stored as lower-case ASCII).
	 */
	public Optional<Credentials> findCredentials(String signInName) {
		String name = UsernamePolicy.canonicalKey(signInName);
		Condition byName = name.contains("@") ? ACCOUNT.EMAIL.eq(name) : ACCOUNT.USERNAME_KEY.eq(name);
		return withRoles().where(byName)
			.and(ACCOUNT.DELETED_AT.isNull())
			.and(ACCOUNT.DISABLED_AT.isNull())
			.fetchOptional()
			.map(row -> new Credentials(toAccount(row), row.get(ACCOUNT.PASSWORD_HASH)));
	}

	Optional<String> passwordHash(long accountId) {
		return dsl.select(ACCOUNT.PASSWORD_HASH)
			.from(ACCOUNT)
			.where(ACCOUNT.ID.eq(accountId))
			.and(ACCOUNT.DELETED_AT.isNull())
			.fetchOptional(ACCOUNT.PASSWORD_HASH);
	}

	void confirmEmail(long accountId, Instant now) {
		dsl.update(ACCOUNT)
			.set(ACCOUNT.EMAIL_CONFIRMED_AT, utc(now))
			.where(ACCOUNT.ID.eq(accountId))
			.and(ACCOUNT.EMAIL_CONFIRMED_AT.isNull())
			.execute();
	}

	public void updatePasswordHash(long accountId, String passwordHash, Instant now) {
		dsl.update(ACCOUNT)
			.set(ACCOUNT.PASSWORD_HASH, passwordHash)
			.set(ACCOUNT.PASSWORD_CHANGED_AT, utc(now))
			.where(ACCOUNT.ID.eq(accountId))
			.execute();
	}

	/** Rehashes in place (a stronger algorithm), which is not a password change. */
	public void upgradePasswordHash(String subject, String passwordHash) {
		dsl.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, passwordHash).where(ACCOUNT.SUBJECT.eq(subject)).execute();
	}

	/**
	 * Removes the personal data of a deleted account; its row stays so that its subject
	 * is never reused.
	 */
	void anonymize(long accountId, Instant now) {
		String placeholder = "deleted-" + accountId;
		dsl.update(ACCOUNT)
			.set(ACCOUNT.USERNAME, placeholder)
			.set(ACCOUNT.USERNAME_KEY, placeholder)
			.setNull(ACCOUNT.EMAIL)
			.setNull(ACCOUNT.PASSWORD_HASH)
			.set(ACCOUNT.DELETED_AT, utc(now))
			.where(ACCOUNT.ID.eq(accountId))
			.execute();
		dsl.deleteFrom(ACCOUNT_ROLE).where(ACCOUNT_ROLE.ACCOUNT_ID.eq(accountId)).execute();
	}

	void grant(long accountId, Role role) {
		dsl.insertInto(ACCOUNT_ROLE)
			.set(ACCOUNT_ROLE.ACCOUNT_ID, accountId)
			.set(ACCOUNT_ROLE.ROLE, role.name())
			.onDuplicateKeyIgnore()
			.execute();
	}

	// Plain GROUP_CONCAT: jOOQ's would raise group_concat_max_len in extra statements
	// around it, and a few role names fit the default length.
	private static final Field<String> ROLES_OF_ACCOUNT = DSL.field(
			"(select group_concat({0}) from {1} where {2} = {3})", String.class, ACCOUNT_ROLE.ROLE, ACCOUNT_ROLE,
			ACCOUNT_ROLE.ACCOUNT_ID, ACCOUNT.ID);

	private static final Field<String> ROLES = ROLES_OF_ACCOUNT.as("roles");

	/**
	 * The account columns a token path needs, named {@code account_*}, to read the person
	 * in the same statement as a token: select them from
	 * {@link #joinLiveAccount(Table, Field)} and read them back with
	 * {@link #joinedAccount(Record)}.
	 */
	private static final List<Field<?>> JOINED = List.of(ACCOUNT.ID.as("account_id"),
			ACCOUNT.SUBJECT.as("account_subject"), ACCOUNT.USERNAME.as("account_username"),
			ACCOUNT.EMAIL.as("account_email"), ACCOUNT.SCHOOL.as("account_school"),
			ACCOUNT.AFFILIATION.as("account_affiliation"), ACCOUNT.LOCALE.as("account_locale"),
			ACCOUNT.CREATED_AT.as("account_created_at"), ACCOUNT.EMAIL_CONFIRMED_AT.as("account_email_confirmed_at"),
			ROLES_OF_ACCOUNT.as("account_roles"));

	public static List<Field<?>> joinedColumns() {
		return JOINED;
	}

	/** The table, with the live account (if any) whose subject is in {@code subject}. */
	public static Table<?> joinLiveAccount(Table<?> table, Field<String> subject) {
		return table.leftJoin(ACCOUNT).on(ACCOUNT.SUBJECT.eq(subject)).and(ACCOUNT.DELETED_AT.isNull());
	}

	/** The account of {@link #joinedColumns()}; empty when none was joined. */
	public static Optional<Account> joinedAccount(Record row) {
		Long id = row.get("account_id", Long.class);
		if (id == null) {
			return Optional.empty();
		}
		return Optional.of(account(id, row.get("account_subject", String.class),
				row.get("account_username", String.class), row.get("account_email", String.class),
				row.get("account_school", String.class), row.get("account_affiliation", String.class),
				row.get("account_locale", String.class), row.get("account_created_at", LocalDateTime.class),
				row.get("account_email_confirmed_at", LocalDateTime.class), row.get("account_roles", String.class)));
	}

	/** {@link #joinedAccount(Record)}, from the current row of a JDBC result. */
	public static Optional<Account> joinedAccount(ResultSet row) throws SQLException {
		long id = row.getLong("account_id");
		if (row.wasNull()) {
			return Optional.empty();
		}
		return Optional.of(account(id, row.getString("account_subject"), row.getString("account_username"),
				row.getString("account_email"), row.getString("account_school"), row.getString("account_affiliation"),
				row.getString("account_locale"), row.getObject("account_created_at", LocalDateTime.class),
				row.getObject("account_email_confirmed_at", LocalDateTime.class), row.getString("account_roles")));
	}

	private Optional<Account> findLive(Condition condition) {
		return withRoles().where(condition)
			.and(ACCOUNT.DELETED_AT.isNull())
			.and(ACCOUNT.DISABLED_AT.isNull())
			.fetchOptional()
			.map(this::toAccount);
	}

	/** An account as administrators see it: disabled ones too, deleted ones not. */
	Optional<AdministeredAccount> findAdministered(String subject) {
		return administered(ACCOUNT.SUBJECT.eq(subject), 1).stream().findFirst();
	}

	/**
	 * Accounts whose email, username or sign-in name (any spelling that folds to one) is
	 * the query, or whose email or username starts with it.
	 */
	List<AdministeredAccount> search(String query, int limit) {
		String folded = UsernamePolicy.canonicalKey(query);
		String prefix = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return administered(ACCOUNT.EMAIL.eq(folded)
			.or(ACCOUNT.USERNAME_KEY.eq(folded))
			.or(ACCOUNT.EMAIL.like(prefix, '\\'))
			.or(ACCOUNT.USERNAME_KEY.like(prefix, '\\')), limit);
	}

	private List<AdministeredAccount> administered(Condition condition, int limit) {
		return withRoles().where(condition)
			.and(ACCOUNT.DELETED_AT.isNull())
			.orderBy(ACCOUNT.USERNAME_KEY)
			.limit(limit)
			.fetch(row -> new AdministeredAccount(toAccount(row), instant(row.get(ACCOUNT.DISABLED_AT)),
					row.get(ACCOUNT.PASSWORD_HASH) == null));
	}

	void setDisabled(long accountId, Instant at) {
		dsl.update(ACCOUNT)
			.set(ACCOUNT.DISABLED_AT, at == null ? null : utc(at))
			.where(ACCOUNT.ID.eq(accountId))
			.execute();
	}

	void clearPassword(long accountId) {
		dsl.update(ACCOUNT).setNull(ACCOUNT.PASSWORD_HASH).where(ACCOUNT.ID.eq(accountId)).execute();
	}

	void revoke(long accountId, Role role) {
		dsl.deleteFrom(ACCOUNT_ROLE)
			.where(ACCOUNT_ROLE.ACCOUNT_ID.eq(accountId))
			.and(ACCOUNT_ROLE.ROLE.eq(role.name()))
			.execute();
	}

	/** The account row and its roles, in one statement (every token request reads it). */
	private SelectJoinStep<Record> withRoles() {
		return dsl.select(ACCOUNT.fields()).select(ROLES).from(ACCOUNT);
	}

	private Account toAccount(Record result) {
		AccountRecord row = result.into(ACCOUNT);
		return account(row.getId(), row.getSubject(), row.getUsername(), row.getEmail(), row.getSchool(),
				row.getAffiliation(), row.getLocale(), row.getCreatedAt(), row.getEmailConfirmedAt(),
				result.get(ROLES));
	}

	private static Account account(long id, String subject, String username, String email, String school,
			String affiliation, String locale, LocalDateTime createdAt, LocalDateTime emailConfirmedAt,
			String granted) {
		Set<Role> roles = EnumSet.of(Role.USER);
		if (granted != null && !granted.isEmpty()) {
			for (String role : granted.split(",")) {
				roles.add(Role.valueOf(role));
			}
		}
		return new Account(id, subject, username, email, school, Affiliation.valueOf(affiliation),
				Locale.forLanguageTag(locale), instant(createdAt), instant(emailConfirmedAt), Set.copyOf(roles));
	}

	static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant instant(LocalDateTime utc) {
		return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
	}

}
