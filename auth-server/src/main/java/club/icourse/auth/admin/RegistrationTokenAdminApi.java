package club.icourse.auth.admin;

import club.icourse.auth.account.Actors;
import club.icourse.auth.registration.InitialAccessToken;
import club.icourse.auth.registration.InitialAccessTokens;
import club.icourse.auth.registration.InitialTokenRefusedException;
import club.icourse.auth.registration.IssuedToken;
import java.time.Duration;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Initial access tokens for dynamic client registration as JSON, for scripts (the
 * conformance runs issue theirs here): issue one for an owner account, list them, revoke
 * one. The value is in the answer to the issue only.
 */
@RestController
@RequestMapping(ClientAdminApi.BASE + "/registration-tokens")
class RegistrationTokenAdminApi {

	/**
	 * @param validForHours how long the token opens the endpoint (24 when not given)
	 * @param maxUses how many registrations; none for any number until it expires
	 */
	record IssueRequest(String ownerSubject, Integer validForHours, Integer maxUses, boolean approveAtOnce,
			boolean withoutPkce, String note) {
	}

	record TokenView(InitialAccessToken token, String value) {
	}

	private final InitialAccessTokens tokens;

	private final Actors actors;

	private final MessageSource messages;

	RegistrationTokenAdminApi(InitialAccessTokens tokens, Actors actors, MessageSource messages) {
		this.tokens = tokens;
		this.actors = actors;
		this.messages = messages;
	}

	@PostMapping
	ResponseEntity<TokenView> issue(@RequestBody IssueRequest request, Authentication caller) {
		IssuedToken issued = tokens.issue(
				new InitialAccessTokens.Request(request.ownerSubject(),
						Duration.ofHours(request.validForHours() == null ? 24 : request.validForHours()),
						request.maxUses(), request.approveAtOnce(), request.withoutPkce(), request.note()),
				actors.of(caller));
		return ResponseEntity.status(HttpStatus.CREATED).body(new TokenView(issued.token(), issued.value()));
	}

	@GetMapping
	List<InitialAccessToken> list() {
		return tokens.all();
	}

	@PostMapping("/{id}/revoke")
	ResponseEntity<InitialAccessToken> revoke(@PathVariable long id, Authentication caller) {
		tokens.revoke(id, actors.of(caller));
		return tokens.find(id)
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}

	@ExceptionHandler(InitialTokenRefusedException.class)
	ResponseEntity<Map<String, Object>> refused(InitialTokenRefusedException refused) {
		List<ClientAdminApi.Problem> problems = refused.problems()
			.stream()
			.map(problem -> new ClientAdminApi.Problem(problem.field(), problem.code(),
					messages.getMessage(problem.messageKey(), null, problem.code(), Locale.ENGLISH)))
			.toList();
		return ResponseEntity.badRequest().body(Map.of("error", "invalid_request", "problems", problems));
	}

}
