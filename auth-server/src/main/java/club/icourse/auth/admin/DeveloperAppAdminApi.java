package club.icourse.auth.admin;

import club.icourse.auth.account.Actors;
import club.icourse.auth.developers.AppStatus;
import club.icourse.auth.developers.DeveloperApp;
import club.icourse.auth.developers.DeveloperAppRefusedException;
import club.icourse.auth.developers.DeveloperApps;
import club.icourse.auth.developers.UnknownAppException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The approval queue as JSON (same access rule as the rest of the admin API): list apps
 * (by status), approve or refuse one with a reason. Every decision is audited.
 */
@RestController
@RequestMapping(ClientAdminApi.BASE + "/developer-apps")
class DeveloperAppAdminApi {

	/** A decision's reason; required to refuse. */
	record Decision(String reason) {
	}

	private final DeveloperApps apps;

	private final Actors actors;

	private final MessageSource messages;

	DeveloperAppAdminApi(DeveloperApps apps, Actors actors, MessageSource messages) {
		this.apps = apps;
		this.actors = actors;
		this.messages = messages;
	}

	@GetMapping
	List<DeveloperApp> list(@RequestParam(required = false) AppStatus status) {
		return status == AppStatus.PENDING ? apps.pending()
				: apps.all().stream().filter(app -> status == null || app.status() == status).toList();
	}

	@PostMapping("/{clientId}/approve")
	DeveloperApp approve(@PathVariable String clientId, @RequestBody(required = false) Decision decision,
			Authentication caller) {
		apps.approve(clientId, decision == null ? null : decision.reason(), actors.of(caller));
		return apps.find(clientId).orElseThrow();
	}

	@PostMapping("/{clientId}/refuse")
	DeveloperApp refuse(@PathVariable String clientId, @RequestBody(required = false) Decision decision,
			Authentication caller) {
		apps.refuse(clientId, decision == null ? null : decision.reason(), actors.of(caller));
		return apps.find(clientId).orElseThrow();
	}

	@ExceptionHandler(DeveloperAppRefusedException.class)
	ResponseEntity<Map<String, Object>> refused(DeveloperAppRefusedException refused) {
		List<ClientAdminApi.Problem> problems = refused.problems()
			.stream()
			.map(problem -> new ClientAdminApi.Problem(problem.field(), problem.code(),
					messages.getMessage(problem.messageKey(), new Object[] { problem.value() }, problem.code(),
							Locale.ENGLISH)))
			.toList();
		return ResponseEntity.badRequest().body(Map.of("error", "invalid_request", "problems", problems));
	}

	@ExceptionHandler(UnknownAppException.class)
	ResponseEntity<Map<String, Object>> unknown(UnknownAppException unknown) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Map.of("error", "not_found", "message", unknown.getMessage()));
	}

}
