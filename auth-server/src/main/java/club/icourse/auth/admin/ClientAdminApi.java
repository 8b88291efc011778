package club.icourse.auth.admin;

import club.icourse.auth.account.Actors;
import club.icourse.auth.audit.AuditLog;
import club.icourse.auth.clients.ClientRefusedException;
import club.icourse.auth.clients.ClientRegistry;
import club.icourse.auth.clients.UnknownClientException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Client management as JSON, for scripts: the console's operations, called with a
 * client-credentials access token that carries the admin scope (see
 * {@link AdminApiAccess}). Every call is in the audit log.
 */
@RestController
@RequestMapping(ClientAdminApi.BASE)
class ClientAdminApi {

	static final String BASE = "/api/admin";

	/** A client with its state; {@code secret} only right after it was generated. */
	record ClientView(ClientRequest client, boolean disabled, Instant registeredAt, String secret) {
	}

	record Problem(String field, String code, String message) {
	}

	private final ClientRegistry registry;

	private final AuditLog audit;

	private final Actors actors;

	private final MessageSource messages;

	ClientAdminApi(ClientRegistry registry, AuditLog audit, Actors actors, MessageSource messages) {
		this.registry = registry;
		this.audit = audit;
		this.actors = actors;
		this.messages = messages;
	}

	@GetMapping("/clients")
	List<ClientView> list() {
		return registry.all().stream().map(listing -> view(listing, null)).toList();
	}

	@GetMapping("/clients/{clientId}")
	ClientView get(@PathVariable String clientId) {
		return view(existing(clientId), null);
	}

	@PostMapping("/clients")
	ResponseEntity<ClientView> create(@RequestBody ClientRequest request, Authentication caller) {
		ClientRegistry.Saved saved = registry.create(request.toDefinition(null), actors.of(caller));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(view(existing(saved.definition().clientId()), saved.secret()));
	}

	@PutMapping("/clients/{clientId}")
	ClientView update(@PathVariable String clientId, @RequestBody ClientRequest request, Authentication caller) {
		existing(clientId);
		ClientRegistry.Saved saved = registry.update(clientId, request.toDefinition(clientId), actors.of(caller));
		return view(existing(clientId), saved.secret());
	}

	@PostMapping("/clients/{clientId}/secret")
	ClientView rotateSecret(@PathVariable String clientId, Authentication caller) {
		String secret = registry.rotateSecret(clientId, actors.of(caller));
		return view(existing(clientId), secret);
	}

	@PostMapping("/clients/{clientId}/disable")
	ClientView disable(@PathVariable String clientId, Authentication caller) {
		registry.disable(clientId, actors.of(caller));
		return view(existing(clientId), null);
	}

	@PostMapping("/clients/{clientId}/enable")
	ClientView enable(@PathVariable String clientId, Authentication caller) {
		registry.enable(clientId, actors.of(caller));
		return view(existing(clientId), null);
	}

	@GetMapping("/audit")
	List<AuditLog.Event> audit(@RequestParam(required = false) String target,
			@RequestParam(required = false) Long before, @RequestParam(defaultValue = "100") int limit) {
		return audit.latest(target, before, Math.clamp(limit, 1, 500));
	}

	@ExceptionHandler(ClientRefusedException.class)
	ResponseEntity<Map<String, Object>> invalid(ClientRefusedException invalid) {
		List<Problem> problems = invalid.problems()
			.stream()
			.map(problem -> new Problem(problem.field(), problem.code(),
					messages.getMessage(problem.messageKey(), new Object[] { problem.value() }, problem.code(),
							Locale.ENGLISH)))
			.toList();
		return ResponseEntity.badRequest().body(Map.of("error", "invalid_client_metadata", "problems", problems));
	}

	@ExceptionHandler(UnknownClientException.class)
	ResponseEntity<Map<String, Object>> unknown(UnknownClientException unknown) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Map.of("error", "not_found", "message", unknown.getMessage()));
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<Map<String, Object>> unreadable() {
		return ResponseEntity.badRequest()
			.body(Map.of("error", "invalid_request", "message",
					"The request body is not a JSON client of the documented form"));
	}

	private ClientRegistry.Listing existing(String clientId) {
		return registry.find(clientId).orElseThrow(() -> new UnknownClientException(clientId));
	}

	private static ClientView view(ClientRegistry.Listing listing, String secret) {
		return new ClientView(ClientRequest.of(listing.definition()), listing.disabled(), listing.registeredAt(),
				secret);
	}

}
