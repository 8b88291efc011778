package club.icourse.auth.admin;

import club.icourse.auth.account.Account;
import club.icourse.auth.account.AccountAdministration;
import club.icourse.auth.account.AccountAdministrationRefusedException;
import club.icourse.auth.account.AccountPageSection;
import club.icourse.auth.account.Actors;
import club.icourse.auth.account.AccountFactor;
import club.icourse.auth.account.AdministeredAccount;
import club.icourse.auth.account.FactorRemovalRefusedException;
import club.icourse.auth.account.UnknownAccountException;
import club.icourse.auth.account.UnknownFactorException;
import club.icourse.auth.audit.AuditLog;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account administration as JSON, for scripts: the console's operations, with the same
 * access and audit as {@link ClientAdminApi}. Accounts are named by their subject.
 */
@RestController
@RequestMapping(ClientAdminApi.BASE + "/accounts")
class AccountAdminApi {

	/** An account in a list. */
	record Summary(String subject, String username, String email, boolean emailConfirmed, Set<String> roles,
			boolean disabled, Instant disabledAt, boolean passwordCleared, Instant createdAt) {

		static Summary of(AdministeredAccount found) {
			Account account = found.account();
			return new Summary(account.subject(), account.username(), account.email(), account.emailConfirmed(),
					account.roles().stream().map(Enum::name).collect(Collectors.toSet()), found.disabled(),
					found.disabledAt(), found.passwordCleared(), account.createdAt());
		}
	}

	/**
	 * The checks behind removing a factor: how it was confirmed that the person asks, and
	 * why.
	 */
	record FactorRemoval(String reason, Boolean identityChecked) {
	}

	private static final int AUDIT_LENGTH = 20;

	private final AccountAdministration administration;

	private final List<AccountPageSection> sections;

	private final AuditLog audit;

	private final Actors actors;

	private final MessageSource messages;

	AccountAdminApi(AccountAdministration administration, List<AccountPageSection> sections, AuditLog audit,
			Actors actors, MessageSource messages) {
		this.administration = administration;
		this.sections = sections;
		this.audit = audit;
		this.actors = actors;
		this.messages = messages;
	}

	@GetMapping
	List<Summary> search(@RequestParam(required = false) String q) {
		return administration.search(q).stream().map(Summary::of).toList();
	}

	/**
	 * The account with its factors, sign-in history, authorized sites and recent audit
	 * events.
	 */
	@GetMapping("/{subject}")
	Map<String, Object> get(@PathVariable String subject) {
		AdministeredAccount found = administration.find(subject);
		ExtendedModelMap parts = new ExtendedModelMap();
		sections.forEach(section -> section.addTo(found.account(), parts));
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("account", Summary.of(found));
		view.put("factors", administration.factors(subject));
		view.put("signIns", parts.get("signIns"));
		view.put("authorizedSites", parts.get("apps"));
		view.put("audit", audit.latest(subject, null, AUDIT_LENGTH));
		return view;
	}

	@PostMapping("/{subject}/disable")
	Summary disable(@PathVariable String subject, Authentication caller) {
		administration.disable(actors.of(caller), subject);
		return Summary.of(administration.find(subject));
	}

	@PostMapping("/{subject}/enable")
	Summary enable(@PathVariable String subject, Authentication caller) {
		administration.enable(actors.of(caller), subject);
		return Summary.of(administration.find(subject));
	}

	@PostMapping("/{subject}/backoff/clear")
	Summary clearBackoff(@PathVariable String subject, Authentication caller) {
		administration.clearBackoff(actors.of(caller), subject);
		return Summary.of(administration.find(subject));
	}

	@PostMapping("/{subject}/confirmation")
	Summary resendConfirmation(@PathVariable String subject, Authentication caller) {
		administration.resendConfirmation(actors.of(caller), subject);
		return Summary.of(administration.find(subject));
	}

	@PostMapping("/{subject}/password/clear")
	Summary requireNewPassword(@PathVariable String subject, Authentication caller) {
		administration.requireNewPassword(actors.of(caller), subject);
		return Summary.of(administration.find(subject));
	}

	@PostMapping("/{subject}/roles/{role}")
	Summary grant(@PathVariable String subject, @PathVariable String role, Authentication caller) {
		administration.grant(actors.of(caller), subject, AdminRoles.parse(role));
		return Summary.of(administration.find(subject));
	}

	@DeleteMapping("/{subject}/roles/{role}")
	Summary revoke(@PathVariable String subject, @PathVariable String role, Authentication caller) {
		administration.revoke(actors.of(caller), subject, AdminRoles.parse(role));
		return Summary.of(administration.find(subject));
	}

	/**
	 * Removes a lost factor ({@code totp}, {@code recovery-codes}, {@code passkey-<id>}).
	 */
	@PostMapping("/{subject}/factors/{factor}/remove")
	AccountFactor removeFactor(@PathVariable String subject, @PathVariable String factor,
			@RequestBody(required = false) FactorRemoval checks, Authentication caller) {
		FactorRemoval given = checks == null ? new FactorRemoval(null, false) : checks;
		return administration.removeFactor(actors.of(caller), subject, factor, given.reason(),
				Boolean.TRUE.equals(given.identityChecked()));
	}

	@DeleteMapping("/{subject}")
	ResponseEntity<Void> delete(@PathVariable String subject, Authentication caller) {
		administration.delete(actors.of(caller), subject);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(UnknownAccountException.class)
	ResponseEntity<Map<String, Object>> unknown() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Map.of("error", "not_found", "message", "No account has this subject"));
	}

	@ExceptionHandler(UnknownFactorException.class)
	ResponseEntity<Map<String, Object>> unknownFactor() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Map.of("error", "not_found", "message", "The account has no factor by this id"));
	}

	@ExceptionHandler(FactorRemovalRefusedException.class)
	ResponseEntity<Map<String, Object>> checksMissing(FactorRemovalRefusedException refused) {
		return ResponseEntity.badRequest()
			.body(Map.of("error", "invalid_request", "message",
					messages.getMessage(refused.messageKey(), null, Locale.ENGLISH)));
	}

	@ExceptionHandler(AdminRoles.UnknownRoleException.class)
	ResponseEntity<Map<String, Object>> unknownRole(AdminRoles.UnknownRoleException unknown) {
		return ResponseEntity.badRequest().body(Map.of("error", "invalid_request", "message", unknown.getMessage()));
	}

	@ExceptionHandler(AccountAdministrationRefusedException.class)
	ResponseEntity<Map<String, Object>> refused(AccountAdministrationRefusedException refused) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(Map.of("error", refused.code(), "message",
					messages.getMessage(refused.messageKey(), null, refused.code(), Locale.ENGLISH)));
	}

}
