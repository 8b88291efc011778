package club.icourse.auth.developers;

import static club.icourse.db.auth.Tables.ACCOUNT;
import static club.icourse.db.auth.Tables.DEVELOPER_APP;
import static club.icourse.db.auth.Tables.DEVELOPER_APP_DAILY_SIGNINS;
import static club.icourse.db.auth.Tables.DEVELOPER_APP_LOGO;
import static club.icourse.db.auth.Tables.DEVELOPER_APP_TESTER;
import static club.icourse.db.auth.Tables.OAUTH2_REGISTERED_CLIENT;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountRepository;
import club.icourse.auth.audit.Actor;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.clients.ClientDefinition;
import club.icourse.auth.clients.ClientProblem;
import club.icourse.auth.clients.ClientRegistry;
import club.icourse.auth.clients.ClientRules;
import club.icourse.web.UploadedImages;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Apps people register themselves. Each is a client of {@link ClientRegistry} (created,
 * rotated and deleted there, with its rules and audit) plus a row saying who owns it and
 * where it stands: PENDING until an administrator approves or refuses it. Who may use
 * which app is decided here ({@link #mayUse}); a client without a row was registered by
 * an administrator and may be used by anyone.
 */
@Service
public class DeveloperApps {

	/** Where an app's logo is served, for anyone (the consent page shows it). */
	public static final String LOGO_PATH = "/developers/apps/{clientId}/logo";

	/**
	 * A registered app, and its secret to show the owner once (none for a public client).
	 */
	public record Registered(DeveloperApp app, String secret) {
	}

	/** A person the owner lets use a pending app. */
	public record Tester(long accountId, String username) {
	}

	/** Sign-ins (ID tokens issued) on one day, UTC. */
	public record DailySignIns(LocalDate day, int signIns) {
	}

	static final int LOGO_SIDE = 192;

	private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DSLContext dsl;

	private final ClientRegistry clients;

	private final AccountRepository accounts;

	private final AuditLog audit;

	private final DeveloperSettings settings;

	private final Clock clock;

	DeveloperApps(DSLContext dsl, ClientRegistry clients, AccountRepository accounts, AuditLog audit,
			DeveloperSettings settings, Clock clock) {
		this.dsl = dsl;
		this.clients = clients;
		this.accounts = accounts;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Registers a third-party client for {@code ownerAccountId}, PENDING. A blank client
	 * id gets a random one; the client is never first-party, never a resource server and
	 * never holds the admin scope, whatever the definition says.
	 * @throws DeveloperAppRefusedException naming every problem (the client's rules and
	 * the metadata's addresses); nothing is saved then
	 */
	@Transactional
	public Registered register(long ownerAccountId, ClientDefinition definition, AppMetadata metadata) {
		return register(ownerAccountId, definition, metadata, null);
	}

	/**
	 * {@link #register(long, ClientDefinition, AppMetadata)} with a logo upload (none
	 * when null or empty), checked with everything else before anything is saved.
	 */
	@Transactional
	public Registered register(long ownerAccountId, ClientDefinition definition, AppMetadata metadata,
			byte[] logoUpload) {
		Account owner = accounts.findById(ownerAccountId).orElseThrow(() -> new UnknownAppException(""));
		ClientDefinition client = asThirdParty(definition);
		List<ClientProblem> problems = new ArrayList<>(ClientRules.check(client));
		problems.addAll(metadataProblems(metadata));
		if (client.scopes().contains(ClientDefinition.ADMIN_SCOPE)) {
			problems.add(new ClientProblem("scopes", "admin-scope", null));
		}
		if (dsl.fetchCount(DEVELOPER_APP, DEVELOPER_APP.OWNER_ACCOUNT_ID.eq(ownerAccountId)) >= settings
			.maxAppsPerOwner()) {
			problems.add(new ClientProblem("name", "too-many-apps", null));
		}
		byte[] logo = null;
		if (logoUpload != null && logoUpload.length > 0) {
			try {
				logo = toLogo(logoUpload);
			}
			catch (DeveloperAppRefusedException refused) {
				problems.addAll(refused.problems());
			}
		}
		if (!problems.isEmpty()) {
			throw new DeveloperAppRefusedException(problems);
		}
		ClientRegistry.Saved saved = clients.create(client, actor(owner));
		Instant now = clock.instant();
		dsl.insertInto(DEVELOPER_APP)
			.set(DEVELOPER_APP.CLIENT_ID, client.clientId())
			.set(DEVELOPER_APP.OWNER_ACCOUNT_ID, ownerAccountId)
			.set(DEVELOPER_APP.STATUS, AppStatus.PENDING.name())
			.set(DEVELOPER_APP.HOMEPAGE_URI, blankAsNull(metadata.homepageUri()))
			.set(DEVELOPER_APP.POLICY_URI, blankAsNull(metadata.policyUri()))
			.set(DEVELOPER_APP.TOS_URI, blankAsNull(metadata.tosUri()))
			.set(DEVELOPER_APP.CREATED_AT, utc(now))
			.execute();
		audit.record(actor(owner), "developer-app.registered", client.clientId(), "pending approval");
		if (logo != null) {
			storeLogo(client.clientId(), logo);
		}
		return new Registered(find(client.clientId()).orElseThrow(), saved.secret());
	}

	/**
	 * Whether the account may sign in to the client: anyone for an approved app or a
	 * client an administrator registered; the owner and testers only for a pending one;
	 * nobody for a refused one.
	 */
	public boolean mayUse(String clientId, long accountId) {
		return mayUse(clientId, ACCOUNT.ID.eq(accountId));
	}

	/** {@link #mayUse(String, long)} for the account with this subject. */
	public boolean mayUseBySubject(String clientId, String subject) {
		return mayUse(clientId, ACCOUNT.SUBJECT.eq(subject));
	}

	private boolean mayUse(String clientId, Condition account) {
		Record row = dsl
			.select(DEVELOPER_APP.STATUS, DEVELOPER_APP.OWNER_ACCOUNT_ID,
					DSL.field(DSL.exists(DSL.selectOne()
						.from(DEVELOPER_APP_TESTER)
						.join(ACCOUNT)
						.on(ACCOUNT.ID.eq(DEVELOPER_APP_TESTER.ACCOUNT_ID))
						.where(DEVELOPER_APP_TESTER.CLIENT_ID.eq(clientId))
						.and(account))).as("tester"),
					DSL.field(DSL.select(ACCOUNT.ID).from(ACCOUNT).where(account)).as("account"))
			.from(DEVELOPER_APP)
			.where(DEVELOPER_APP.CLIENT_ID.eq(clientId))
			.fetchOne();
		if (row == null) {
			return true;
		}
		return switch (AppStatus.valueOf(row.get(DEVELOPER_APP.STATUS))) {
			case APPROVED -> true;
			case REFUSED -> false;
			case PENDING -> Boolean.TRUE.equals(row.get("tester", Boolean.class))
					|| row.get(DEVELOPER_APP.OWNER_ACCOUNT_ID).equals(row.get("account", Long.class));
		};
	}

	@Transactional
	public void approve(String clientId, String reason, Actor admin) {
		decide(clientId, AppStatus.APPROVED, reason, admin);
	}

	/**
	 * Refuses an app (a pending one, or an approved one after all): nobody may sign in to
	 * it any more. A reason is required: the owner is shown it.
	 */
	@Transactional
	public void refuse(String clientId, String reason, Actor admin) {
		if (reason == null || reason.isBlank()) {
			throw new DeveloperAppRefusedException("reason", "reason-needed");
		}
		decide(clientId, AppStatus.REFUSED, reason, admin);
	}

	private void decide(String clientId, AppStatus status, String reason, Actor admin) {
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (why != null && why.length() > 1000) {
			throw new DeveloperAppRefusedException("reason", "reason-too-long");
		}
		int changed = dsl.update(DEVELOPER_APP)
			.set(DEVELOPER_APP.STATUS, status.name())
			.set(DEVELOPER_APP.DECISION_REASON, why)
			.set(DEVELOPER_APP.DECIDED_AT, utc(clock.instant()))
			.set(DEVELOPER_APP.DECIDED_BY, admin.id())
			.where(DEVELOPER_APP.CLIENT_ID.eq(clientId))
			.execute();
		if (changed == 0) {
			throw new UnknownAppException(clientId);
		}
		audit.record(admin, "developer-app." + status.name().toLowerCase(java.util.Locale.ROOT), clientId, why);
	}

	public Optional<DeveloperApp> find(String clientId) {
		return apps(DEVELOPER_APP.CLIENT_ID.eq(clientId)).stream().findFirst();
	}

	/** The app, if the account owns it. */
	public DeveloperApp owned(String clientId, long ownerAccountId) {
		return find(clientId).filter(app -> app.ownerAccountId() == ownerAccountId)
			.orElseThrow(() -> new UnknownAppException(clientId));
	}

	public List<DeveloperApp> ownedBy(long ownerAccountId) {
		return apps(DEVELOPER_APP.OWNER_ACCOUNT_ID.eq(ownerAccountId));
	}

	/** The administrators' queue, oldest first. */
	public List<DeveloperApp> pending() {
		return apps(DEVELOPER_APP.STATUS.eq(AppStatus.PENDING.name()));
	}

	/** Every app, newest first (for the console). */
	public List<DeveloperApp> all() {
		return apps(DSL.trueCondition()).reversed();
	}

	private List<DeveloperApp> apps(Condition which) {
		var decider = ACCOUNT.as("decider");
		return dsl
			.select(DEVELOPER_APP.asterisk(), OAUTH2_REGISTERED_CLIENT.CLIENT_NAME, ACCOUNT.USERNAME, decider.USERNAME)
			.from(DEVELOPER_APP)
			.join(OAUTH2_REGISTERED_CLIENT)
			.on(OAUTH2_REGISTERED_CLIENT.CLIENT_ID.eq(DEVELOPER_APP.CLIENT_ID))
			.join(ACCOUNT)
			.on(ACCOUNT.ID.eq(DEVELOPER_APP.OWNER_ACCOUNT_ID))
			.leftJoin(decider)
			.on(decider.SUBJECT.eq(DEVELOPER_APP.DECIDED_BY))
			.where(which)
			.orderBy(DEVELOPER_APP.CREATED_AT, DEVELOPER_APP.CLIENT_ID)
			.fetch(row -> new DeveloperApp(row.get(DEVELOPER_APP.CLIENT_ID),
					row.get(OAUTH2_REGISTERED_CLIENT.CLIENT_NAME), row.get(DEVELOPER_APP.OWNER_ACCOUNT_ID),
					row.get(ACCOUNT.USERNAME), AppStatus.valueOf(row.get(DEVELOPER_APP.STATUS)),
					row.get(DEVELOPER_APP.DECISION_REASON), instant(row.get(DEVELOPER_APP.DECIDED_AT)),
					row.get(decider.USERNAME) != null ? row.get(decider.USERNAME) : row.get(DEVELOPER_APP.DECIDED_BY),
					new AppMetadata(row.get(DEVELOPER_APP.HOMEPAGE_URI), row.get(DEVELOPER_APP.POLICY_URI),
							row.get(DEVELOPER_APP.TOS_URI)),
					row.get(DEVELOPER_APP.LOGO_VERSION), instant(row.get(DEVELOPER_APP.CREATED_AT))));
	}

	public List<Tester> testers(String clientId) {
		return dsl.select(ACCOUNT.ID, ACCOUNT.USERNAME)
			.from(DEVELOPER_APP_TESTER)
			.join(ACCOUNT)
			.on(ACCOUNT.ID.eq(DEVELOPER_APP_TESTER.ACCOUNT_ID))
			.where(DEVELOPER_APP_TESTER.CLIENT_ID.eq(clientId))
			.orderBy(ACCOUNT.USERNAME_KEY)
			.fetch(row -> new Tester(row.get(ACCOUNT.ID), row.get(ACCOUNT.USERNAME)));
	}

	/**
	 * Lets the person with this email or username use the owner's pending app, up to
	 * {@code icourse.developers.max-testers}.
	 */
	@Transactional
	public Tester addTester(String clientId, long ownerAccountId, String signInName) {
		DeveloperApp app = owned(clientId, ownerAccountId);
		Account tester = accounts.findCredentials(signInName == null ? "" : signInName.strip())
			.map(AccountRepository.Credentials::account)
			.orElseThrow(() -> new DeveloperAppRefusedException("tester", "tester-unknown"));
		if (tester.id() == ownerAccountId) {
			throw new DeveloperAppRefusedException("tester", "tester-is-owner");
		}
		List<Tester> testers = testers(clientId);
		if (testers.stream().anyMatch(known -> known.accountId() == tester.id())) {
			return new Tester(tester.id(), tester.username());
		}
		if (testers.size() >= settings.maxTesters()) {
			throw new DeveloperAppRefusedException("tester", "too-many-testers");
		}
		dsl.insertInto(DEVELOPER_APP_TESTER)
			.set(DEVELOPER_APP_TESTER.CLIENT_ID, clientId)
			.set(DEVELOPER_APP_TESTER.ACCOUNT_ID, tester.id())
			.execute();
		audit.record(ownerActor(app), "developer-app.tester-added", clientId, tester.username());
		return new Tester(tester.id(), tester.username());
	}

	@Transactional
	public void removeTester(String clientId, long ownerAccountId, long testerAccountId) {
		DeveloperApp app = owned(clientId, ownerAccountId);
		int removed = dsl.deleteFrom(DEVELOPER_APP_TESTER)
			.where(DEVELOPER_APP_TESTER.CLIENT_ID.eq(clientId))
			.and(DEVELOPER_APP_TESTER.ACCOUNT_ID.eq(testerAccountId))
			.execute();
		if (removed > 0) {
			audit.record(ownerActor(app), "developer-app.tester-removed", clientId, String.valueOf(testerAccountId));
		}
	}

	/**
	 * A new secret for the owner's confidential app; the old one keeps working for
	 * {@code icourse.developers.secret-grace}.
	 */
	@Transactional
	public String rotateSecret(String clientId, long ownerAccountId) {
		DeveloperApp app = owned(clientId, ownerAccountId);
		return clients.rotateSecretKeepingOld(clientId, clock.instant().plus(settings.secretGrace()), ownerActor(app));
	}

	/**
	 * Gives the app to another account (by email or username); the new owner stops being
	 * a tester of it.
	 */
	@Transactional
	public void transfer(String clientId, long ownerAccountId, String newOwnerSignInName) {
		DeveloperApp app = owned(clientId, ownerAccountId);
		Account newOwner = accounts.findCredentials(newOwnerSignInName == null ? "" : newOwnerSignInName.strip())
			.map(AccountRepository.Credentials::account)
			.orElseThrow(() -> new DeveloperAppRefusedException("newOwner", "owner-unknown"));
		if (newOwner.id() == ownerAccountId) {
			throw new DeveloperAppRefusedException("newOwner", "owner-same");
		}
		dsl.update(DEVELOPER_APP)
			.set(DEVELOPER_APP.OWNER_ACCOUNT_ID, newOwner.id())
			.where(DEVELOPER_APP.CLIENT_ID.eq(clientId))
			.execute();
		dsl.deleteFrom(DEVELOPER_APP_TESTER)
			.where(DEVELOPER_APP_TESTER.CLIENT_ID.eq(clientId))
			.and(DEVELOPER_APP_TESTER.ACCOUNT_ID.eq(newOwner.id()))
			.execute();
		audit.record(ownerActor(app), "developer-app.transferred", clientId,
				app.ownerUsername() + " → " + newOwner.username());
	}

	/** Deletes the owner's app and its client: every token it holds dies with it. */
	@Transactional
	public void delete(String clientId, long ownerAccountId) {
		DeveloperApp app = owned(clientId, ownerAccountId);
		clients.delete(clientId, ownerActor(app));
	}

	/** Stores an uploaded logo, re-encoded ({@link #toLogo}). */
	@Transactional
	public void changeLogo(String clientId, long ownerAccountId, byte[] upload) {
		DeveloperApp app = owned(clientId, ownerAccountId);
		storeLogo(clientId, toLogo(upload));
		audit.record(ownerActor(app), "developer-app.logo-changed", clientId, null);
	}

	/**
	 * An upload as a logo: a PNG of at most {@value #LOGO_SIDE} px re-encoded from a PNG,
	 * JPEG or GIF of at most 1 MB, as review-app stores avatars ({@link UploadedImages}).
	 */
	static byte[] toLogo(byte[] upload) {
		try {
			return UploadedImages.toPng(upload, LOGO_SIDE);
		}
		catch (UploadedImages.ImageRefusedException refused) {
			throw new DeveloperAppRefusedException("logo", "logo-" + refused.code());
		}
	}

	private void storeLogo(String clientId, byte[] png) {
		LocalDateTime now = utc(clock.instant());
		dsl.insertInto(DEVELOPER_APP_LOGO)
			.set(DEVELOPER_APP_LOGO.CLIENT_ID, clientId)
			.set(DEVELOPER_APP_LOGO.PNG, png)
			.set(DEVELOPER_APP_LOGO.UPDATED_AT, now)
			.onDuplicateKeyUpdate()
			.set(DEVELOPER_APP_LOGO.PNG, png)
			.set(DEVELOPER_APP_LOGO.UPDATED_AT, now)
			.execute();
		dsl.update(DEVELOPER_APP)
			.set(DEVELOPER_APP.LOGO_VERSION, DEVELOPER_APP.LOGO_VERSION.plus(1))
			.where(DEVELOPER_APP.CLIENT_ID.eq(clientId))
			.execute();
	}

	public Optional<byte[]> logo(String clientId) {
		return dsl.select(DEVELOPER_APP_LOGO.PNG)
			.from(DEVELOPER_APP_LOGO)
			.where(DEVELOPER_APP_LOGO.CLIENT_ID.eq(clientId))
			.fetchOptional(DEVELOPER_APP_LOGO.PNG);
	}

	/**
	 * Counts a sign-in to the client today: one statement, adding nothing for a client
	 * that is not a developer app.
	 */
	public void countSignIn(String clientId) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		dsl.insertInto(DEVELOPER_APP_DAILY_SIGNINS, DEVELOPER_APP_DAILY_SIGNINS.CLIENT_ID,
				DEVELOPER_APP_DAILY_SIGNINS.DAY, DEVELOPER_APP_DAILY_SIGNINS.SIGNINS)
			.select(DSL.select(DEVELOPER_APP.CLIENT_ID, DSL.val(today), DSL.val(1))
				.from(DEVELOPER_APP)
				.where(DEVELOPER_APP.CLIENT_ID.eq(clientId)))
			.onDuplicateKeyUpdate()
			.set(DEVELOPER_APP_DAILY_SIGNINS.SIGNINS, DEVELOPER_APP_DAILY_SIGNINS.SIGNINS.plus(1))
			.execute();
	}

	/**
	 * Sign-ins per day over the last {@code days} days (today included), newest first;
	 * days without any left out.
	 */
	public List<DailySignIns> signIns(String clientId, int days) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		return dsl.select(DEVELOPER_APP_DAILY_SIGNINS.DAY, DEVELOPER_APP_DAILY_SIGNINS.SIGNINS)
			.from(DEVELOPER_APP_DAILY_SIGNINS)
			.where(DEVELOPER_APP_DAILY_SIGNINS.CLIENT_ID.eq(clientId))
			.and(DEVELOPER_APP_DAILY_SIGNINS.DAY.gt(today.minusDays(days)))
			.orderBy(DEVELOPER_APP_DAILY_SIGNINS.DAY.desc())
			.fetch(row -> new DailySignIns(row.value1(), row.value2()));
	}

	private static ClientDefinition asThirdParty(ClientDefinition d) {
		String clientId = d.clientId().isEmpty() ? newClientId() : d.clientId();
		return new ClientDefinition(clientId, d.name(), d.confidential(), false, d.redirectUris(),
				d.postLogoutRedirectUris(), d.backchannelLogoutUri(), d.scopes(), d.clientCredentials(),
				d.accessTokenLifetime(), d.refreshTokenLifetime(), d.idTokenAlgorithm(), false, false, d.keys(),
				d.options());
	}

	/** "app-" and 26 random base32 characters (130 bits). */
	private static String newClientId() {
		StringBuilder id = new StringBuilder("app-");
		for (int i = 0; i < 26; i++) {
			id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
		}
		return id.toString();
	}

	private static List<ClientProblem> metadataProblems(AppMetadata metadata) {
		return metadata.fields()
			.filter(field -> !field[1].isEmpty())
			.flatMap(field -> ClientRules.checkUris(field[0], List.of(field[1])).stream())
			.toList();
	}

	private Actor ownerActor(DeveloperApp app) {
		return accounts.findById(app.ownerAccountId()).map(DeveloperApps::actor).orElse(Actor.SYSTEM);
	}

	private static Actor actor(Account account) {
		return new Actor(account.subject(), account.username());
	}

	private static String blankAsNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(LocalDateTime time) {
		return time == null ? null : time.toInstant(ZoneOffset.UTC);
	}

}
